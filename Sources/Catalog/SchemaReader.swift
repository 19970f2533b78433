import PostgresClient
import SchemaModel

/// Reads schemas: owner, privileges, comment.
struct SchemaReader: KindReader {
    let subject = "schemas"
    let parameters: QueryParameters = [.schemas]

    func query(serverVersion: Int) -> String {
        """
        SELECT n.nspname AS name,
               pg_get_userbyid(n.nspowner) AS owner,
               \(CatalogSQL.privileges("n.nspacl", kindCode: "n", owner: "n.nspowner")) AS privileges,
               n.oid AS oid
        FROM pg_namespace n
        WHERE n.nspname = ANY($1::text[])
        """
    }

    func object(from row: Row, comments: Comments) throws(PostgresError) -> SchemaObject {
        SchemaObject(identity: ObjectIdentity(kind: .schema, schema: nil, name: try row.string("name")), attributes: try row.ownership(comment: comments.on(.pgNamespace, try row.int("oid"))).attributes)
    }
}
