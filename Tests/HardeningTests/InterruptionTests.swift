import Foundation
import GoldenFiles
import Testing

/// Ctrl-C while deepdiff waits on the server: the server-side queries are cancelled (a killed
/// client would leave them waiting on their lock), and deepdiff exits 2 at once with one line.
@Suite("interruption")
struct InterruptionTests {
    @Test("SIGINT while blocked on a lock cancels the server's queries and exits 2 with one line", arguments: [15, 18])
    func interruptCancelsQueries(major: Int) throws {
        let cluster = try TestCluster(major)
        let database = try DemoCopies.copy(cluster, "interrupted")
        let holder = try cluster.hold(ErrorNeverIdenticalTests.viewLock, in: database)
        defer { holder.release() }
        try cluster.waitUntil(ErrorNeverIdenticalTests.lockHeld, in: database)
        let blocked = "SELECT count(*) = 2 FROM pg_stat_activity WHERE datname = '\(database)' AND application_name = 'deepdiff' AND wait_event_type = 'Lock'"

        let process = Process()
        process.executableURL = DeepDiffProcess.executable
        process.arguments = ["compare", cluster.connection(to: database), cluster.connection(to: database), "--quiet"]
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        try cluster.waitUntil(blocked, in: database)
        process.interrupt()
        let standardError = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 2)
        #expect(standardError == "deepdiff: interrupted\n")
        #expect(output.fileHandleForReading.readDataToEndOfFile().isEmpty)
        // Cancelled on the server: no deepdiff backend is still waiting for the lock.
        try cluster.waitUntil("SELECT count(*) = 0 FROM pg_stat_activity WHERE datname = '\(database)' AND application_name = 'deepdiff' AND wait_event_type = 'Lock'",
                              in: database, seconds: 2)
    }
}
