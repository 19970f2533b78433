import Foundation
import GoldenFiles
import Testing

/// Connect and statement timeouts: their defaults are documented, and a server that never answers
/// ends in exit 2 after the connect timeout, not a hang.
@Suite("limits")
struct LimitsTests {
    @Test("a server that accepts and never answers gives exit 2 with one line once the --connect-timeout expires")
    func connectTimeout() throws {
        let listener = try SilentListener()
        defer { listener.close() }
        let silent = "host=127.0.0.1 port=\(listener.port) user=postgres dbname=silent"
        let outcome = try DeepDiffProcess.run(["compare", silent, silent, "--connect-timeout", "2", "--quiet"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.hasPrefix("deepdiff: error: "), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("timeout expired"), "\(outcome.standardError)")
        #expect(outcome.standardError.split(separator: "\n").count == 1, "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test("--help documents both timeouts with their defaults", arguments: ["compare", "snapshot", "audit", "verify-migrations"])
    func timeoutsDocumented(command: String) throws {
        let outcome = try DeepDiffProcess.run([command, "--help"])
        #expect(outcome.status == 0)
        // Help text wraps at the terminal's width: compare it with its line breaks folded.
        let help = outcome.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("--connect-timeout <connect-timeout> Seconds to wait for a connection. (default: 10)"))
        #expect(help.contains("--statement-timeout <statement-timeout> Seconds any one catalog query may run; a query that runs longer is cancelled and deepdiff exits 2. (default: 300)"))
    }
}
