import PostgresClient
import SchemaModel

/// Reads rewrite rules other than the `_RETURN` rules that make views (those are the views' definitions).
struct RuleReader: KindReader {
    let subject = "rules"
    let presence: String? = "EXISTS (SELECT FROM pg_rewrite WHERE \(CatalogSQL.madeAfterInitdb("oid")) AND rulename <> '_RETURN')"

    func query(serverVersion: Int) -> String {
        """
        SELECT r.rulename AS name, n.nspname AS schema, c.relname AS relation,
               pg_get_ruledef(r.oid, true) AS definition,
               r.ev_enabled::text AS enabled,
               r.oid AS oid
        FROM pg_rewrite r
        JOIN pg_class c ON c.oid = r.ev_class
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE \(CatalogSQL.madeAfterInitdb("r.oid")) AND r.rulename <> '_RETURN'
          AND n.nspname = ANY($1::text[])
          AND NOT \(CatalogSQL.isExtensionMember("pg_class", "c.oid", in: parameters))
        """
    }

    func object(from row: Row, comments: Comments) throws(PostgresError) -> SchemaObject {
        SchemaObject(
            identity: ObjectIdentity(
                kind: .rule, schema: try row.string("schema"), relation: try row.string("relation"),
                name: try row.string("name")
            ),
            definition: try row.definition(),
            attributes: [
                AttributeName.enabled: try row.code("enabled", TriggerReader.firingModes),
                AttributeName.comment: comments.on(.pgRewrite, try row.int("oid")),
            ]
        )
    }
}
