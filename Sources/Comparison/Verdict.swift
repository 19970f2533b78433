/// The outcome for one object, or for a whole comparison.
public enum Verdict: Hashable, Sendable, Codable {
    /// Both sides hold the same text (and the same attributes).
    case identical
    /// The texts differ only in formatting; `reasons` say what kind ("whitespace", "comments",
    /// "keyword case", ...). Normalized fingerprints are equal.
    case equivalent(reasons: [String])
    /// The texts differ only in how two PostgreSQL major versions print the same definition
    /// (e.g. PostgreSQL 15 qualifies columns of a single-table view, 16+ does not). Not a change.
    case printedDifferently(sourceMajor: Int, targetMajor: Int)
    /// A real difference in the definition or in an attribute.
    case different
    /// The object exists only in the source database.
    case onlyInSource
    /// The object exists only in the target database.
    case onlyInTarget

    /// The stable name used in JSON, JUnit and snapshot-independent outputs.
    public var name: String {
        switch self {
        case .identical: "identical"
        case .equivalent: "equivalent"
        case .printedDifferently: "printed_differently"
        case .different: "different"
        case .onlyInSource: "only_in_source"
        case .onlyInTarget: "only_in_target"
        }
    }

    /// Words for people, e.g. "only in source".
    public var displayName: String { name.replacing("_", with: " ") }

    /// Whether the object exists on one side only.
    public var isOneSided: Bool { self == .onlyInSource || self == .onlyInTarget }

    /// Whether this verdict fails the gate. `equivalent` does so only when the caller asks for
    /// byte-identical definitions (`strict`).
    public func isDifference(strict: Bool = false) -> Bool {
        switch self {
        case .identical, .printedDifferently: false
        case .equivalent: strict
        case .different, .onlyInSource, .onlyInTarget: true
        }
    }

    private enum CodingKeys: String, CodingKey { case verdict, reasons, sourceMajor, targetMajor }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .verdict)
        switch name {
        case "identical": self = .identical
        case "equivalent": self = .equivalent(reasons: try container.decode([String].self, forKey: .reasons))
        case "printed_differently":
            self = .printedDifferently(sourceMajor: try container.decode(Int.self, forKey: .sourceMajor),
                                       targetMajor: try container.decode(Int.self, forKey: .targetMajor))
        case "different": self = .different
        case "only_in_source": self = .onlyInSource
        case "only_in_target": self = .onlyInTarget
        default:
            throw DecodingError.dataCorruptedError(forKey: .verdict, in: container, debugDescription: "unknown verdict \(name)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .verdict)
        switch self {
        case .equivalent(let reasons): try container.encode(reasons, forKey: .reasons)
        case .printedDifferently(let sourceMajor, let targetMajor):
            try container.encode(sourceMajor, forKey: .sourceMajor)
            try container.encode(targetMajor, forKey: .targetMajor)
        default: break
        }
    }
}
