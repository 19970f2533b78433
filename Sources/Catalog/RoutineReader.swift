import PostgresClient
import SchemaModel

/// Reads functions (window functions included) and procedures, each overload its own object keyed by
/// its identity arguments. Aggregates have a reader of their own: `pg_get_functiondef` refuses them.
///
/// The definition is `pg_get_functiondef`'s whole text, which (unlike `prosrc`) also holds SQL-standard
/// `BEGIN ATOMIC` bodies, and functions PostgreSQL makes for a type (range constructors) are left out.
struct RoutineReader: KindReader {
    let subject = "functions and procedures"

    func query(serverVersion: Int) -> String {
        """
        SELECT p.proname AS name, n.nspname AS schema, p.prokind::text AS prokind,
               pg_get_function_identity_arguments(p.oid) AS arguments,
               pg_get_functiondef(p.oid) AS definition,
               l.lanname AS language, p.provolatile::text AS volatility, p.proisstrict AS strict,
               p.prosecdef AS security_definer, p.proleakproof AS leakproof, p.proparallel::text AS parallel,
               p.proconfig AS configuration, pg_get_function_result(p.oid) AS returns,
               p.procost::text AS cost, p.prorows::text AS rows,
               pg_get_userbyid(p.proowner) AS owner,
               \(CatalogSQL.privileges("p.proacl", kindCode: "f", owner: "p.proowner")) AS privileges,
               p.oid AS oid
        FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace
        JOIN pg_language l ON l.oid = p.prolang
        WHERE \(CatalogSQL.madeAfterInitdb("p.oid")) AND p.prokind IN ('f', 'p', 'w')
          AND n.nspname = ANY($1::text[])
          AND NOT \(CatalogSQL.isExtensionMember("pg_proc", "p.oid", in: parameters))
          AND NOT \(CatalogSQL.isInternalPart(catalogID: "'pg_proc'::regclass", objectID: "p.oid"))
        """
    }

    /// `provolatile` codes.
    static let volatilities: KeyValuePairs = ["i": "immutable", "s": "stable", "v": "volatile"]
    /// `proparallel` codes.
    static let parallelSafety: KeyValuePairs = ["s": "safe", "r": "restricted", "u": "unsafe"]

    func object(from row: Row, comments: Comments) throws(PostgresError) -> SchemaObject {
        let ownership = try row.ownership(comment: comments.on(.pgProc, try row.int("oid")))
        // In name order (see `Attributes(inOrder:)`).
        let attributes = Attributes(inOrder: [
            ownership.comment,
            // SET clauses apply as a whole; their order carries no meaning.
            .init(AttributeName.configuration, try row.list("configuration", sorted: true)),
            .init(AttributeName.cost, try row.text("cost")),
            .init(AttributeName.language, try row.text("language")),
            .init(AttributeName.leakproof, try row.flag("leakproof")),
            ownership.owner,
            .init(AttributeName.parallel, try row.code("parallel", Self.parallelSafety)),
            ownership.privileges,
            .init(AttributeName.returnType, try row.text("returns")),
            .init(AttributeName.rows, try row.text("rows")),
            .init(AttributeName.securityDefiner, try row.flag("security_definer")),
            .init(AttributeName.strict, try row.flag("strict")),
            .init(AttributeName.volatility, try row.code("volatility", Self.volatilities)),
        ])
        return SchemaObject(
            identity: ObjectIdentity(
                kind: try row.string("prokind") == "p" ? .procedure : .function, schema: try row.string("schema"),
                name: try row.string("name"), arguments: try row.string("arguments")
            ),
            definition: try row.definition(),
            attributes: attributes
        )
    }
}
