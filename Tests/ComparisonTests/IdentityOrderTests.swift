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
}
