import Catalog
import Foundation
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
}
