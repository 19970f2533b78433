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

    /// Attributes that decide who may see or do what: always compared, and marked in reports.
    public static let securityRelevant: Set<String> = [
        owner, privileges, rowSecurityEnabled, rowSecurityForced, securityInvoker, securityBarrier,
        securityDefiner, configuration, leakproof, roles, permissive, usingExpression, checkExpression,
        command, checkOption,
    ]
}
