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

    /// The kinds in declaration order, kept once: `allCases` builds a new array on every use.
    private static let ordered = allCases

    /// The kind's position in declaration order: a scan of a few cases, cheaper than hashing.
    var sortPosition: Int { Self.ordered.firstIndex(of: self) ?? 0 }

    public static func < (lhs: ObjectKind, rhs: ObjectKind) -> Bool { lhs.sortPosition < rhs.sortPosition }
}
