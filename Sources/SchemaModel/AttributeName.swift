/// Names of the attributes the catalog reader records, shared by the reader, the comparison and
/// the reports. Kinds use the subset that applies to them.
public enum AttributeName {
    // Shared by most kinds.
    public static let owner = "owner"
    public static let privileges = "privileges"
    public static let comment = "comment"

    // Columns.
    public static let position = "position"
    public static let dataType = "type"
    public static let notNull = "not_null"
    public static let defaultExpression = "default"
    public static let identity = "identity"
    public static let generatedExpression = "generated"
    public static let collation = "collation"

    // Tables, views, materialized views.
    public static let rowSecurityEnabled = "row_security"
    public static let rowSecurityForced = "row_security_forced"
    public static let partitionKey = "partition_key"
    public static let partitionBound = "partition_bound"
    public static let inheritsFrom = "inherits"
    public static let options = "options"
    public static let securityInvoker = "security_invoker"
    public static let securityBarrier = "security_barrier"
    public static let checkOption = "check_option"
    public static let populated = "populated"

    // Routines.
    public static let language = "language"
    public static let volatility = "volatility"
    public static let strict = "strict"
    public static let securityDefiner = "security_definer"
    public static let leakproof = "leakproof"
    public static let parallel = "parallel"
    public static let configuration = "configuration"
    public static let returnType = "returns"
    public static let cost = "cost"
    public static let rows = "rows"

    // Policies.
    public static let command = "command"
    public static let roles = "roles"
    public static let permissive = "permissive"
    public static let usingExpression = "using"
    public static let checkExpression = "with_check"

    // Triggers, constraints, indexes.
    public static let enabled = "enabled"
    public static let table = "table"

    // Tables and columns (continued).
    public static let persistence = "persistence"
    public static let compression = "compression"

    // Extensions.
    public static let version = "version"
    public static let schema = "schema"

    // Types: enum labels in order, a domain's base type, a composite type's fields ("name type").
    public static let labels = "labels"
    public static let baseType = "base_type"
    public static let fields = "fields"

    // Sequences.
    public static let start = "start"
    public static let increment = "increment"
    public static let minimum = "min"
    public static let maximum = "max"
    public static let cache = "cache"
    public static let cycle = "cycle"
    public static let ownedBy = "owned_by"

    // Aggregates.
    public static let aggregateKind = "aggregate_kind"
    public static let transitionFunction = "transition_function"
    public static let stateType = "state_type"
    public static let initialCondition = "initial_condition"
    public static let finalFunction = "final_function"
    public static let combineFunction = "combine_function"
    public static let sortOperator = "sort_operator"

    // Event triggers and publications.
    public static let event = "event"
    public static let function = "function"
    public static let tags = "tags"
    public static let tables = "tables"
    public static let schemas = "schemas"

    /// Attributes that decide who may see or do what: always compared, and marked in reports.
    public static let securityRelevant: Set<String> = [
        owner, privileges, rowSecurityEnabled, rowSecurityForced, securityInvoker, securityBarrier,
        securityDefiner, configuration, leakproof, roles, permissive, usingExpression, checkExpression,
        command, checkOption,
    ]
}
