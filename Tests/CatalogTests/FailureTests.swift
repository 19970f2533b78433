@testable import Catalog
import Foundation
import GoldenFiles
import PostgresClient
import SchemaModel
import Testing

@Suite("Failures: old servers, missing privileges, DDL during a read")
struct FailureTests {
    @Test("servers older than PostgreSQL 13 are refused; 13 to 18 are read")
    func serverVersion() throws {
        #expect(throws: CatalogError.self) { try CatalogReader.checkSupported(serverVersionNumber: 120_017) }
        do {
            try CatalogReader.checkSupported(serverVersionNumber: 120_017)
        } catch {
            #expect(error.kind == .unsupportedServer(versionNumber: 120_017))
            #expect(error.description == "the server runs PostgreSQL 12 (server_version_num 120017); deepdiff reads PostgreSQL 13 to 18")
        }
        for supported in [130_000, 150_018, 180_001] {
            try CatalogReader.checkSupported(serverVersionNumber: supported)
        }
    }

    @Test("a catalog the role may not read gives permissionDenied with SQLSTATE 42501", arguments: Cluster.allCases)
    func permissionDenied(cluster: Cluster) throws {
        let database = try FixtureDatabase.create(on: cluster, loading: ["everything.sql"])
        let role = "catalog_limited_\(database.name.suffix(12))"
        defer {
            try? database.drop()
            _ = try? PostgresConnection(try cluster.keywordString()).query("DROP ROLE IF EXISTS \(role)")
        }
        // Hardened servers revoke access to catalogs like this one.
        try database.execute("CREATE ROLE \(role) LOGIN; REVOKE SELECT ON pg_catalog.pg_policy FROM PUBLIC")
        let connection = try database.connect("user=\(role)")
        do {
            _ = try CatalogReader().read(from: connection)
            Issue.record("the read succeeded without SELECT on pg_policy")
        } catch {
            #expect(error.kind == .permissionDenied)
            #expect(error.sqlState == .insufficientPrivilege)
            #expect(error.description.contains("pg_policy"))
            #expect(error.description.contains("[SQLSTATE 42501]"))
        }
        // The failed read ended its transaction: the connection is usable again.
        #expect(try connection.query("SELECT 1 AS one").first?.int("one") == 1)
    }

    @Test("the catalog signature changes with DDL, not with other transactions or other sessions' temporary tables",
          arguments: Cluster.allCases)
    func catalogSignature(cluster: Cluster) throws {
        try FixtureDatabase.with(on: cluster, loading: ["everything.sql"]) { database, connection in
            let before = try CatalogSignature.compute(on: connection)
            #expect(try CatalogSignature.compute(on: connection) == before)
            // Transactions that change no catalog move the latest xid the sums are taken against.
            for _ in 1...3 { try database.execute("SELECT pg_current_xact_id()") }
            #expect(try CatalogSignature.compute(on: connection) == before)
            try database.execute("CREATE TEMPORARY TABLE scratch_pad (x integer); CREATE INDEX ON scratch_pad (x)")
            #expect(try CatalogSignature.compute(on: connection) == before)
            var previous = before
            for ddl in [
                "COMMENT ON TABLE app.invoices IS 'now with a comment'",
                "CREATE OR REPLACE FUNCTION app.add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN a - b",
                // A rename touches one pg_attribute row and nothing else.
                "ALTER TABLE app.invoices RENAME COLUMN number TO invoice_number",
                // The public schema is made by initdb, yet its comment and privileges are read and watched.
                "COMMENT ON SCHEMA public IS 'the default schema'",
                "GRANT CREATE ON SCHEMA public TO PUBLIC",
            ] {
                try database.execute(ddl)
                let after = try CatalogSignature.compute(on: connection)
                #expect(after != previous, "\(ddl) left the signature as it was")
                previous = after
            }
        }
    }

    @Test("DDL that commits while a read is under way is reported, not read as a torn schema", arguments: Cluster.allCases)
    func ddlDuringRead(cluster: Cluster) throws {
        try FixtureDatabase.with(on: cluster, loading: ["everything.sql"]) { database, reading in
            let result = try read(database, on: reading, whileCommitting: [
                "CREATE OR REPLACE VIEW app.happy_clients WITH (security_barrier = true) AS SELECT * FROM app.clients",
            ])
            #expect(throws: CatalogError.self) { try result.get() }
            if case .failure(let error as CatalogError) = result {
                #expect(error.kind == .schemaChangedDuringRead)
                #expect(error.description.contains("the schema changed while it was being read"))
            }
        }
    }

    @Test("a transaction that commits during a read without DDL leaves the read confirmed, by signatures",
          arguments: Cluster.allCases)
    func unrelatedCommitDuringRead(cluster: Cluster) throws {
        try FixtureDatabase.with(on: cluster, loading: ["everything.sql"]) { database, reading in
            let quiet = try CatalogReader().read(from: reading)
            let result = try read(database, on: reading, whileCommitting: Self.lockingWithoutDDL)
            #expect(try result.get() == quiet)
            #expect(try preparedStatementCount(on: reading) == 1)
        }
    }

