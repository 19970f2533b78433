import PostgresClient

/// Counts, per kind, the objects in scope that deepdiff does not model, so none is skipped in silence.
///
/// Schema-bound kinds are counted in the schemas read in full; database-wide kinds (casts, languages,
/// foreign-data wrappers …) when they were created after initdb (oid ≥ 16384), not by an extension and
/// not by PostgreSQL as part of another object.
struct UnmodeledObjectCounter: Sendable {
    let subject = "objects deepdiff does not model"

    /// Kinds held in a schema, each in a catalog of its own: (name for people, catalog). Every such
    /// object depends on its schema (a `pg_depend` row of type `n`), so they are all found through
    /// pg_depend's index on the schemas in scope, without opening (or planning a scan of) each catalog.
    private static let schemaBoundCatalogs: [(String, String)] = [
        ("text search configuration", "pg_ts_config"),
        ("text search dictionary", "pg_ts_dict"),
        ("text search parser", "pg_ts_parser"),
        ("text search template", "pg_ts_template"),
        ("operator", "pg_operator"),
        ("operator class", "pg_opclass"),
        ("operator family", "pg_opfamily"),
        ("statistics object", "pg_statistic_ext"),
        ("conversion", "pg_conversion"),
    ]

    /// Kinds of type deepdiff does not model, by `typtype`: (name for people, code). A type made with
    /// CREATE TYPE depends on its schema like the kinds above; the types PostgreSQL makes with another
    /// object (a type's array type, a table's row type) depend on that object instead, so they are
    /// not found there, and need not be told apart.
    private static let typeKinds: [(String, String)] = [("range type", "r"), ("base type", "b")]

    /// Kinds that belong to the whole database: (name for people, catalog).
    private static let databaseKinds: [(String, String)] = [
        ("foreign-data wrapper", "pg_foreign_data_wrapper"),
        ("foreign server", "pg_foreign_server"),
        ("cast", "pg_cast"),
        ("transform", "pg_transform"),
        ("access method", "pg_am"),
        ("procedural language", "pg_language"),
    ]

    /// The parameters `query` takes.
    private static let parameters: QueryParameters = [.schemas, .extensionMembers]

    /// One query, one row per kind present (foreign tables always).
    static let query: String = {
        let kindOfCatalog = schemaBoundCatalogs.map { name, catalog in "WHEN '\(catalog)'::regclass THEN '\(name)'" }
        let kindOfType = typeKinds.map { name, code in "WHEN '\(code)' THEN '\(name)'" }
        let catalogs = (schemaBoundCatalogs.map(\.1) + ["pg_type"]).map { "'\($0)'::regclass" }.joined(separator: ", ")
        let throughDependencies = """
            SELECT kind, count(*) AS objects
            FROM (SELECT CASE d.classid \(kindOfCatalog.joined(separator: " "))
                           WHEN 'pg_type'::regclass THEN (SELECT CASE t.typtype \(kindOfType.joined(separator: " ")) END
                                                         FROM pg_type t WHERE t.oid = d.objid)
                         END AS kind
                  FROM pg_depend d
                  WHERE d.refclassid = 'pg_namespace'::regclass AND d.deptype = 'n' AND d.classid IN (\(catalogs))
                    AND d.refobjid IN (SELECT n.oid FROM pg_namespace n WHERE n.nspname = ANY($1::text[]))
                    AND NOT \(ExtensionMembers.contain(catalogID: "d.classid", objectID: "d.objid", in: parameters))) dependents
            WHERE kind IS NOT NULL
            GROUP BY kind
            """
        // pg_foreign_table holds a row per foreign table only: no scan of every relation.
        let foreignTables = """
            SELECT 'foreign table', count(*) FROM pg_foreign_table f
            JOIN pg_class o ON o.oid = f.ftrelid
            JOIN pg_namespace n ON n.oid = o.relnamespace
            WHERE n.nspname = ANY($1::text[]) AND NOT \(CatalogSQL.isExtensionMember("pg_class", "o.oid", in: parameters))
            """
        // One branch for all of them: a single look-up of extensions' objects and parts, planned once.
        let objects = databaseKinds.map { name, catalog in "SELECT '\(name)' AS kind, '\(catalog)'::regclass::oid AS catalog, oid FROM \(catalog)" }
        let databaseWide = """
            SELECT kind, count(*)
            FROM (\(objects.joined(separator: "\n      UNION ALL "))) o
            WHERE \(CatalogSQL.madeAfterInitdb("o.oid")) AND NOT \(ExtensionMembers.contain(catalogID: "o.catalog", objectID: "o.oid", in: parameters))
              AND NOT \(CatalogSQL.isInternalPart(catalogID: "o.catalog", objectID: "o.oid"))
            GROUP BY kind
            """
        return [throughDependencies, foreignTables, databaseWide].joined(separator: "\nUNION ALL\n")
    }()

    /// The statement that counts the kinds in the scope of `plan`.
    func statement(for plan: ReadPlan) -> PostgresConnection.Statement {
        PostgresConnection.Statement(Self.query, Self.parameters.values(for: plan))
    }

    /// The kinds with at least one object, and how many, from the rows of `statement(for:)`.
    func counts(from result: QueryResult) throws(PostgresError) -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in result {
            let objects = try row.int("objects")
            if objects > 0 { counts[try row.string("kind")] = objects }
        }
        return counts
    }
}
