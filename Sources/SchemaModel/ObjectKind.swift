/// The kinds of schema object deepdiff reads and compares.
///
/// The raw value is the stable spelling used in snapshot files, JSON output and JUnit suite names.
/// Cases are declared in the order reports list them.
public enum ObjectKind: String, Codable, CaseIterable, Sendable, Comparable {
    case schema
    case `extension`
    case table
    case column
    case constraint
    case index
    case view
    case materializedView = "materialized_view"
    case function
    case procedure
    case aggregate
    case trigger
    case policy
    case rule
    case sequence
    case enumType = "enum"
    case domain
    case compositeType = "composite_type"
    case collation
    case eventTrigger = "event_trigger"
    case publication
    case defaultPrivileges = "default_privileges"

    /// Singular words for people, e.g. "materialized view".
    public var displayName: String {
        switch self {
        case .materializedView: "materialized view"
        case .enumType: "enum type"
        case .compositeType: "composite type"
        case .eventTrigger: "event trigger"
        case .defaultPrivileges: "default privileges"
        default: rawValue
        }
    }

    /// Plural words for summaries, e.g. "materialized views".
    public var pluralDisplayName: String {
        switch self {
        case .index: "indexes"
        case .defaultPrivileges: "default privileges"
        case .policy: "policies"
        default: displayName + "s"
        }
    }

    /// Whether objects of this kind live inside a table or view (columns, constraints, triggers,
    /// policies, rules) and so carry the relation's name as their parent.
    public var belongsToRelation: Bool {
        switch self {
        case .column, .constraint, .trigger, .policy, .rule: true
        default: false
        }
    }

    /// Whether objects of this kind are routines whose identity includes argument types.
    public var isRoutine: Bool {
        switch self {
        case .function, .procedure, .aggregate: true
        default: false
        }
    }

    /// The kind's position in declaration order.
    var sortPosition: Int {
        switch self {
        case .schema: 0
        case .extension: 1
        case .table: 2
        case .column: 3
        case .constraint: 4
        case .index: 5
        case .view: 6
        case .materializedView: 7
        case .function: 8
        case .procedure: 9
        case .aggregate: 10
        case .trigger: 11
        case .policy: 12
        case .rule: 13
        case .sequence: 14
        case .enumType: 15
        case .domain: 16
        case .compositeType: 17
        case .collation: 18
        case .eventTrigger: 19
        case .publication: 20
        case .defaultPrivileges: 21
        }
    }

    public static func < (lhs: ObjectKind, rhs: ObjectKind) -> Bool { lhs.sortPosition < rhs.sortPosition }

    // By position: a type with a raw value otherwise compares and hashes its raw string, and kinds
    // are compared and hashed for every object of a comparison.
    public static func == (lhs: ObjectKind, rhs: ObjectKind) -> Bool { lhs.sortPosition == rhs.sortPosition }

    public func hash(into hasher: inout Hasher) { hasher.combine(sortPosition) }
}
