import Foundation
import GoldenFiles
import Testing

/// A real snapshot file cut short anywhere, or rewritten as a future format version, gives exit 2
/// with one clear line naming the file, never a crash or a comparison.
@Suite("damaged snapshot files")
struct SnapshotDamageTests {
    /// A snapshot of the demo written by `deepdiff snapshot`, in a folder of its own.
    static func realSnapshot(_ folder: URL) throws -> Data {
        let cluster = try TestCluster(15)
        let file = folder.appendingPathComponent("demo.json")
        let outcome = try DeepDiffProcess.run(["snapshot", cluster.connection(to: try DemoCopies.base(cluster)), "-o", file.path, "--quiet"])
        try #require(outcome.status == 0, "\(outcome.standardError)")
        return try Data(contentsOf: file)
    }

    /// Offsets to cut at: the first bytes, thirty spread over the file, and the places where a
    /// reader is most likely to slip (inside an escape, a multibyte character, a number, a literal,
    /// just before the closing brace).
    static func cuts(of snapshot: Data) -> [Int] {
        let bytes = [UInt8](snapshot)
        var cuts = [0, 1, 2] + (1...30).map { bytes.count * $0 / 31 } + [bytes.count - 2]
        let marks: [(pattern: String, within: Int)] = [("\\\"", 1), ("\\n", 1), ("\\u", 3), ("true", 2), ("false", 3), ("null", 2),
                                                       ("\"formatVersion\" : ", 19)]
        for mark in marks {
            if let start = snapshot.range(of: Data(mark.pattern.utf8))?.lowerBound { cuts.append(start + mark.within) }
        }
        if let multibyte = bytes.firstIndex(where: { $0 >= 0xC0 }) { cuts.append(multibyte + 1) }
        if let digit = bytes.indices.first(where: { index in
            index + 1 < bytes.count && (0x31...0x39).contains(bytes[index]) && (0x30...0x39).contains(bytes[index + 1])
        }) { cuts.append(digit + 1) }
        return Array(Set(cuts)).sorted()
    }

    @Test("a real snapshot cut short at any of many offsets gives exit 2 with one line saying it is not valid JSON")
    func truncatedRealSnapshot() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let snapshot = try Self.realSnapshot(folder)
        let full = folder.appendingPathComponent("demo.json").path
        let cut = folder.appendingPathComponent("cut.json")
        let cuts = Self.cuts(of: snapshot)
        #expect(cuts.count >= 35)
        for offset in cuts {
            try snapshot.prefix(offset).write(to: cut)
            let outcome = try DeepDiffProcess.run(["compare", full, cut.path, "--quiet"])
            #expect(outcome.status == 2, "cut at \(offset) of \(snapshot.count): \(outcome.standardError)")
            #expect(outcome.standardError == "deepdiff: error: \(cut.path) is not valid JSON (truncated or not a snapshot file)\n",
                    "cut at \(offset) of \(snapshot.count)")
            #expect(outcome.standardOutput.isEmpty)
        }
    }

    @Test("a real snapshot marked with a future format version gives exit 2 with one line asking for an upgrade")
    func futureFormatVersion() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let snapshot = String(decoding: try Self.realSnapshot(folder), as: UTF8.self)
        let version = try #require(snapshot.range(of: #""formatVersion" : [0-9]+"#, options: .regularExpression))
        let future = folder.appendingPathComponent("future.json")
        try Data(snapshot.replacingCharacters(in: version, with: "\"formatVersion\" : 999").utf8).write(to: future)
        let outcome = try DeepDiffProcess.run(["compare", future.path, folder.appendingPathComponent("demo.json").path, "--quiet"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.hasPrefix("deepdiff: error: \(future.path) was written in snapshot format 999;"), "\(outcome.standardError)")
        #expect(outcome.standardError.hasSuffix("upgrade deepdiff\n"), "\(outcome.standardError)")
        #expect(outcome.standardError.split(separator: "\n").count == 1)
        #expect(outcome.standardOutput.isEmpty)
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hd-snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
