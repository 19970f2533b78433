import SchemaModel
import Testing

@Suite("Identity order")
struct IdentityOrderTests {
    @Test("identities sort by kind, then schema, relation, name and arguments, each by UTF-8 bytes")
    func byteOrder() {
        let names = ["", "a", "ab", "a b", "Z", "é", "日本", "e\u{301}"]
        let sorted = names.map { ObjectIdentity(kind: .table, schema: "public", name: $0) }.sorted().map(\.name)
        #expect(sorted == ["", "Z", "a", "a b", "ab", "e\u{301}", "é", "日本"])
        let view = ObjectIdentity(kind: .view, schema: "a", name: "a")
        let table = ObjectIdentity(kind: .table, schema: "z", name: "z")
        #expect(table < view)
        #expect(ObjectIdentity(kind: .function, schema: "public", name: "f", arguments: nil)
            < ObjectIdentity(kind: .function, schema: "public", name: "f", arguments: "integer"))
    }

    @Test("kinds order as declared, and each kind equals itself alone and hashes apart from the others")
    func kindsOrderAndEquality() {
        let kinds = ObjectKind.allCases
        #expect(kinds.sorted() == kinds)
        #expect(zip(kinds, kinds.dropFirst()).allSatisfy { $0 < $1 })
        for kind in kinds {
            #expect(kinds.filter { $0 == kind } == [kind])
        }
        #expect(Set(kinds).count == kinds.count)
        #expect(Set(kinds.map(\.hashValue)).count == kinds.count)
    }

    @Test("sorting many identities by their byte keys gives the order of <, equal identities keeping their order")
    func keysAgreeWithComparison() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["", "a", "ab", "b", "A", "é", "e\u{301}", "日", "x y", "_"]
        func piece() -> String { pieces.randomElement(using: &generator)! + pieces.randomElement(using: &generator)! }
        let identities = (0..<2_000).map { _ in
            ObjectIdentity(kind: ObjectKind.allCases.randomElement(using: &generator)!,
                           schema: Bool.random(using: &generator) ? nil : piece(), relation: Bool.random(using: &generator) ? nil : piece(),
                           name: piece(), arguments: Bool.random(using: &generator) ? nil : piece())
        }
        let numbered = Array(identities.enumerated())
        let byKeys = IdentityOrder.sorted(numbered, by: \.element)
        let byComparison = numbered.sorted { $0.element < $1.element || (!($1.element < $0.element) && $0.offset < $1.offset) }
        #expect(byKeys.map(\.offset) == byComparison.map(\.offset))
    }

    @Test("sorting moves each item into place once: none is lost, doubled or kept alive")
    func sortingMovesItems() {
        let tracker = ReleaseTracker()
        do {
            let names = (0..<500).map { String($0) }
            let items = names.shuffled().map { TrackedItem(name: $0, tracker: tracker) }
            let sorted = IdentityOrder.sorted(items) { $0.identity }
            #expect(sorted.map(\.identity.name) == names.sorted())
            #expect(Set(sorted.map(ObjectIdentifier.init)).count == names.count)
            #expect(tracker.released == 0)
        }
        #expect(tracker.released == 500)
    }

    @Test("a snapshot knows its objects are strictly ordered until they change, and duplicates are noticed")
    func snapshotKnowsItsOrder() {
        func table(_ name: String) -> SchemaObject { SchemaObject(identity: ObjectIdentity(kind: .table, schema: "public", name: name)) }
        let server = ServerInfo(versionNumber: 150_000, version: "15.0")
        var unique = Snapshot(server: server, database: "d", schemas: ["public"], objects: [table("b"), table("a"), table("c")])
        #expect(unique.objects.map(\.identity.name) == ["a", "b", "c"])
        #expect(unique.objectsAreStrictlyInIdentityOrder)
        let inOrder = Snapshot(server: server, database: "d", schemas: ["public"], objects: [table("a"), table("b")])
        #expect(inOrder.objectsAreStrictlyInIdentityOrder)
        unique.objects.append(table("0"))
        #expect(!unique.objectsAreStrictlyInIdentityOrder)
        let duplicated = Snapshot(server: server, database: "d", schemas: ["public"], objects: [table("b"), table("a"), table("b")])
        #expect(!duplicated.objectsAreStrictlyInIdentityOrder)
        let duplicatedInOrder = Snapshot(server: server, database: "d", schemas: ["public"], objects: [table("a"), table("a")])
        #expect(!duplicatedInOrder.objectsAreStrictlyInIdentityOrder)
    }
}

/// Counts the `TrackedItem`s released.
private final class ReleaseTracker {
    var released = 0
}

/// An item that tells its tracker when it is released.
private final class TrackedItem {
    let identity: ObjectIdentity
    private let tracker: ReleaseTracker

    init(name: String, tracker: ReleaseTracker) {
        identity = ObjectIdentity(kind: .table, schema: "public", name: name)
        self.tracker = tracker
    }

    deinit { tracker.released += 1 }
}
