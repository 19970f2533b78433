import Foundation
import GoldenFiles

/// libxml2's xmllint, run on a document written to a temporary file (installed by
/// scripts/bootstrap as libxml2-utils).
enum XMLLint {
    /// What xmllint said: its exit status and its output.
    struct Outcome {
        var status: Int32
        var output: String
    }

    static let schema = GoldenFile.repositoryRoot.appendingPathComponent("schemas/junit.xsd").path

    /// Validates `document` against schemas/junit.xsd (which also checks it is well-formed).
    static func validate(_ document: String) throws -> Outcome {
        try run(["--noout", "--schema", schema], on: document)
    }

    /// The string value of an XPath expression over `document`, e.g. `string(/testsuites/@tests)`.
    static func value(of xpath: String, in document: String) throws -> String {
        var output = try run(["--xpath", xpath], on: document).output
        // xmllint ends what it prints with one line feed of its own.
        if output.hasSuffix("\n") { output.removeLast() }
        return output
    }

    private static func run(_ arguments: [String], on document: String) throws -> Outcome {
        let directory = FileManager.default.temporaryDirectory
        let input = directory.appendingPathComponent("deepdiff-report-\(UUID().uuidString).xml")
        let output = directory.appendingPathComponent("deepdiff-xmllint-\(UUID().uuidString).txt")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: output)
        }
        try Data(document.utf8).write(to: input)
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xmllint"] + arguments + [input.path]
        // A file, not a pipe: a long error report must not block xmllint.
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let text = String(decoding: try Data(contentsOf: output), as: UTF8.self)
            .replacingOccurrences(of: input.path, with: "FILE")
        return Outcome(status: process.terminationStatus, output: text)
    }
}
