import PostgresClient
import SchemaModel

/// Reads collations: provider, locale settings and determinism, as one list of settings.
struct CollationReader: KindReader {
    let subject = "collations"
    let presence: String? = "EXISTS (SELECT FROM pg_collation WHERE \(CatalogSQL.madeAfterInitdb("oid")))"

    func query(serverVersion: Int) -> String {
        // The ICU locale has its own column from PostgreSQL 15 (colliculocale), renamed colllocale in 17.
        let locale = switch serverVersion {
        case 170_000...: "c.colllocale"
        case 150_000...: "c.colliculocale"
        default: "NULL::text"
        }
        return """
        SELECT c.collname AS name, n.nspname AS schema,
               array_remove(ARRAY[
                   'provider=' || c.collprovider::text,
                   'lc_collate=' || c.collcollate,
                   'lc_ctype=' || c.collctype,
                   'locale=' || \(locale),
                   'deterministic=' || c.collisdeterministic::text
               ], NULL) AS options,
               pg_get_userbyid(c.collowner) AS owner,
               c.oid AS oid
        FROM pg_collation c
        JOIN pg_namespace n ON n.oid = c.collnamespace
        WHERE \(CatalogSQL.madeAfterInitdb("c.oid")) AND n.nspname = ANY($1::text[])
          AND NOT \(CatalogSQL.isExtensionMember("pg_collation", "c.oid", in: parameters))
        """
    }

    func object(from row: Row, comments: Comments) throws(PostgresError) -> SchemaObject {
        SchemaObject(
            identity: ObjectIdentity(kind: .collation, schema: try row.string("schema"), name: try row.string("name")),
            attributes: [
                AttributeName.options: try row.list("options"),
                AttributeName.owner: try row.text("owner"),
                AttributeName.comment: comments.on(.pgCollation, try row.int("oid")),
            ]
        )
    }
}
