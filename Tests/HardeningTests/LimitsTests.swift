import Foundation
import GoldenFiles
import Testing

/// Connect and statement timeouts: their defaults are documented, and a server that never answers
/// ends in exit 2 after the connect timeout, not a hang.
@Suite("limits")
struct LimitsTests {
    @Test("a server that accepts and never answers gives exit 2 with one line within the --connect-timeout")
    func connectTimeout() throws {
        let listener = try SilentListener()
        defer { listener.close() }
        let silent = "host=127.0.0.1 port=\(listener.port) user=postgres dbname=silent"
        let started = Date()
        let outcome = try DeepDiffProcess.run(["compare", silent, silent, "--connect-timeout", "2", "--quiet"])
        let seconds = Date().timeIntervalSince(started)
        #expect(outcome.status == 2)
        #expect(outcome.standardError.hasPrefix("deepdiff: error: "), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("timeout"), "\(outcome.standardError)")
        #expect(outcome.standardError.split(separator: "\n").count == 1, "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
        #expect(seconds >= 1.5 && seconds < 8, "took \(seconds) s")
    }

    @Test("--help documents both timeouts with their defaults", arguments: ["compare", "snapshot", "audit", "verify-migrations"])
    func timeoutsDocumented(command: String) throws {
        let outcome = try DeepDiffProcess.run([command, "--help"])
        #expect(outcome.status == 0)
        let help = outcome.standardOutput.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        func explanation(of option: String) -> String? {
            help.firstIndex { $0.hasPrefix(option) }.flatMap { help.indices.contains($0 + 1) ? help[$0 + 1] : nil }
        }
        #expect(explanation(of: "--connect-timeout <connect-timeout>") == "Seconds to wait for a connection. (default: 10)")
        #expect(explanation(of: "--statement-timeout <statement-timeout>") == "Seconds any one catalog query may run. (default: 300)")
    }
}
