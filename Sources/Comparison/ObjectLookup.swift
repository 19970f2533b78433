import SchemaModel

/// Finding objects by the name a person types, for the single-object commands
/// (`deepdiff function get_latency_metrics`, `deepdiff table public.agent_calls`).
public enum ObjectLookup {
    /// The identities of the objects of `kinds` named `query` in any of `snapshots`, sorted.
    ///
    /// `query` is `schema.name` or a plain name (any schema); a routine's every overload matches.
    /// Names are matched case-sensitively first; only when nothing matches that way are they
    /// matched ignoring case (as an unquoted name would be folded by PostgreSQL).
    public static func objects(named query: String, kinds: Set<ObjectKind>, in snapshots: [Snapshot]) -> [ObjectIdentity] {
        let candidates = Set(snapshots.flatMap(\.objects).map(\.identity).filter { kinds.contains($0.kind) })
        let exact = candidates.filter { $0.name == query || schemaQualifiedName(of: $0) == query }
        if !exact.isEmpty { return exact.sorted() }
        let folded = query.lowercased()
        return candidates.filter { $0.name.lowercased() == folded || schemaQualifiedName(of: $0).lowercased() == folded }.sorted()
    }

    /// Up to `limit` existing names of objects of `kinds` closest to `query` by edit distance
    /// (ignoring case), for "did you mean" hints; as `schema.name`, nearest first.
    ///
    /// A name is suggested only when it is within a third of the query's length of edits (at least 2),
    /// so a hint is never a random name.
    public static func suggestions(for query: String, kinds: Set<ObjectKind>, in snapshots: [Snapshot], limit: Int = 3) -> [String] {
        let folded = Array(query.lowercased().unicodeScalars)
        let allowance = max(2, folded.count / 3)
        var distances: [String: Int] = [:]
        for identity in snapshots.flatMap(\.objects).map(\.identity) where kinds.contains(identity.kind) {
            let qualified = schemaQualifiedName(of: identity)
            guard distances[qualified] == nil else { continue }
            distances[qualified] = min(editDistance(folded, Array(identity.name.lowercased().unicodeScalars)),
                                       editDistance(folded, Array(qualified.lowercased().unicodeScalars)))
        }
        return distances.filter { $0.value <= allowance }
            .sorted { ($0.value, $0.key) < ($1.value, $1.key) }
            .prefix(max(0, limit))
            .map(\.key)
    }

    /// `schema.name` (just `name` for objects outside schemas); routines without their arguments.
    static func schemaQualifiedName(of identity: ObjectIdentity) -> String {
        identity.schema.map { "\($0).\(identity.name)" } ?? identity.name
    }

    /// Levenshtein distance: insertions, deletions and substitutions of one scalar each.
    static func editDistance(_ source: [Unicode.Scalar], _ target: [Unicode.Scalar]) -> Int {
        if source.isEmpty { return target.count }
        var previous = Array(0...target.count)
        var current = [Int](repeating: 0, count: target.count + 1)
        for (sourceIndex, sourceScalar) in source.enumerated() {
            current[0] = sourceIndex + 1
            for (targetIndex, targetScalar) in target.enumerated() {
                let substitution = previous[targetIndex] + (sourceScalar == targetScalar ? 0 : 1)
                current[targetIndex + 1] = min(substitution, previous[targetIndex + 1] + 1, current[targetIndex] + 1)
            }
            swap(&previous, &current)
        }
        return previous[target.count]
    }
}
