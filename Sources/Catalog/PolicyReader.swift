import PostgresClient
import SchemaModel

/// Reads row-level security policies, including those users put on tables in preset-managed schemas
/// (e.g. `storage.objects` on Supabase).
struct PolicyReader: KindReader {
    let subject = "policies"
    let presence: String? = "EXISTS (SELECT FROM pg_policy)"
    let parameters: QueryParameters = [.schemas, .managedSchemas, .extensionMembers]

    func query(serverVersion: Int) -> String {
        """
        SELECT p.polname AS name, n.nspname AS schema, c.relname AS relation,
               p.polcmd::text AS command, p.polpermissive AS permissive,
               ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_get_userbyid(r.oid) END
                     FROM unnest(p.polroles) AS r(oid)) AS roles,
               pg_get_expr(p.polqual, p.polrelid) AS using_expression,
               pg_get_expr(p.polwithcheck, p.polrelid) AS check_expression,
               p.oid AS oid
        FROM pg_policy p
        JOIN pg_class c ON c.oid = p.polrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE (n.nspname = ANY($1::text[]) OR n.nspname = ANY($2::text[]))
          AND NOT \(CatalogSQL.isExtensionMember("pg_class", "c.oid", in: parameters))
        """
    }

    /// `polcmd` codes.
    private static let commands: KeyValuePairs = ["r": "SELECT", "a": "INSERT", "w": "UPDATE", "d": "DELETE", "*": "ALL"]

    func object(from row: Row, comments: Comments) throws(PostgresError) -> SchemaObject {
        SchemaObject(
            identity: ObjectIdentity(
                kind: .policy, schema: try row.string("schema"), relation: try row.string("relation"),
                name: try row.string("name")
            ),
            attributes: [
                AttributeName.command: try row.code("command", Self.commands),
                AttributeName.permissive: try row.flag("permissive"),
                AttributeName.roles: try row.list("roles", sorted: true),
                AttributeName.usingExpression: try row.sql("using_expression"),
                AttributeName.checkExpression: try row.sql("check_expression"),
                AttributeName.comment: comments.on(.pgPolicy, try row.int("oid")),
            ]
        )
    }
}
