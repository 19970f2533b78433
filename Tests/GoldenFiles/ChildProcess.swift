import Foundation

/// Runs a program to completion with its standard output and error captured together: the one
/// way the test targets run psql, xmllint and the repository's scripts.
public enum ChildProcess {
    /// What the program printed and how it ended.
    public struct Outcome: Sendable {
        /// The exit status.
        public let status: Int32
        /// Standard output and standard error, interleaved.
        public let output: String
    }

    /// A run that did not exit 0; the description names the program and keeps its output.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs `executable` with `arguments` (and `environment`, when given, instead of this
    /// process's), waiting for it to exit.
    public static func run(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // Read to the end before waiting, so a large output cannot block the child.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// Runs the program and returns its output, or throws `Failure` (described as `what` failed,
    /// with the output) when it does not exit 0.
    @discardableResult
    public static func succeeding(_ what: String, _ executable: URL, _ arguments: [String], environment: [String: String]? = nil) throws -> String {
        let outcome = try run(executable, arguments, environment: environment)
        guard outcome.status == 0 else { throw Failure(description: "\(what) failed: \(outcome.output)") }
        return outcome.output
    }
}
