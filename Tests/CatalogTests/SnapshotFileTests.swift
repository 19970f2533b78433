import Catalog
import Foundation
import GoldenFiles
import SchemaModel
import Testing

@Suite("Snapshot files")
struct SnapshotFileTests {
    @Test("a snapshot read from a database round-trips through its file unchanged", arguments: Cluster.allCases)
    func roundTrip(cluster: Cluster) throws {
        try withSnapshot(on: cluster) { snapshot in
            let data = try SnapshotFile.encode(snapshot)
            let decoded = try SnapshotFile.decode(data, path: "snapshot.json")
            #expect(decoded == snapshot)
            #expect(try SnapshotFile.encode(decoded) == data)
            // Only the live read vouches for its fingerprints; the file's are computed again when compared.
            #expect(snapshot.fingerprintsComputedHere)
            #expect(!decoded.fingerprintsComputedHere)
        }
    }

    /// What Foundation's encoder writes for the same snapshot: the file format's reference.
    private func referenceEncoding(_ snapshot: Snapshot) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var sorted = snapshot
        sorted.objects = snapshot.objects.sorted { $0.identity < $1.identity }
        return try encoder.encode(sorted) + Data([0x0A])
    }

    @Test("the file's bytes are exactly what Foundation's JSONEncoder writes, for a real database", arguments: Cluster.allCases)
    func bytesMatchTheReferenceEncoder(cluster: Cluster) throws {
        try withSnapshot(on: cluster) { snapshot in
            let writtenSnapshot = try SnapshotFile.encode(snapshot), referenceSnapshot = try referenceEncoding(snapshot)
            #expect(writtenSnapshot == referenceSnapshot)
        }
    }

    @Test("every control character, quote, backslash, slash and non-ASCII text is written as JSONEncoder writes it")
    func escapesMatchTheReferenceEncoder() throws {
        var every = ""
        for value in 0..<0x80 { every.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        every += "\u{85}\u{2028}\u{2029}\u{FEFF}\u{FFFD}é🐘"
        let objects = [
            SchemaObject(identity: ObjectIdentity(kind: .function, schema: every, relation: nil, name: every, arguments: every),
                         definition: Definition(text: every, fingerprint: Fingerprint(hex: "ab")),
                         attributes: ["text": .text(every), "sql": .sql(every), "number": .number(-1), "flag": .flag(true),
                                      "list": .list([every, ""]), "empty": .list([]), "none": .null]),
            SchemaObject(identity: ObjectIdentity(kind: .column, schema: "s", relation: "t", name: "c")),
        ]
        let snapshot = Snapshot(server: ServerInfo(versionNumber: 180_006, version: "18.6"), database: every,
                                schemas: [every], objects: objects, unmodeledObjects: [every: 1])
        let writtenSnapshot = try SnapshotFile.encode(snapshot), referenceSnapshot = try referenceEncoding(snapshot)
        #expect(writtenSnapshot == referenceSnapshot)
        let empty = Snapshot(server: ServerInfo(versionNumber: 180_006, version: "18.6"), database: "d", schemas: [], objects: [])
        let writtenEmpty = try SnapshotFile.encode(empty), referenceEmpty = try referenceEncoding(empty)
        #expect(writtenEmpty == referenceEmpty)
        let unusualKey = Snapshot(server: ServerInfo(versionNumber: 180_006, version: "18.6"), database: "d", schemas: [],
                                  objects: [SchemaObject(identity: ObjectIdentity(kind: .schema, schema: nil, name: "x"),
                                                         attributes: ["B2": .text("x"), "a10": .text("y"), "a9": .text("z")])])
        let writtenUnusualkey = try SnapshotFile.encode(unusualKey), referenceUnusualkey = try referenceEncoding(unusualKey)
        #expect(writtenUnusualkey == referenceUnusualkey)
    }

    private func decodingError(_ text: String) -> SnapshotFileError.Reason? {
        do {
            _ = try SnapshotFile.decode(Data(text.utf8), path: "file.json")
            return nil
        } catch {
            return error.reason
        }
    }

    @Test("truncated JSON, a foreign JSON file and a newer format are refused with their own reason")
    func refusals() throws {
        let snapshot = Snapshot(server: ServerInfo(versionNumber: 150_018, version: "15.18"), database: "app",
                                schemas: ["public"], objects: [])
        let text = String(decoding: try SnapshotFile.encode(snapshot), as: UTF8.self)
        #expect(decodingError(String(text.dropLast(20))) == .notJSON)
        #expect(decodingError(#"{"name": "package.json", "version": "1.0.0"}"#) == .notASnapshot)
        let newer = text.replacingOccurrences(of: #""formatVersion" : 1"#, with: #""formatVersion" : 2"#)
        #expect(newer != text)
        #expect(decodingError(newer) == .newerFormat(2))
    }

    @Test("every kind of attribute value, escapes and non-ASCII text decode back to the same snapshot")
    func everyValueRoundTrips() throws {
        let text = "line\nbreak \"quoted\" back\\slash tab\t nul-free \u{1} é 🐘 /slash"
        let object = SchemaObject(
            identity: ObjectIdentity(kind: .function, schema: "public", name: "f\"unny", arguments: "a integer"),
            definition: Definition(text: text, fingerprint: Fingerprint(hex: "ab")),
            attributes: ["t": .text(text), "s": .sql("a + 1"), "n": .number(-9_223_372_036_854_775_808), "f": .flag(false),
                         "l": .list(["x", "{y}"]), "e": .list([]), "z": .null])
        let plain = SchemaObject(identity: ObjectIdentity(kind: .schema, schema: nil, name: "app"))
        let snapshot = Snapshot(server: ServerInfo(versionNumber: 150_018, version: "15.18"), database: "app",
                                schemas: ["public"], objects: [object, plain], unmodeledObjects: ["foreign table": 2])
        let data = try SnapshotFile.encode(snapshot)
        #expect(try SnapshotFile.decode(data, path: "file.json") == snapshot)
    }

    @Test("a damaged object is refused with the path of the bad value")
    func damagedObjectNamesItsPath() throws {
        let snapshot = Snapshot(server: ServerInfo(versionNumber: 150_018, version: "15.18"), database: "app", schemas: ["public"],
                                objects: [SchemaObject(identity: ObjectIdentity(kind: .schema, schema: nil, name: "app"),
                                                       attributes: ["owner": .text("postgres")])])
        let text = String(decoding: try SnapshotFile.encode(snapshot), as: UTF8.self)
        let damaged = text.replacingOccurrences(of: #""owner" : "postgres""#, with: #""owner" : 1.5"#)
        #expect(damaged != text)
        #expect(decodingError(damaged) == .malformed("corrupt value at .objects[0].attributes.owner"))
        let unknownKind = text.replacingOccurrences(of: #""kind" : "schema""#, with: #""kind" : "spaceship""#)
        #expect(decodingError(unknownKind) == .malformed("corrupt value at .objects[0].identity.kind"))
        #expect(decodingError(text.replacingOccurrences(of: #""owner" : "postgres""#, with: #""owner" : "\ud800""#)) == .notJSON)
    }
}
