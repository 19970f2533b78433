-- The floor for the comparison benchmark: the definitions deepdiff reads, fetched by psql with one
-- query per kind (no deepdiff code involved).
BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
SELECT p.oid, pg_get_functiondef(p.oid) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname = 'public' AND p.prokind IN ('f', 'p');
SELECT c.oid, pg_get_viewdef(c.oid, true) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'public' AND c.relkind IN ('v', 'm');
SELECT i.indexrelid, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public';
SELECT co.oid, pg_get_constraintdef(co.oid, true) FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace
 WHERE n.nspname = 'public';
SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), pg_get_expr(d.adbin, d.adrelid)
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
 WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped;
SELECT c.oid, c.relname, c.relacl, obj_description(c.oid, 'pg_class') FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public';
COMMIT;
