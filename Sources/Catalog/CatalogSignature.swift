import PostgresClient

/// A cheap fingerprint of the catalogs' state, to notice DDL that commits while a read is under way.
///
/// `pg_get_viewdef`, `pg_get_functiondef` and their kin read the latest catalog, not the transaction's
/// snapshot, so a read overlapping DDL could mix two states. Row counts and the sum of `xmin` per catalog
/// change with every insert, update and delete; computed in the read's snapshot and again in a new
/// transaction after it ends, a difference means the schema changed in between. Rows of temporary
/// objects are left out so that other sessions' temporary tables do not count as changes. A read
/// takes the two signatures only when some transaction committed while it ran (`ConcurrentCommits`).
///
/// The sum is taken without turning each `xmin` into text: `age(xmin)` is the distance from the
/// transaction's own latest xid C, so Σ age(xmin) − n·age('3') over the n rows with normal xids is
/// Σ (3 − xmin) modulo 2³², whatever C is (rows of the bootstrap and frozen xids 1 and 2 add a
/// constant). That halves the cost of a signature on a large catalog.
enum CatalogSignature {
    /// Catalogs and the condition that picks the rows worth watching. Objects initdb made (see
    /// `CatalogSQL.firstNormalObjectID`: built-in functions, types, collations, their comments)
    /// are not read by deepdiff and are left out, which makes a signature of a small database cost
    /// next to nothing; schemas are all kept, `public` among them. Temporary objects' rows are left
    /// out too, so that other sessions' temporary tables do not count as changes.
    private static let catalogs: [(String, String)] = [
        ("pg_namespace", "oid NOT IN (SELECT oid FROM temporary_namespaces)"),
        ("pg_class", "\(CatalogSQL.madeAfterInitdb("oid")) AND relpersistence <> 't'"),
        // System columns come and go with their relation, which pg_class already counts.
        ("pg_attribute", "\(CatalogSQL.madeAfterInitdb("attrelid")) AND attnum > 0 AND attrelid NOT IN (SELECT oid FROM temporary_relations)"),
        ("pg_attrdef", "\(CatalogSQL.madeAfterInitdb("adrelid")) AND adrelid NOT IN (SELECT oid FROM temporary_relations)"),
        ("pg_constraint", "\(CatalogSQL.madeAfterInitdb("oid")) AND conrelid NOT IN (SELECT oid FROM temporary_relations)"),
        ("pg_index", "\(CatalogSQL.madeAfterInitdb("indexrelid")) AND indrelid NOT IN (SELECT oid FROM temporary_relations)"),
        ("pg_trigger", "tgrelid NOT IN (SELECT oid FROM temporary_relations)"),
        ("pg_policy", "polrelid NOT IN (SELECT oid FROM temporary_relations)"),
        ("pg_rewrite", "\(CatalogSQL.madeAfterInitdb("oid")) AND ev_class NOT IN (SELECT oid FROM temporary_relations)"),
        ("pg_inherits", "inhrelid NOT IN (SELECT oid FROM temporary_relations)"),
        ("pg_sequence", "seqrelid NOT IN (SELECT oid FROM temporary_relations)"),
        ("pg_type", "\(CatalogSQL.madeAfterInitdb("oid")) AND typnamespace NOT IN (SELECT oid FROM temporary_namespaces)"),
        ("pg_proc", "\(CatalogSQL.madeAfterInitdb("oid")) AND pronamespace NOT IN (SELECT oid FROM temporary_namespaces)"),
        ("pg_aggregate", "\(CatalogSQL.madeAfterInitdb("aggfnoid"))"),
        ("pg_enum", "true"),
        ("pg_collation", "\(CatalogSQL.madeAfterInitdb("oid"))"),
        ("pg_description", Comments.userComments),
        ("pg_extension", "true"),
        ("pg_event_trigger", "true"),
        ("pg_publication", "true"),
        ("pg_publication_rel", "true"),
        ("pg_default_acl", "true"),
    ]

    /// Σ (3 − xmin) over a catalog's rows, modulo 2³², from `age` (see above).
    private static let xminSum = """
        ((coalesce(sum(age(xmin)) - count(*) FILTER (WHERE NOT (xmin = '1'::xid OR xmin = '2'::xid)) * age('3'::xid), 0) \
        % 4294967296 + 4294967296) % 4294967296)
        """

    /// One row, one column `signature`.
    static let query: String = {
        let parts = catalogs.map { catalog, condition in
            "(SELECT count(*) || '/' || \(xminSum) FROM \(catalog) WHERE \(condition))"
        }
        return """
        WITH temporary_relations AS (SELECT oid FROM pg_class WHERE relpersistence = 't'),
             temporary_namespaces AS (
                 SELECT oid FROM pg_namespace WHERE nspname LIKE 'pg\\_temp\\_%' OR nspname LIKE 'pg\\_toast\\_temp\\_%')
        SELECT concat_ws(' ', \(parts.joined(separator: ",\n    "))) AS signature
        """
    }()

    /// The signature as of the current transaction's snapshot (or now, outside a transaction). The query is
    /// prepared, so that a read's second signature does not plan its twenty-odd scans again.
    static func compute(on connection: PostgresConnection) throws(PostgresError) -> String {
        let result = try connection.queryPrepared(query)
        guard let row = result.first else {
            throw PostgresError(kind: .decoding, message: "the catalog signature query returned no row")
        }
        return try row.string("signature")
    }
}
