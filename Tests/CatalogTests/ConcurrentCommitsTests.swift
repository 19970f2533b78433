@testable import Catalog
import GoldenFiles
import PostgresClient
import Testing

@Suite("Concurrent commits: whether any transaction committed since a read's snapshot")
struct ConcurrentCommitsTests {
    /// Opens a read-only transaction on `connection` and returns its snapshot.
    private func beginRead(on connection: PostgresConnection) throws -> String {
        try connection.beginReadOnlySnapshot()
        return try ConcurrentCommits.transactionSnapshot(on: connection)
    }

    @Test("nothing committed: quiet; a commit with a transaction id: not quiet", arguments: Cluster.allCases)
    func commitAfterSnapshot(cluster: Cluster) throws {
        try FixtureDatabase.with(on: cluster, loading: []) { database, reading in
            let snapshot = try beginRead(on: reading)
            #expect(try ConcurrentCommits.noneSince(snapshot, on: reading))
            try reading.endReadOnlySnapshot()

            let later = try beginRead(on: reading)
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
            _ = try writer.query("BEGIN")
            _ = try writer.query("SELECT pg_current_xact_id()")
            let snapshot = try beginRead(on: reading)
            #expect(snapshot.contains(":"))
            #expect(try ConcurrentCommits.noneSince(snapshot, on: reading))
            _ = try writer.query("COMMIT")
            #expect(try !ConcurrentCommits.noneSince(snapshot, on: reading))
            try reading.endReadOnlySnapshot()
        }
    }

    @Test("a transaction that starts after the snapshot and rolls back changes nothing", arguments: Cluster.allCases)
    func rolledBackTransaction(cluster: Cluster) throws {
        try FixtureDatabase.with(on: cluster, loading: []) { database, reading in
            let snapshot = try beginRead(on: reading)
            let writer = try database.connect()
            _ = try writer.query("BEGIN")
            _ = try writer.query("CREATE TABLE never_committed (x integer)")
            _ = try writer.query("ROLLBACK")
            #expect(try ConcurrentCommits.noneSince(snapshot, on: reading))
            try reading.endReadOnlySnapshot()
        }
    }
}
