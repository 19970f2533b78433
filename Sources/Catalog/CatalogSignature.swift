import PostgresClient

/// A cheap fingerprint of the catalogs' state, to notice DDL that commits while a read is under way.
///
/// `pg_get_viewdef`, `pg_get_functiondef` and their kin read the latest catalog, not the transaction's
/// snapshot, so a read overlapping DDL could mix two states. Row counts and the sum of `xmin` per catalog
/// change with every insert, update and delete; computed inside the snapshot at the start and again after
/// it ends, a difference means the schema changed in between. Rows of temporary objects are left out so
/// that other sessions' temporary tables do not count as changes.
enum CatalogSignature {
    /// Catalogs and the condition that leaves out temporary objects' rows.
    private static let catalogs: [(String, String)] = [
        ("pg_namespace", "oid NOT IN (SELECT oid FROM temporary_namespaces)"),
        ("pg_class", "relpersistence <> 't'"),
        ("pg_attribute", "attrelid NOT IN (SELECT oid FROM temporary_relations)"),
        ("pg_attrdef", "adrelid NOT IN (SELECT oid FROM temporary_relations)"),
        ("pg_constraint", "conrelid NOT IN (SELECT oid FROM temporary_relations)"),
        ("pg_index", "indrelid NOT IN (SELECT oid FROM temporary_relations)"),
        ("pg_trigger", "tgrelid NOT IN (SELECT oid FROM temporary_relations)"),
        ("pg_policy", "polrelid NOT IN (SELECT oid FROM temporary_relations)"),
        ("pg_rewrite", "ev_class NOT IN (SELECT oid FROM temporary_relations)"),
        ("pg_inherits", "inhrelid NOT IN (SELECT oid FROM temporary_relations)"),
        ("pg_sequence", "seqrelid NOT IN (SELECT oid FROM temporary_relations)"),
        ("pg_type", "typnamespace NOT IN (SELECT oid FROM temporary_namespaces)"),
        ("pg_proc", "pronamespace NOT IN (SELECT oid FROM temporary_namespaces)"),
        ("pg_aggregate", "true"),
        ("pg_enum", "true"),
        ("pg_collation", "true"),
        ("pg_description", "true"),
        ("pg_extension", "true"),
        ("pg_event_trigger", "true"),
        ("pg_publication", "true"),
        ("pg_publication_rel", "true"),
        ("pg_default_acl", "true"),
    ]

    /// One row, one column `signature`.
    static let query: String = {
        let parts = catalogs.map { catalog, condition in
            "(SELECT count(*) || '/' || coalesce(sum(xmin::text::bigint), 0) FROM \(catalog) WHERE \(condition))"
        }
        return """
        WITH temporary_relations AS (SELECT oid FROM pg_class WHERE relpersistence = 't'),
             temporary_namespaces AS (
                 SELECT oid FROM pg_namespace WHERE nspname LIKE 'pg\\_temp\\_%' OR nspname LIKE 'pg\\_toast\\_temp\\_%')
        SELECT concat_ws(' ', \(parts.joined(separator: ",\n    "))) AS signature
        """
    }()

    /// The signature as of the current snapshot (or now, outside a transaction).
    static func compute(on connection: PostgresConnection) throws(PostgresError) -> String {
        let result = try connection.query(query)
        guard let row = result.first else {
            throw PostgresError(kind: .decoding, message: "the catalog signature query returned no row")
        }
        return try row.string("signature")
    }
}
