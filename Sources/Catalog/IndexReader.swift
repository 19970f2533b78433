import PostgresClient
import SchemaModel

/// Reads the indexes of tables and materialized views, including those that back constraints.
struct IndexReader: KindReader {
    let subject = "indexes"

    func query(serverVersion: Int) -> String {
        """
        SELECT i.relname AS name, n.nspname AS schema, c.relname AS table_name,
               pg_get_indexdef(i.oid) AS definition,
               i.oid AS oid
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class c ON c.oid = x.indrelid
        JOIN pg_namespace n ON n.oid = i.relnamespace
        WHERE c.relkind IN ('r', 'p', 'm')
          AND n.nspname = ANY($1::text[])
          AND NOT \(CatalogSQL.isExtensionMember("pg_class", "c.oid", in: parameters))
        """
    }

    func object(from row: Row, comments: Comments) throws(PostgresError) -> SchemaObject {
        SchemaObject(
            identity: ObjectIdentity(kind: .index, schema: try row.string("schema"), name: try row.string("name")),
            definition: try row.definition(),
            attributes: Attributes(inOrder: [.init(AttributeName.comment, comments.on(.pgClass, try row.int("oid"))), .init(AttributeName.table, try row.text("table_name"))])
        )
    }
}
