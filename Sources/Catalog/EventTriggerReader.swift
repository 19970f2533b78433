import PostgresClient
import SchemaModel

/// Reads event triggers. They belong to the database, not a schema: one is read when its function lives
/// in a schema read in full, which leaves out those a platform installs with its own functions.
struct EventTriggerReader: KindReader {
    let subject = "event triggers"
    let presence: String? = "EXISTS (SELECT FROM pg_event_trigger)"

    func query(serverVersion: Int) -> String {
        """
        SELECT e.evtname AS name, e.evtevent AS event, e.evtfoid::regprocedure::text AS function,
               e.evtenabled::text AS enabled, e.evttags AS tags,
               pg_get_userbyid(e.evtowner) AS owner,
               e.oid AS oid
        FROM pg_event_trigger e
        JOIN pg_proc p ON p.oid = e.evtfoid
        JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = ANY($1::text[])
          AND NOT \(CatalogSQL.isExtensionMember("pg_event_trigger", "e.oid", in: parameters))
        """
    }

    func object(from row: Row, comments: Comments) throws(PostgresError) -> SchemaObject {
        SchemaObject(
            identity: ObjectIdentity(kind: .eventTrigger, schema: nil, name: try row.string("name")),
            attributes: [
                AttributeName.event: try row.text("event"),
                AttributeName.function: try row.text("function"),
                AttributeName.enabled: try row.code("enabled", TriggerReader.firingModes),
                AttributeName.tags: try row.list("tags", sorted: true),
                AttributeName.owner: try row.text("owner"),
                AttributeName.comment: comments.on(.pgEventTrigger, try row.int("oid")),
            ]
        )
    }
}
