-- A large schema for benchmarks: :tables tables (8 columns, a primary key, an index, a comment
-- each), a view per two tables, and a plpgsql function per table. With :variant = 'target', every
-- 50th function body is re-indented (formatting only) and every 200th has a changed literal.
SELECT set_config('bench.tables', :'tables', false), set_config('bench.variant', :'variant', false);
DO $generate$
DECLARE
  table_count integer := current_setting('bench.tables')::integer;
  is_target boolean := current_setting('bench.variant') = 'target';
  i integer;
  body text;
BEGIN
  FOR i IN 1..table_count LOOP
    EXECUTE format($sql$
      CREATE TABLE public.t%1$s (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL,
        amount numeric(12,2) DEFAULT 0,
        status text DEFAULT 'new' CHECK (status IN ('new', 'done')),
        created_at timestamptz NOT NULL DEFAULT now(),
        owner_id uuid,
        payload jsonb,
        score double precision)$sql$, i);
    EXECUTE format('CREATE INDEX t%1$s_created_idx ON public.t%1$s (created_at)', i);
    EXECUTE format('COMMENT ON TABLE public.t%1$s IS %2$L', i, 'table number ' || i);
    IF i % 2 = 0 THEN
      EXECUTE format($sql$CREATE VIEW public.v%1$s AS
        SELECT a.id, a.name, a.amount + b.amount AS total, b.status
          FROM public.t%1$s a JOIN public.t%2$s b ON a.id = b.id
         WHERE a.status = 'done'$sql$, i, i - 1);
    END IF;
    body := format($body$
BEGIN
  -- total for one status
  RETURN (SELECT coalesce(sum(amount), 0) * %2$s FROM public.t%1$s WHERE status = p_status);
END;
$body$, i, CASE WHEN is_target AND i % 200 = 0 THEN '1.05' ELSE '1.00' END);
    IF is_target AND i % 50 = 0 THEN
      body := replace(replace(body, '  RETURN', E'\tRETURN'), 'BEGIN', 'begin');
    END IF;
    EXECUTE format('CREATE FUNCTION public.f%1$s(p_status text) RETURNS numeric LANGUAGE plpgsql STABLE AS %2$L', i, body);
  END LOOP;
END
$generate$;
