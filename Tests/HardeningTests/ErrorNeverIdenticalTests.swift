import Foundation
import GoldenFiles
import Testing

/// A statement timeout, a permission error on one catalog, or a connection that dies half-way ends
/// in exit 2 with one line of error, never exit 0.
@Suite("errors are never identical")
struct ErrorNeverIdenticalTests {
    /// A session holding ACCESS EXCLUSIVE on a view that deepdiff must print (pg_get_viewdef locks it).
    static let viewLock = "BEGIN; LOCK TABLE public.v_agent_communications_unified IN ACCESS EXCLUSIVE MODE;"
    static let lockHeld = """
        SELECT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_stat_activity a USING (pid)
                       WHERE a.application_name = 'hardening-lock-holder' AND l.mode = 'AccessExclusiveLock' AND l.granted
                         AND l.relation = 'public.v_agent_communications_unified'::regclass)
        """

    @Test("a catalog query that outlives --statement-timeout gives exit 2", arguments: [15, 18])
    func statementTimeout(major: Int) throws {
        let cluster = try TestCluster(major)
        let database = try DemoCopies.copy(cluster, "timeout")
        let holder = try cluster.hold(Self.viewLock, in: database)
        defer { holder.release() }
        try cluster.waitUntil(Self.lockHeld, in: database)
        let outcome = try DeepDiffProcess.run(["compare", cluster.connection(to: database), cluster.connection(to: database), "--statement-timeout", "1", "--quiet"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("statement timeout"), "\(outcome.standardError)")
        #expect(outcome.standardError.split(separator: "\n").count == 1)
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test("a connection terminated while deepdiff waits on a lock gives exit 2", arguments: [15, 18])
    func connectionTerminated(major: Int) throws {
        let cluster = try TestCluster(major)
        let database = try DemoCopies.copy(cluster, "terminated")
        let holder = try cluster.hold(Self.viewLock, in: database)
        defer { holder.release() }
        try cluster.waitUntil(Self.lockHeld, in: database)
        let terminator = Thread {
            let waiting = "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = '\(database)' AND application_name = 'deepdiff' AND wait_event_type = 'Lock')"
            guard (try? cluster.waitUntil(waiting, in: database)) != nil else { return }
            _ = try? cluster.value("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '\(database)' AND application_name = 'deepdiff'", in: database)
        }
        terminator.start()
        let base = try DemoCopies.base(cluster)
        let outcome = try DeepDiffProcess.run(["compare", cluster.connection(to: database), cluster.connection(to: base), "--quiet"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.hasPrefix("deepdiff: error: "), "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test("SELECT revoked on pg_policy for the reading role gives exit 2, naming the privilege", arguments: [15, 18])
    func permissionDeniedOnOneCatalog(major: Int) throws {
        let cluster = try TestCluster(major)
        let role = TestCluster.uniqueName("nopolicy")
        let database = try DemoCopies.copy(cluster, "nopolicy", change: """
            CREATE ROLE \(role) LOGIN;
            REVOKE SELECT ON pg_catalog.pg_policy FROM PUBLIC;
            """)
        let connection = cluster.connection(to: database, user: role)
        let outcome = try DeepDiffProcess.run(["compare", connection, connection, "--quiet"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("permission denied"), "\(outcome.standardError)")
        #expect(outcome.standardError.split(separator: "\n").count == 1)
        #expect(outcome.standardOutput.isEmpty)
    }
}
