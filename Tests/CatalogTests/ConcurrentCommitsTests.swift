@testable import Catalog
import GoldenFiles
import PostgresClient
import Testing

/// Other tests commit in the same clusters at any moment, which a check rightly counts; so an
/// expectation that nothing committed is met by some attempt among many, not by the first.
@Suite("Concurrent commits: whether any transaction committed since a read's snapshot")
struct ConcurrentCommitsTests {
    /// Whether `attempt` returns true at least once in fifty tries.
    private func someAttempt(_ attempt: () throws -> Bool) rethrows -> Bool {
        try (0..<50).contains { _ in try attempt() }
    }

    @Test("nothing committed: quiet; a commit with a transaction id: not quiet", arguments: Cluster.allCases)
    func commitAfterSnapshot(cluster: Cluster) throws {
        try FixtureDatabase.with(on: cluster, loading: []) { database, reading in
            let someCheckWasQuiet = try someAttempt {
                let snapshot = try reading.beginReadOnlySnapshot()
                defer { try? reading.endReadOnlySnapshot() }
                return try ConcurrentCommits.noneSince(snapshot, on: reading)
            }
            #expect(someCheckWasQuiet)

            let later = try reading.beginReadOnlySnapshot()
            try database.execute("SELECT pg_current_xact_id()")
            #expect(try !ConcurrentCommits.noneSince(later, on: reading))
            try reading.endReadOnlySnapshot()
        }
    }

    @Test("a transaction in progress when the snapshot was taken counts once it commits, not before",
          arguments: Cluster.allCases)
    func transactionInProgressAtSnapshot(cluster: Cluster) throws {
        try FixtureDatabase.with(on: cluster, loading: []) { database, reading in
            let writer = try database.connect()
            var quietAfterItCommitted = false
            let someCheckWasQuietBeforeItCommitted = try someAttempt {
                _ = try writer.query("BEGIN")
                _ = try writer.query("SELECT pg_current_xact_id()")
                let snapshot = try reading.beginReadOnlySnapshot()
                defer { try? reading.endReadOnlySnapshot() }
                let quietBeforeItCommits = try ConcurrentCommits.noneSince(snapshot, on: reading)
                _ = try writer.query("COMMIT")
                quietAfterItCommitted = try quietAfterItCommitted || ConcurrentCommits.noneSince(snapshot, on: reading)
                return quietBeforeItCommits
            }
            #expect(someCheckWasQuietBeforeItCommitted)
            #expect(!quietAfterItCommitted)
        }
    }

    @Test("a transaction that starts after the snapshot and rolls back changes nothing", arguments: Cluster.allCases)
    func rolledBackTransaction(cluster: Cluster) throws {
        try FixtureDatabase.with(on: cluster, loading: []) { database, reading in
            let writer = try database.connect()
            let someCheckWasQuiet = try someAttempt {
                let snapshot = try reading.beginReadOnlySnapshot()
                defer { try? reading.endReadOnlySnapshot() }
                _ = try writer.query("BEGIN")
                _ = try writer.query("CREATE TABLE never_committed (x integer)")
                _ = try writer.query("ROLLBACK")
                return try ConcurrentCommits.noneSince(snapshot, on: reading)
            }
            #expect(someCheckWasQuiet)
        }
    }
}

extension ConcurrentCommits {
    /// Runs `statement(since:)` on `connection` by itself, as a read's pipeline runs it.
    static func noneSince(_ snapshot: String, on connection: PostgresConnection) throws -> Bool {
        let statement = statement(since: snapshot)
        return try noneCommitted(in: connection.query(statement.sql, statement.parameters))
    }
}
