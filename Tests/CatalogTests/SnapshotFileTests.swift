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
        }
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
