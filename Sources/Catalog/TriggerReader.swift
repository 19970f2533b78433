import PostgresClient
import SchemaModel

/// Reads user triggers (not the internal ones behind foreign keys, nor the clones a partitioned table's
/// trigger makes on its partitions: the parent's trigger stands for them).
///
/// On tables in preset-managed schemas (e.g. `auth.users` on Supabase) a trigger is read when its
/// function lives in a schema read in full: that is a trigger users added, not one the platform made.
struct TriggerReader: KindReader {
    let subject = "triggers"
    let parameters: QueryParameters = [.schemas, .managedSchemas, .extensionMembers]
    let presence: String? = "EXISTS (SELECT FROM pg_trigger WHERE NOT tgisinternal)"

    func query(serverVersion: Int) -> String {
        """
        SELECT t.tgname AS name, n.nspname AS schema, c.relname AS relation,
               pg_get_triggerdef(t.oid, true) AS definition,
               t.tgenabled::text AS enabled,
               t.oid AS oid
        FROM pg_trigger t
        JOIN pg_class c ON c.oid = t.tgrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_proc p ON p.oid = t.tgfoid
        JOIN pg_namespace pn ON pn.oid = p.pronamespace
        WHERE NOT t.tgisinternal AND t.tgparentid = 0
          AND (n.nspname = ANY($1::text[]) OR (n.nspname = ANY($2::text[]) AND pn.nspname = ANY($1::text[])))
          AND NOT \(CatalogSQL.isExtensionMember("pg_class", "c.oid", in: parameters))
        """
    }

    /// `tgenabled` codes: when the trigger fires with respect to `session_replication_role`.
    static let firingModes: KeyValuePairs = ["O": "origin", "D": "disabled", "R": "replica", "A": "always"]

    func object(from row: Row, comments: Comments) throws(PostgresError) -> SchemaObject {
        SchemaObject(
            identity: ObjectIdentity(
                kind: .trigger, schema: try row.string("schema"), relation: try row.string("relation"),
                name: try row.string("name")
            ),
            definition: try row.definition(),
            attributes: [
                AttributeName.enabled: try row.code("enabled", Self.firingModes),
                AttributeName.comment: comments.on(.pgTrigger, try row.int("oid")),
            ]
        )
    }
}
