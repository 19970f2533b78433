import PostgresClient
import SchemaModel

/// Reads installed extensions, whatever schema they live in: an extension is the database's, not a
/// schema's, and its version matters even when its schema is out of scope.
struct ExtensionReader: KindReader {
    let subject = "extensions"
    let parameters: QueryParameters = []

    func query(serverVersion: Int) -> String {
        """
        SELECT e.extname AS name, e.extversion AS version, n.nspname AS schema
        FROM pg_extension e
        JOIN pg_namespace n ON n.oid = e.extnamespace
        """
    }

    func object(from row: Row, comments: Comments) throws(PostgresError) -> SchemaObject {
        SchemaObject(
            identity: ObjectIdentity(kind: .extension, schema: nil, name: try row.string("name")),
            attributes: [AttributeName.version: try row.text("version"), AttributeName.schema: try row.text("schema")]
        )
    }
}
