import Foundation

/// Runs the built `deepdiff` executable as a user would, capturing its output and exit status.
public struct DeepDiffProcess {
    /// What one run produced.
    public struct Outcome: Sendable {
        /// The exit status.
        public let status: Int32
        /// Everything written to standard output.
        public let standardOutput: String
        /// Everything written to standard error.
        public let standardError: String
    }

    /// The `deepdiff` binary built beside this test bundle.
    public static let executable: URL = {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        // The test runner may live inside an .xctest bundle folder.
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("deepdiff")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: "deepdiff")
    }()

    /// Runs `deepdiff arguments…` with `environment` added to a clean environment (no NO_COLOR or
    /// DEEPDIFF_* from the caller), in `directory`, with `input` on standard input.
    public static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil, input: Data? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var inherited = ProcessInfo.processInfo.environment.filter { key, _ in
            !key.hasPrefix("DEEPDIFF_") && !key.hasPrefix("PG") && key != "NO_COLOR"
        }
        inherited.merge(environment) { _, new in new }
        process.environment = inherited
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe(), error = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        if let input { standardInput.fileHandleForWriting.write(input) }
        try standardInput.fileHandleForWriting.close()
        // Read both pipes fully before waiting, so a large output cannot block the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       standardOutput: String(decoding: outputData, as: UTF8.self),
                       standardError: String(decoding: errorData, as: UTF8.self))
    }
}
