import Foundation

/// A recorded expected output under `golden/`, compared with what the code produces now.
///
/// Run the suite with `DEEPDIFF_RECORD_GOLDEN=1` (see `scripts/record-golden`) to rewrite every
/// golden file from the current output; otherwise a difference is reported as a readable,
/// line-by-line mismatch and the file is left alone.
public struct GoldenFile: Sendable {
    /// Path relative to the repository's `golden/` folder, e.g. `tokens/strings.jsonl`.
    public let name: String

    public init(_ name: String) { self.name = name }

    /// The repository root, found from this source file's location.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Where the golden file lives.
    public var url: URL { Self.repositoryRoot.appendingPathComponent("golden").appendingPathComponent(name) }

    /// Whether this run re-records golden files instead of checking them.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["DEEPDIFF_RECORD_GOLDEN"] == "1" }

    /// Compares `actual` with the recorded file (or records it). Returns a description of the
    /// mismatch, or nil when they agree.
    public func mismatch(with actual: String) -> String? {
        if Self.isRecording {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                return nil
            } catch {
                return "could not record \(name): \(error)"
            }
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return "golden file golden/\(name) is missing; record it with scripts/record-golden"
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected == actual { return nil }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let line = firstDifference + 1
        let want = firstDifference < expectedLines.count ? String(expectedLines[firstDifference]) : "<end of file>"
        let got = firstDifference < actualLines.count ? String(actualLines[firstDifference]) : "<end of output>"
        return """
            output differs from golden/\(name) at line \(line) (re-record with scripts/record-golden if intended)
              expected: \(want)
              actual:   \(got)
            """
    }
}
