import Comparison
import SchemaModel

/// Tables, views and materialized views present on one side only, with the objects that are
/// missing only because they belong to them (columns, constraints, indexes, triggers, policies,
/// rules). Reports show each such relation once, with a count of what it holds, instead of one
/// entry per column; the summary and JSON still count and list every object.
struct OneSidedRelations {
    /// The objects folded into their relation's entry.
    private var folded: Set<ObjectIdentity> = []
    /// The folded objects of each relation, by the relation's identity.
    private var children: [ObjectIdentity: [ObjectKind: Int]] = [:]
    /// The kinds of the relations that hold folded objects.
    private var parentKinds: Set<ObjectKind> = []

    /// Finds the one-sided relations of `result` and the objects missing with them on the same side.
    init(_ result: ComparisonResult) {
        var relations: [RelationReference: ObjectComparison] = [:]
        for object in result.objects(where: { kind, verdict in [.table, .view, .materializedView].contains(kind) && verdict.isOneSided }) {
            relations[RelationReference(schema: object.identity.schema, name: object.identity.name)] = object
        }
        guard !relations.isEmpty else { return }
        for object in result.objects(where: { $1.isOneSided }) {
            guard let reference = object.owningRelation, let parent = relations[reference], parent.verdict == object.verdict else { continue }
            folded.insert(object.identity)
            children[parent.identity, default: [:]][object.identity.kind, default: 0] += 1
            parentKinds.insert(parent.identity.kind)
        }
    }

    /// Whether `object` is shown only as part of its relation's entry.
    func isFolded(_ object: ObjectComparison) -> Bool {
        folded.contains(object.identity)
    }

    /// How many objects are folded into their relations.
    var foldedCount: Int { folded.count }

    /// What a relation present on one side holds, e.g. `, with 46 columns, 4 constraints, 1 index`;
    /// empty for any other object.
    func holdings(of object: ObjectComparison) -> String {
        guard let counts = children[object.identity] else { return "" }
        return ", with " + counts.keys.sorted().map { kind in
            "\(counts[kind] ?? 0) " + (counts[kind] == 1 ? kind.displayName : kind.pluralDisplayName)
        }.joined(separator: ", ")
    }

    /// The folded objects in words for the overall verdict, e.g. `51 columns, constraints and
    /// indexes of tables present on one side only`; nil when none are folded.
    var foldedDescription: String? {
        guard foldedCount > 0 else { return nil }
        var kinds: Set<ObjectKind> = []
        for counts in children.values { kinds.formUnion(counts.keys) }
        return "\(foldedCount) " + Self.list(kinds.sorted().map(\.pluralDisplayName)) + " of "
            + Self.list(parentKinds.sorted().map(\.pluralDisplayName)) + " present on one side only"
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ words: [String]) -> String {
        guard let last = words.last, words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " and " + last
    }
}
