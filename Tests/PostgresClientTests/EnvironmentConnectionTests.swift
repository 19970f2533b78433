import Foundation
import PostgresClient
import Testing

/// Tests that set PG* variables: serialized, and every variable is restored afterwards. Tests elsewhere
/// give every setting explicitly, so these variables cannot change what they connect to.
@Suite(.serialized) struct EnvironmentConnection {
    /// Runs `body` with `variables` set in the process environment, restoring the previous values after.
    func withEnvironment<Result>(_ variables: [String: String], _ body: () throws -> Result) rethrows -> Result {
        let previous = variables.keys.map { ($0, ProcessInfo.processInfo.environment[$0]) }
        for (name, value) in variables { setenv(name, value, 1) }
        defer {
            for (name, value) in previous {
                if let value { setenv(name, value, 1) } else { unsetenv(name) }
            }
        }
        return try body()
    }

    @Test(arguments: TestCluster.allCases)
    func connectsWithEnvironmentVariablesOnly(_ cluster: TestCluster) throws {
        let variables = ["PGHOST": try cluster.setting("host"), "PGPORT": try cluster.setting("port"),
                         "PGUSER": "postgres", "PGDATABASE": "template1"]
        let connection = try withEnvironment(variables) { try PostgresConnection("") }
        #expect(connection.databaseName == "template1")
        #expect(try connection.query("SELECT current_database() AS db")[0].string("db") == "template1")
    }

    @Test(arguments: TestCluster.allCases)
    func passwordFromPGPASSWORDWorksAndNeverShows(_ cluster: TestCluster) throws {
        let tcp = "host=127.0.0.1 port=\(try cluster.setting("port")) user=postgres dbname=postgres"
        let connection = try withEnvironment(["PGPASSWORD": try TestCluster.password()]) { try PostgresConnection(tcp) }
        #expect(try connection.query("SELECT current_user AS u")[0].string("u") == "postgres")

        let wrong = "Env-wr0ng-9d2e"
        let error = try withEnvironment(["PGPASSWORD": wrong]) {
            try #require(throws: PostgresError.self) { try PostgresConnection(tcp) }
        }
        #expect(error.kind == .authenticationFailed)
        #expect(!error.description.contains(wrong))
    }

    @Test(arguments: TestCluster.allCases)
    func passwordFromPgpassFileWorks(_ cluster: TestCluster) throws {
        let port = try cluster.setting("port")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("deepdiff-pgpass-\(UUID().uuidString)")
        try "127.0.0.1:\(port):*:postgres:\(try TestCluster.password())\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let connection = try withEnvironment(["PGPASSFILE": file.path]) {
            try PostgresConnection("postgresql://postgres@127.0.0.1:\(port)/postgres")
        }
        #expect(try connection.query("SELECT 1 AS one")[0].int("one") == 1)
    }

    @Test(arguments: TestCluster.allCases)
    func connectsWithServiceName(_ cluster: TestCluster) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("deepdiff-service-\(UUID().uuidString)")
        let service = "[deepdiff_test]\nhost=\(try cluster.setting("host"))\nport=\(try cluster.setting("port"))\nuser=postgres\ndbname=template1\n"
        try service.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let connection = try withEnvironment(["PGSERVICEFILE": file.path]) { try PostgresConnection("service=deepdiff_test") }
        #expect(connection.databaseName == "template1")
    }
}
