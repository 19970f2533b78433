import Foundation
import GoldenFiles
import Testing

/// `deepdiff snapshot`, and snapshot files standing in for databases.
@Suite("snapshots, end to end")
struct SnapshotCommandTests {
    static func temporaryFile(_ name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deepdiff-snap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name)
    }

    @Test("a snapshot compares exactly like the live database it was taken from")
    func snapshotStandsInForDatabase() throws {
        let demo = try TestDatabases.demo(15)
        let file = try Self.temporaryFile("production.json")
        let written = try DeepDiffProcess.run(["snapshot", demo.production, "-o", file.path])
        #expect(written.status == 0, "\(written.standardError)")
        let again = try Self.temporaryFile("again.json")
        _ = try DeepDiffProcess.run(["snapshot", demo.production, "-o", again.path])
        #expect(try Data(contentsOf: file) == Data(contentsOf: again), "snapshots are deterministic")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(!text.contains(TestDatabases.password))

        let live = try DeepDiffProcess.run(["compare", demo.production, demo.staging, "--format", "json"])
        let fromFile = try DeepDiffProcess.run(["compare", file.path, demo.staging, "--format", "json"])
        #expect(live.status == 1 && fromFile.status == 1)
        #expect(try CompareCommandTests.nonIdenticalObjects(inJSON: live.standardOutput)
                == CompareCommandTests.nonIdenticalObjects(inJSON: fromFile.standardOutput))
        let itself = try DeepDiffProcess.run(["compare", file.path, demo.production])
        #expect(itself.status == 0, "\(itself.standardOutput)")
    }

    @Test("a damaged or foreign snapshot file is an error with exit 2", arguments: [
        ("{\"format\": \"deepdiff-snapshot\", \"formatVersion\": 1, \"objects\": [", "not valid JSON"),
        ("{\"hello\": 1}", "not a deepdiff snapshot"),
        ("{\"format\": \"deepdiff-snapshot\", \"formatVersion\": 99}", "format 99"),
    ])
    func damagedSnapshot(content: String, expected: String) throws {
        let demo = try TestDatabases.demo(15)
        let file = try Self.temporaryFile("bad.json")
        try Data(content.utf8).write(to: file)
        let outcome = try DeepDiffProcess.run(["compare", file.path, demo.staging])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains(expected), "\(outcome.standardError)")
    }
}
