import Foundation
import SchemaModel
import Testing

@Suite("Attributes")
struct AttributesTests {
    @Test("attributes are kept in byte order of their names, whatever order they were set in")
    func sortedByName() {
        var attributes: Attributes = ["owner": .text("postgres"), "comment": .null]
        attributes["privileges"] = .list(["=r/postgres"])
        attributes["_internal"] = .flag(true)
        attributes["Zeta"] = .number(1)
        #expect(attributes.names == ["Zeta", "_internal", "comment", "owner", "privileges"])
        #expect(attributes.count == 5)
        #expect(attributes == ["privileges": .list(["=r/postgres"]), "Zeta": .number(1), "owner": .text("postgres"),
                               "_internal": .flag(true), "comment": .null])
    }

    @Test("a list of entries is kept when in order, and otherwise sorted like any other attributes")
    func fromEntries() {
        let inOrder = Attributes(inOrder: [.init("comment", .null), .init("owner", .text("a"))])
        #expect(inOrder.names == ["comment", "owner"])
        #expect(inOrder == ["owner": .text("a"), "comment": .null])
        let unordered = Attributes(inOrder: [.init("owner", .text("a")), .init("comment", .null), .init("owner", .text("b"))])
        #expect(unordered.names == ["comment", "owner"])
        #expect(unordered["owner"] == .text("b"))
    }

    @Test("setting a name again replaces its value; setting nil removes it")
    func replaceAndRemove() {
        var attributes: Attributes = ["owner": .text("a")]
        attributes["owner"] = .text("b")
        #expect(attributes["owner"] == .text("b"))
        attributes["owner"] = nil
        attributes["missing"] = nil
        #expect(attributes.isEmpty)
        #expect(attributes["owner"] == nil)
        #expect(Attributes([("name", .text("first")), ("name", .text("second"))])["name"] == .text("second"))
    }

    @Test("in JSON, attributes are an object keyed by name")
    func json() throws {
        let attributes: Attributes = ["owner": .text("postgres"), "using": .sql("a = 1"), "cost": .number(5)]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(attributes)
        #expect(String(decoding: data, as: UTF8.self) == #"{"cost":5,"owner":"postgres","using":{"sql":"a = 1"}}"#)
        #expect(try JSONDecoder().decode(Attributes.self, from: data) == attributes)
    }
}
