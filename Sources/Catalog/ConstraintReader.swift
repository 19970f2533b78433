import PostgresClient
import SchemaModel

/// Reads table constraints and domain constraints (a domain's constraints carry the domain's name as
/// their relation: tables and types share one namespace, so the two cannot collide).
///
/// NOT NULL constraints are left out: PostgreSQL 18 records them in pg_constraint and older servers do
/// not, and columns and domains already carry `not_null`, which compares the same on every version.
/// Constraint triggers are read as triggers.
struct ConstraintReader: KindReader {
    let subject = "constraints"

    func query(serverVersion: Int) -> String {
        """
        SELECT con.conname AS name, n.nspname AS schema, coalesce(c.relname, t.typname) AS relation,
               pg_get_constraintdef(con.oid, true) AS definition,
               con.oid AS oid
        FROM pg_constraint con
        JOIN pg_namespace n ON n.oid = con.connamespace
        LEFT JOIN pg_class c ON c.oid = con.conrelid AND con.conrelid <> 0
        LEFT JOIN pg_type t ON t.oid = con.contypid AND con.contypid <> 0
        WHERE con.contype NOT IN ('n', 't')
          AND (c.relkind IN ('r', 'p') OR t.oid IS NOT NULL)
          AND n.nspname = ANY($1::text[])
          AND NOT \(CatalogSQL.isExtensionMember("pg_class", "con.conrelid", in: parameters))
          AND NOT \(CatalogSQL.isExtensionMember("pg_type", "con.contypid", in: parameters))
        """
    }

    func object(from row: Row, comments: Comments) throws(PostgresError) -> SchemaObject {
        SchemaObject(
            identity: ObjectIdentity(
                kind: .constraint, schema: try row.string("schema"), relation: try row.string("relation"),
                name: try row.string("name")
            ),
            definition: try row.definition(),
            attributes: [AttributeName.comment: comments.on(.pgConstraint, try row.int("oid"))]
        )
    }
}
