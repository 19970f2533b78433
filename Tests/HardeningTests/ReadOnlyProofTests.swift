import Foundation
import GoldenFiles
import Testing

/// Every command, run as a role that can only read, with `default_transaction_read_only` on and
/// every statement logged: the server log shows reads and transaction/settings statements only.
@Suite("read-only, proven from the server log")
struct ReadOnlyProofTests {
    /// Statements a reading session may send, by first word.
    static let allowedFirstWords: Set<String> = ["SELECT", "WITH", "BEGIN", "ROLLBACK", "COMMIT", "SET", "SHOW"]

    @Test("every command sends only reads, transaction and settings statements")
    func onlyReadsReachTheServer() throws {
        let cluster = try TestCluster(15)
        let base = try DemoCopies.base(cluster)
        let role = TestCluster.uniqueName("reader")
        try cluster.run("""
            CREATE ROLE \(role) LOGIN;
            GRANT pg_read_all_data TO \(role);
            ALTER ROLE \(role) SET default_transaction_read_only = on;
            ALTER ROLE \(role) SET log_statement = 'all';
            """, in: "postgres")
        let log = URL(fileURLWithPath: cluster.directory).appendingPathComponent("server.log")
        let logStart = try FileHandle(forReadingFrom: log).seekToEnd()
        let side = cluster.connection(to: base, user: role)
        let snapshotFile = FileManager.default.temporaryDirectory.appendingPathComponent("readonly-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: snapshotFile) }
        let commands: [[String]] = [
            ["compare", side, side], ["function", "get_kpi_metrics", side, side], ["view", "v_agent_communications_unified", side, side],
            ["table", "clients", side, side], ["snapshot", side, "-o", snapshotFile.path], ["audit", side, side],
        ]
        for command in commands {
            let outcome = try DeepDiffProcess.run(command + ["--quiet"])
            #expect(outcome.status == 0, "\(command[0]): \(outcome.standardError)")
        }

        let handle = try FileHandle(forReadingFrom: log)
        try handle.seek(toOffset: logStart)
        let logged = Self.loggedStatements(String(decoding: handle.readDataToEndOfFile(), as: UTF8.self))
        #expect(logged.count >= 6 * 10, "only \(logged.count) statements logged: is log_statement taking effect?")
        #expect(logged.contains { $0.hasPrefix("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") })
        let others = logged.filter { statement in
            let firstWord = statement.prefix { $0.isLetter }.uppercased()
            return !Self.allowedFirstWords.contains(firstWord)
        }
        #expect(others.isEmpty, "statements other than reads reached the server: \(others.prefix(5))")
    }

    /// The first line of each statement that `log_statement = 'all'` wrote: simple queries
    /// (`LOG:  statement: …`) and extended-protocol executions (`LOG:  execute <unnamed>: …`).
    /// Only the reading role logs statements, so every such line is its own.
    static func loggedStatements(_ log: String) -> [String] {
        log.split(separator: "\n").compactMap { line in
            if let range = line.range(of: "LOG:  statement: ") { return String(line[range.upperBound...]) }
            if let range = line.range(of: "LOG:  execute "), let colon = line[range.upperBound...].range(of: ": ") {
                return String(line[colon.upperBound...])
            }
            return nil
        }
    }
}
