import SchemaModel

/// A pattern naming objects to leave out of a comparison, as written in the config file's ignore
/// list: `public.agent_calls_test`, `function public.debug_*`, `materialized_view reporting.*`,
/// `audit_*`.
///
/// An optional kind comes first (its snapshot spelling, e.g. `materialized_view`, or its display
/// name, e.g. `materialized view`), then a name where `*` matches any run of characters and `?`
/// one character. A name with a dot is matched against `schema.name` (for columns, constraints,
/// triggers, policies and rules: `schema.relation.name`); without a dot, against the object's own
/// name in any schema. Routines match by name, all overloads at once. A pattern that matches a
/// table, view or materialized view also leaves out everything that belongs to it (columns,
/// constraints, indexes, triggers, policies, rules). Matching is case-sensitive, like quoted
/// PostgreSQL names.
public struct ObjectPattern: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The kind the pattern is limited to, or nil for any kind.
    public var kind: ObjectKind?
    /// The name pattern, with `*` and `?` wildcards.
    public var name: String

    /// Creates a pattern from its parts.
    public init(kind: ObjectKind? = nil, name: String) {
        self.kind = kind
        self.name = name
    }

    /// Reads a pattern as written in the config file; nil when it is empty or its first words
    /// are not a kind of object.
    public init?(_ text: String) {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let name = words.last else { return nil }
        var kind: ObjectKind?
        if words.count > 1 {
            let kindWords = words.dropLast().joined(separator: " ").lowercased()
            guard let match = ObjectKind.allCases.first(where: { $0.rawValue == kindWords || $0.displayName == kindWords }) else {
                return nil
            }
            kind = match
        }
        self.init(kind: kind, name: name)
    }

    public var description: String { kind.map { "\($0.rawValue) \(name)" } ?? name }

    /// Whether the pattern names `identity` itself.
    public func matches(_ identity: ObjectIdentity) -> Bool {
        if let kind, kind != identity.kind { return false }
        let path: String
        if !name.contains(".") {
            path = identity.name
        } else {
            let parts = [identity.schema, identity.kind.belongsToRelation ? identity.relation : nil, identity.name]
            path = parts.compactMap { $0 }.joined(separator: ".")
        }
        return Self.glob(Array(name.utf8)[...], matches: Array(path.utf8)[...])
    }

    /// Whether the pattern names the relation `schema.relation` (as a table, view or materialized
    /// view), so that the objects belonging to it are left out with it.
    func matchesRelation(schema: String?, name relation: String) -> Bool {
        [ObjectKind.table, .view, .materializedView].contains { relationKind in
            matches(ObjectIdentity(kind: relationKind, schema: schema, name: relation))
        }
    }

    /// Wildcard matching over UTF-8 bytes, the greedy way: on a mismatch the latest `*` absorbs one
    /// more byte. O(pattern × text) at worst, linear for the usual one-star pattern.
    static func glob(_ pattern: ArraySlice<UInt8>, matches text: ArraySlice<UInt8>) -> Bool {
        var patternIndex = pattern.startIndex, textIndex = text.startIndex
        var star: (pattern: Int, text: Int)?
        while textIndex < text.endIndex {
            if patternIndex < pattern.endIndex, pattern[patternIndex] == UInt8(ascii: "*") {
                star = (patternIndex, textIndex)
                patternIndex += 1
            } else if patternIndex < pattern.endIndex,
                      pattern[patternIndex] == UInt8(ascii: "?") || pattern[patternIndex] == text[textIndex] {
                patternIndex += 1
                textIndex += 1
            } else if let last = star {
                patternIndex = last.pattern + 1
                textIndex = last.text + 1
                star = (last.pattern, last.text + 1)
            } else {
                return false
            }
        }
        while patternIndex < pattern.endIndex, pattern[patternIndex] == UInt8(ascii: "*") { patternIndex += 1 }
        return patternIndex == pattern.endIndex
    }
}
