import SchemaModel

/// Which objects of a snapshot take part in a comparison, from the options' ignore patterns and
/// `onlyObjects` restriction.
struct ObjectScope: Sendable {
    /// A table, view or materialized view, by schema and name.
    struct RelationName: Hashable, Sendable {
        var schema: String?
        var name: String

        /// Equal when both names have the same UTF-8 bytes, as objects' identities are.
        static func == (lhs: RelationName, rhs: RelationName) -> Bool {
            UTF8Bytes.equal(lhs.name, rhs.name) && UTF8Bytes.equal(lhs.schema, rhs.schema)
        }

        func hash(into hasher: inout Hasher) {
            UTF8Bytes.hash(schema, into: &hasher)
            UTF8Bytes.hash(name, into: &hasher)
        }
    }

    private let ignoredObjects: [ObjectPattern]
    private let onlyObjects: Set<ObjectIdentity>?
    private let onlyRelations: Set<RelationName>

    /// The kinds whose objects own columns, constraints, indexes, triggers, policies and rules.
    static let relationKinds: Set<ObjectKind> = [.table, .view, .materializedView]

    /// The scope the options describe.
    init(_ options: ComparisonOptions) {
        ignoredObjects = options.ignoredObjects
        onlyObjects = options.onlyObjects
        onlyRelations = Set((options.onlyObjects ?? []).filter { Self.relationKinds.contains($0.kind) }
            .map { RelationName(schema: $0.schema, name: $0.name) })
    }

    /// Whether the scope leaves nothing out, so filtering can be skipped.
    var includesEverything: Bool { ignoredObjects.isEmpty && onlyObjects == nil }

    /// Whether `object` takes part.
    func includes(_ object: SchemaObject) -> Bool {
        let owner = Self.owningRelation(of: object)
        if let onlyObjects, !onlyObjects.contains(object.identity) {
            guard let owner, onlyRelations.contains(owner) else { return false }
        }
        for pattern in ignoredObjects {
            if pattern.matches(object.identity) { return false }
            if let owner, pattern.matchesRelation(schema: owner.schema, name: owner.name) { return false }
        }
        return true
    }

    /// The table or view an object belongs to: its identity's relation for columns, constraints,
    /// triggers, policies and rules; for an index, its identity's relation if the reader set one,
    /// else its `table` attribute (`schema.name` or a name in the index's schema).
    static func owningRelation(of object: SchemaObject) -> RelationName? {
        let identity = object.identity
        if identity.kind.belongsToRelation || identity.kind == .index, let relation = identity.relation {
            return RelationName(schema: identity.schema, name: relation)
        }
        guard identity.kind == .index, case .text(let table)? = object.attributes[AttributeName.table] else { return nil }
        if let dot = table.firstIndex(of: ".") {
            return RelationName(schema: String(table[..<dot]), name: String(table[table.index(after: dot)...]))
        }
        return RelationName(schema: identity.schema, name: table)
    }
}
