import PostgresClient
import SchemaModel

/// Reads default privileges (`ALTER DEFAULT PRIVILEGES`): one object per role, schema (or none, for
/// the database-wide ones) and object type, named like `postgres on tables`.
struct DefaultPrivilegesReader: KindReader {
    let subject = "default privileges"
    let presence: String? = "EXISTS (SELECT FROM pg_default_acl)"
    let parameters: QueryParameters = [.schemas]

    func query(serverVersion: Int) -> String {
        """
        SELECT pg_get_userbyid(a.defaclrole) AS role, n.nspname AS schema, a.defaclobjtype::text AS object_type,
               a.defaclacl::text[] AS privileges
        FROM pg_default_acl a
        LEFT JOIN pg_namespace n ON n.oid = a.defaclnamespace AND a.defaclnamespace <> 0
        WHERE a.defaclnamespace = 0 OR n.nspname = ANY($1::text[])
        """
    }

    /// `defaclobjtype` codes, as `ALTER DEFAULT PRIVILEGES … ON` spells them.
    private static let objectTypes = [
        "r": "tables", "S": "sequences", "f": "functions", "T": "types", "n": "schemas", "L": "large objects",
    ]

    func object(from row: Row, comments: Comments) throws(PostgresError) -> SchemaObject {
        let objectType = try row.string("object_type")
        let name = "\(try row.string("role")) on \(Self.objectTypes[objectType] ?? objectType)"
        return SchemaObject(
            identity: ObjectIdentity(kind: .defaultPrivileges, schema: try row.optionalString("schema"), name: name),
            attributes: [AttributeName.privileges: try row.list("privileges", sorted: true)]
        )
    }
}