    @Test("statements sent alongside a read run in its transaction, and a failure names what they read",
          arguments: Cluster.allCases)
    func statementsAlongside(cluster: Cluster) throws {
        try FixtureDatabase.with(on: cluster, loading: ["everything.sql"]) { _, connection in
            let reader = CatalogReader()
            var seen: [String] = []
            let read = try reader.readUnconfirmed(
                from: connection, alongside: [PostgresConnection.Statement("SELECT current_setting('transaction_read_only') AS ro")],
                subject: "the setting"
            ) { _, rows throws(PostgresError) in
                for row in rows { seen.append(try row.string("ro")) }
            }
            #expect(seen == ["on"])
            #expect(try reader.confirm(read, on: connection) == read.snapshot)

            let error = try #require(throws: CatalogError.self) {
                try reader.readUnconfirmed(from: connection, alongside: [PostgresConnection.Statement("SELECT * FROM no_such_table")],
                                           subject: "the extra table")
            }
            #expect(error.description.hasPrefix("cannot read the extra table"))
            #expect(try connection.query("SELECT current_setting('transaction_read_only') AS ro").first?.string("ro") == "off")
        }
    }

    @Test("a read leaves no transaction open and reads the same twice", arguments: Cluster.allCases)
    func repeatableRead(cluster: Cluster) throws {
        try FixtureDatabase.with(on: cluster, loading: ["everything.sql"]) { database, connection in
            let first = try CatalogReader().read(from: connection)
            let second = try CatalogReader().read(from: connection)
            #expect(first == second)
            #expect(try connection.query("SELECT pg_current_xact_id_if_assigned() IS NULL AS idle").first?.bool("idle") == true)
            #expect(try connection.query("SELECT current_setting('transaction_read_only') AS ro").first?.string("ro") == "off")
        }
    }

    @Test("a read during which no transaction commits is confirmed without catalog signatures", arguments: Cluster.allCases)
    func quietRead(cluster: Cluster) throws {
        try FixtureDatabase.with(on: cluster, loading: ["everything.sql"]) { database, _ in
            // Other tests commit in the same cluster at any moment: some read is quiet all the same.
            let someReadWasQuiet = try (0..<50).contains { _ in
                let connection = try database.connect()
                #expect(try !CatalogReader().read(from: connection).objects.isEmpty)
                return try preparedStatementCount(on: connection) == 0
            }
            #expect(someReadWasQuiet)
        }
    }

    @Test("DDL that commits after a read's statements ran is never read: the read stands as it was, or is reported",
          arguments: Cluster.allCases)
    func ddlAfterTheReadsStatements(cluster: Cluster) throws {
        try FixtureDatabase.with(on: cluster, loading: ["everything.sql"]) { database, connection in
            let reader = CatalogReader()
            let read = try reader.readUnconfirmed(from: connection)
            try database.execute("COMMENT ON TABLE app.invoices IS 'commented after the read'")
            // With no commit during the read it stands; with one (other tests commit in this
            // cluster too) the signatures see the comment and the read is reported.
            do throws(CatalogError) {
                let snapshot = try reader.confirm(read, on: connection)
                #expect(snapshot.object(.table, "app", "invoices")?.attributes[AttributeName.comment] == .null)
            } catch {
                #expect(error.kind == .schemaChangedDuringRead)
            }
            #expect(try reader.read(from: connection).object(.table, "app", "invoices")?.attributes[AttributeName.comment]
                == .text("commented after the read"))
        }
    }

    @Test("a read is confirmed when its prepared signature is gone, as on another server connection behind a pooler",
          arguments: Cluster.allCases)
    func signatureLostToPooler(cluster: Cluster) throws {
        try FixtureDatabase.with(on: cluster, loading: ["everything.sql"]) { database, reading in
            // A commit during each read makes it confirm by signatures, preparing the signature query.
            let first = try read(database, on: reading, whileCommitting: Self.lockingWithoutDDL).get()
            _ = try reading.query("DEALLOCATE ALL")
            #expect(try read(database, on: reading, whileCommitting: Self.lockingWithoutDDL).get() == first)
            #expect(try preparedStatementCount(on: reading) == 1)
        }
    }

    /// A transaction that holds the lock printing a view needs, and commits, without changing any catalog.
    private static let lockingWithoutDDL = ["LOCK TABLE app.happy_clients IN ACCESS EXCLUSIVE MODE", "SELECT pg_current_xact_id()"]

    /// Reads `database` on `reading` while another session runs `statements` in a transaction that
    /// holds a lock printing the view `app.happy_clients` waits for, and commits it once the read waits.
    private func read(_ database: FixtureDatabase, on reading: PostgresConnection,
                      whileCommitting statements: [String]) throws -> Result<Snapshot, any Error> {
        let other = try database.connect()
        _ = try other.query("BEGIN")
        for statement in statements { _ = try other.query(statement) }
        let readerProcess = try reading.query("SELECT pg_backend_pid() AS pid")[0].int("pid")
        let outcome = ReadOutcome()
        let reader = Thread { outcome.set(Result { try CatalogReader().read(from: reading) }) }
        reader.start()
        let observer = try database.connect()
        var waiting = false
        for _ in 0..<200 where !waiting {
            waiting = try observer.query("SELECT coalesce(wait_event_type = 'Lock', false) AS waiting FROM pg_stat_activity WHERE pid = $1",
                                         [String(readerProcess)]).first?.bool("waiting") == true
            if !waiting { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(waiting, "the read never waited for the view's lock")
        _ = try other.query("COMMIT")
        return try #require(outcome.wait())
    }

    private func preparedStatementCount(on connection: PostgresConnection) throws -> Int? {
        try connection.query("SELECT count(*) AS statements FROM pg_prepared_statements").first?.int("statements")
    }
}

/// The result of a read running on another thread, handed over once it is done.
private final class ReadOutcome: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Snapshot, any Error>?

    func set(_ result: Result<Snapshot, any Error>) {
        self.result = result
        done.signal()
    }

    /// The result, or nil after a minute without one.
    func wait() -> Result<Snapshot, any Error>? {
        done.wait(timeout: .now() + 60) == .success ? result : nil
    }
}
