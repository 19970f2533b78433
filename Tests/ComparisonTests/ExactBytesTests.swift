import Comparison
import SchemaModel
import Testing

/// Swift's `String` `==` holds for canonically equivalent texts; PostgreSQL compares bytes. A
/// precomposed "é" (U+00E9) and "e" followed by a combining acute accent (U+0301) look alike and are
/// `==` in Swift, yet `length()` of the two differs, so a body, a name or a comment holding one is not
/// the same as one holding the other.
@Suite("Texts are compared by their bytes, not by Unicode equivalence")
struct ExactBytesTests {
    let composed = "caf\u{E9}"
    let decomposed = "cafe\u{301}"

    @Test("the two spellings are equal Swift strings but different bytes, the case these tests are about")
    func spellingsDiffer() {
        #expect(composed == decomposed)
        #expect(!UTF8Bytes.equal(composed, decomposed))
    }

    @Test("a definition whose literal differs only in the spelling of é is different, never identical")
    func definitionLiteral() throws {
        let comparison = try #require(Fixture.compareOne(
            Fixture.object(.function, "label", arguments: "", definition: "SELECT '\(composed)'::text"),
            Fixture.object(.function, "label", arguments: "", definition: "SELECT '\(decomposed)'::text")))
        #expect(comparison.verdict == .different)
        #expect(comparison.source?.exact != comparison.target?.exact)
    }

    @Test("names that differ only in the spelling of é are two objects, one on each side")
    func names() {
        let result = Fixture.compare([Fixture.object(.table, composed)], [Fixture.object(.table, decomposed)])
        // In byte order: "e" (0x65) before the first byte of "é" (0xC3).
        #expect(result.objects.map(\.verdict) == [.onlyInTarget, .onlyInSource])
        #expect(result.objects.map { Array($0.identity.name.utf8) } == [Array(decomposed.utf8), Array(composed.utf8)])
    }

    @Test("a comment, an SQL expression and a list element that differ only in the spelling of é differ")
    func attributeValues() throws {
        for (source, target) in [(AttributeValue.text(composed), AttributeValue.text(decomposed)),
                                 (.sql("'\(composed)'"), .sql("'\(decomposed)'")),
                                 (.list([composed]), .list([decomposed]))] {
            let comparison = try #require(Fixture.compareOne(
                Fixture.object(.table, "t", attributes: [AttributeName.comment: source]),
                Fixture.object(.table, "t", attributes: [AttributeName.comment: target])))
            #expect(comparison.verdict == .different, "\(source)")
        }
    }

    @Test("columns reordered in one of two tables whose names differ only in the spelling of é make that table alone differ")
    func columnOrderPerTable() {
        func table(_ name: String, _ positions: (a: Int64, b: Int64)) -> [SchemaObject] {
            [Fixture.object(.table, name), Fixture.column(name, "a", position: positions.a), Fixture.column(name, "b", position: positions.b)]
        }
        // The reordered table sorts second, after the other table's columns.
        let result = Fixture.compare(table(composed, (1, 2)) + table(decomposed, (1, 2)),
                                     table(composed, (2, 1)) + table(decomposed, (1, 2)))
        let tables = result.objects.filter { $0.identity.kind == .table }
        #expect(tables.map(\.verdict) == [.identical, .different])
        #expect(tables.map { Array($0.identity.name.utf8) } == [Array(decomposed.utf8), Array(composed.utf8)])
    }

    @Test("equal values hash alike and unequal ones are told apart in sets")
    func hashingAgreesWithEquality() {
        let identities: Set = [ObjectIdentity(kind: .table, schema: "public", name: composed),
                               ObjectIdentity(kind: .table, schema: "public", name: decomposed),
                               ObjectIdentity(kind: .table, schema: "public", name: composed)]
        #expect(identities.count == 2)
        let values: Set<AttributeValue> = [.text(composed), .text(decomposed), .sql(composed), .list([composed, "x"]),
                                           .list([composed + "x"]), .text(composed)]
        #expect(values.count == 5)
    }
}
