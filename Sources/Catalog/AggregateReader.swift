import PostgresClient
import SchemaModel

/// Reads aggregates from `pg_aggregate` (`pg_get_functiondef` refuses them): the functions and state
/// that make one, as attributes, each overload keyed by its identity arguments.
struct AggregateReader: KindReader {
    let subject = "aggregates"
    let presence: String? = "EXISTS (SELECT FROM pg_aggregate WHERE \(CatalogSQL.madeAfterInitdb("aggfnoid")))"

    func query(serverVersion: Int) -> String {
        """
        SELECT p.proname AS name, n.nspname AS schema,
               pg_get_function_identity_arguments(p.oid) AS arguments,
               pg_get_function_result(p.oid) AS returns,
               a.aggkind::text AS aggregate_kind,
               a.aggtransfn::regprocedure::text AS transition_function,
               format_type(a.aggtranstype, NULL) AS state_type,
               a.agginitval AS initial_condition,
               nullif(a.aggfinalfn::oid, 0)::regprocedure::text AS final_function,
               nullif(a.aggcombinefn::oid, 0)::regprocedure::text AS combine_function,
               nullif(a.aggsortop, 0)::regoperator::text AS sort_operator,
               array_remove(ARRAY[
                   'finalfunc_extra=' || a.aggfinalextra::text,
                   'finalfunc_modify=' || a.aggfinalmodify::text,
                   'serialfunc=' || nullif(a.aggserialfn::oid, 0)::regprocedure::text,
                   'deserialfunc=' || nullif(a.aggdeserialfn::oid, 0)::regprocedure::text,
                   'msfunc=' || nullif(a.aggmtransfn::oid, 0)::regprocedure::text,
                   'minvfunc=' || nullif(a.aggminvtransfn::oid, 0)::regprocedure::text,
                   'mfinalfunc=' || nullif(a.aggmfinalfn::oid, 0)::regprocedure::text,
                   'mstype=' || format_type(nullif(a.aggmtranstype, 0), NULL),
                   'minitcond=' || a.aggminitval,
                   'direct_arguments=' || a.aggnumdirectargs::text
               ], NULL) AS options,
               p.proparallel::text AS parallel,
               pg_get_userbyid(p.proowner) AS owner,
               \(CatalogSQL.privileges("p.proacl", kindCode: "f", owner: "p.proowner")) AS privileges,
               p.oid AS oid
        FROM pg_aggregate a
        JOIN pg_proc p ON p.oid = a.aggfnoid
        JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE \(CatalogSQL.madeAfterInitdb("a.aggfnoid")) AND n.nspname = ANY($1::text[])
          AND NOT \(CatalogSQL.isExtensionMember("pg_proc", "p.oid", in: parameters))
        """
    }

    /// `aggkind` codes.
    private static let aggregateKinds: KeyValuePairs = ["n": "normal", "o": "ordered-set", "h": "hypothetical-set"]

    func object(from row: Row, comments: Comments) throws(PostgresError) -> SchemaObject {
        let ownership = try row.ownership(comment: comments.on(.pgProc, try row.int("oid")))
        // In name order (see `Attributes(inOrder:)`).
        let attributes = Attributes(inOrder: [
            .init(AttributeName.aggregateKind, try row.code("aggregate_kind", Self.aggregateKinds)),
            .init(AttributeName.combineFunction, try row.text("combine_function")),
            ownership.comment,
            .init(AttributeName.finalFunction, try row.text("final_function")),
            .init(AttributeName.initialCondition, try row.text("initial_condition")),
            .init(AttributeName.options, try row.list("options")),
            ownership.owner,
            .init(AttributeName.parallel, try row.code("parallel", RoutineReader.parallelSafety)),
            ownership.privileges,
            .init(AttributeName.returnType, try row.text("returns")),
            .init(AttributeName.sortOperator, try row.text("sort_operator")),
            .init(AttributeName.stateType, try row.text("state_type")),
            .init(AttributeName.transitionFunction, try row.text("transition_function")),
        ])
        return SchemaObject(
            identity: ObjectIdentity(
                kind: .aggregate, schema: try row.string("schema"), name: try row.string("name"),
                arguments: try row.string("arguments")
            ),
            attributes: attributes
        )
    }
}
