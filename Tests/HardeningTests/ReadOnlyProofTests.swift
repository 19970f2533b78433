import Foundation
import GoldenFiles
import Testing

/// Every command, run as a role that can only read, with `default_transaction_read_only` on and
/// every statement logged: the server log shows reads and transaction/settings statements only.
/// `verify-migrations` writes only to its scratch database, which it drops afterwards.
///
/// Serialized: each test reads the statements its cluster logged while it ran, so no other test
/// may log statements into the same log meanwhile (only the tests of this suite do).
@Suite("read-only, proven from the server log", .serialized)
struct ReadOnlyProofTests {
    /// Statements a reading session may send, by first word: reads, and transaction control (a
    /// savepoint guards a prepared statement that a pooler may have lost).
    static let allowedFirstWords: Set<String> = ["SELECT", "WITH", "BEGIN", "ROLLBACK", "COMMIT", "SAVEPOINT", "RELEASE", "SET", "SHOW"]

    /// The demo's setup files, as `--setup` options, in order.
    static let setupOptions = ["00_roles.sql", "01_auth.sql", "02_supabase_migrations.sql"].flatMap { file in
        ["--setup", GoldenFile.repositoryRoot.appendingPathComponent("fixtures/demo/common").appendingPathComponent(file).path]
    }

    static let migrationsFolder = GoldenFile.repositoryRoot.appendingPathComponent("fixtures/demo/migrations").path

    @Test("every command sends only reads, transaction and settings statements", arguments: [15, 18])
    func onlyReadsReachTheServer(major: Int) throws {
        let cluster = try TestCluster(major)
        let side = cluster.connection(to: try DemoCopies.base(cluster), user: try Self.loggedReadingRole(cluster))
        let snapshotFile = FileManager.default.temporaryDirectory.appendingPathComponent("readonly-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: snapshotFile) }
        let commands: [[String]] = [
            ["compare", side, side], ["function", "get_kpi_metrics", side, side], ["view", "v_agent_communications_unified", side, side],
            ["table", "clients", side, side], ["snapshot", side, "-o", snapshotFile.path], ["audit", side, side],
        ]
        let log = try StatementLog(cluster)
        for command in commands {
            let outcome = try DeepDiffProcess.run(command + ["--quiet"])
            #expect(outcome.status == 0, "\(command[0]): \(outcome.standardError)")
        }
        try Self.expectOnlyReads(log.statementsSinceStart(), atLeast: commands.count * 10)
    }

    @Test("verify-migrations with its own throwaway scratch cluster sends only reads to the inspected server", arguments: [15, 18])
    func verifyMigrationsOnlyReadsTheInspectedServer(major: Int) throws {
        let cluster = try TestCluster(major)
        let against = cluster.connection(to: try DemoCopies.base(cluster), user: try Self.loggedReadingRole(cluster))
        let log = try StatementLog(cluster)
        let outcome = try DeepDiffProcess.run(["verify-migrations", Self.migrationsFolder, "--against", against] + Self.setupOptions + ["--quiet"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("VERIFIED: the effects of all 17 migrations are present exactly"), "\(outcome.standardOutput)")
        try Self.expectOnlyReads(log.statementsSinceStart(), atLeast: 10)
    }

    @Test("verify-migrations --shadow on a server creates one scratch database there and drops it", arguments: [15, 18])
    func shadowScratchDatabaseDropped(major: Int) throws {
        let cluster = try TestCluster(major)
        let against = cluster.connection(to: try DemoCopies.base(cluster))
        // The superuser's statements on the shadow server are logged, so that the log shows which
        // scratch database deepdiff made there (and that it made one there at all).
        let shadow = cluster.connection(to: "postgres") + " options='-c log_statement=all'"
        let log = try StatementLog(cluster)
        let outcome = try DeepDiffProcess.run(["verify-migrations", Self.migrationsFolder, "--against", against, "--shadow", shadow]
                                              + Self.setupOptions + ["--quiet"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("VERIFIED: the effects of all 17 migrations are present exactly"), "\(outcome.standardOutput)")

        let databaseStatements = try log.statementsSinceStart().filter { $0.hasPrefix("CREATE DATABASE") || $0.hasPrefix("DROP DATABASE") }
        let created = try #require(databaseStatements.first.flatMap { $0.hasPrefix("CREATE DATABASE ") ? $0.split(separator: " ")[2] : nil },
                                   "no CREATE DATABASE on the shadow server: \(databaseStatements)")
        #expect(created.hasPrefix("deepdiff_shadow_"))
        #expect(databaseStatements == ["CREATE DATABASE \(created) TEMPLATE template0 ENCODING 'UTF8'",
                                       "DROP DATABASE IF EXISTS \(created) WITH (FORCE)"])
        #expect(try cluster.value("SELECT count(*) FROM pg_database WHERE datname = '\(created)'", in: "postgres") == "0")
    }

    /// A new login role that can read every table, whose sessions are read-only by default and
    /// log every statement they run.
    static func loggedReadingRole(_ cluster: TestCluster) throws -> String {
        let role = TestCluster.uniqueName("reader")
        try cluster.run("""
            CREATE ROLE \(role) LOGIN;
            GRANT pg_read_all_data TO \(role);
            ALTER ROLE \(role) SET default_transaction_read_only = on;
            ALTER ROLE \(role) SET log_statement = 'all';
            """, in: "postgres")
        return role
    }

    /// Checks that at least `count` statements were logged (else logging did not take effect), that
    /// reads ran in read-only transactions, and that every statement is a read or a
    /// transaction/settings statement.
    static func expectOnlyReads(_ logged: [String], atLeast count: Int) {
        #expect(logged.count >= count, "only \(logged.count) statements logged: is log_statement taking effect?")
        #expect(logged.contains { $0.hasPrefix("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") })
        let others = logged.filter { statement in
            !allowedFirstWords.contains(statement.prefix { $0.isLetter }.uppercased())
        }
        #expect(others.isEmpty, "statements other than reads reached the server: \(others.prefix(5))")
    }
}
