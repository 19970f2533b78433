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
        WHERE p.prokind IN ('f', 'p', 'w')
          AND n.nspname = ANY($1::text[])
          AND NOT \(CatalogSQL.isExtensionMember("pg_proc", "p.oid", in: parameters))
          AND NOT \(CatalogSQL.isInternalPart("pg_proc", "p.oid"))
        """
    }

    /// `provolatile` codes.
    static let volatilities = ["i": "immutable", "s": "stable", "v": "volatile"]
    /// `proparallel` codes.
    static let parallelSafety = ["s": "safe", "r": "restricted", "u": "unsafe"]

    func object(from row: Row, comments: Comments) throws(PostgresError) -> SchemaObject {
        var attributes = try row.ownership(comment: comments.on(.pgProc, try row.int("oid")))
        attributes[AttributeName.language] = try row.text("language")
        attributes[AttributeName.volatility] = try row.code("volatility", Self.volatilities)
        attributes[AttributeName.strict] = try row.flag("strict")
        attributes[AttributeName.securityDefiner] = try row.flag("security_definer")
        attributes[AttributeName.leakproof] = try row.flag("leakproof")
        attributes[AttributeName.parallel] = try row.code("parallel", Self.parallelSafety)
        // SET clauses apply as a whole; their order carries no meaning.
        attributes[AttributeName.configuration] = try row.list("configuration", sorted: true)
        attributes[AttributeName.returnType] = try row.text("returns")
        attributes[AttributeName.cost] = try row.text("cost")
        attributes[AttributeName.rows] = try row.text("rows")
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
