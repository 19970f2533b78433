import PostgresClient
import SchemaModel

/// Reads publications: what they publish (all tables, listed tables with their column lists and row
/// filters, whole schemas) and their options. Publications belong to the database and are always read.
struct PublicationReader: KindReader {
    let subject = "publications"
    let presence: String? = "EXISTS (SELECT FROM pg_publication)"
    let parameters: QueryParameters = []

    func query(serverVersion: Int) -> String {
        // Column lists, row filters and TABLES IN SCHEMA arrived in PostgreSQL 15; publish_generated_columns in 18.
        let tableEntry = serverVersion >= 150_000
            ? """
              pr.prrelid::regclass::text
                  || coalesce(' (' || (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
                                       FROM pg_attribute a
                                       WHERE a.attrelid = pr.prrelid AND a.attnum = ANY(pr.prattrs::int2[])) || ')', '')
                  || coalesce(' WHERE (' || pg_get_expr(pr.prqual, pr.prrelid) || ')', '')
              """
            : "pr.prrelid::regclass::text"
        let schemas = serverVersion >= 150_000
            ? "ARRAY(SELECT pn.pnnspid::regnamespace::text FROM pg_publication_namespace pn WHERE pn.pnpubid = p.oid ORDER BY 1)"
            : "'{}'::text[]"
        // Its default ('n', none) is left out so that it reads the same as on older servers.
        let generatedColumns = serverVersion >= 180_000
            ? "CASE WHEN p.pubgencols <> 'n' THEN 'publish_generated_columns=' || p.pubgencols::text END"
            : "NULL"
        return """
        SELECT p.pubname AS name,
               ARRAY(SELECT \(tableEntry) FROM pg_publication_rel pr WHERE pr.prpubid = p.oid ORDER BY 1) AS tables,
               \(schemas) AS schemas,
               array_remove(ARRAY[
                   'all_tables=' || p.puballtables::text,
                   'publish=' || concat_ws(', ', CASE WHEN p.pubinsert THEN 'insert' END,
                                           CASE WHEN p.pubupdate THEN 'update' END,
                                           CASE WHEN p.pubdelete THEN 'delete' END,
                                           CASE WHEN p.pubtruncate THEN 'truncate' END),
                   'publish_via_partition_root=' || p.pubviaroot::text,
                   \(generatedColumns)
               ], NULL) AS options,
               pg_get_userbyid(p.pubowner) AS owner,
               p.oid AS oid
        FROM pg_publication p
        """
    }

    func object(from row: Row, comments: Comments) throws(PostgresError) -> SchemaObject {
        SchemaObject(
            identity: ObjectIdentity(kind: .publication, schema: nil, name: try row.string("name")),
            attributes: [
                AttributeName.tables: try row.list("tables"),
                AttributeName.schemas: try row.list("schemas"),
                AttributeName.options: try row.list("options"),
                AttributeName.owner: try row.text("owner"),
                AttributeName.comment: comments.on(.pgPublication, try row.int("oid")),
            ]
        )
    }
}
