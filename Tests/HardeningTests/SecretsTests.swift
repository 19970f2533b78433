import Foundation
import GoldenFiles
import Testing

/// One way a user can give a password, as the arguments and environment of a run.
struct PasswordRoute: Sendable, CustomTestStringConvertible {
    let name: String
    /// The side to give deepdiff, for a role, database and password.
    let side: @Sendable (_ role: String, _ database: String, _ password: String, _ files: URL) throws -> String
    /// Environment the route needs.
    let environment: @Sendable (_ role: String, _ password: String, _ files: URL) throws -> [String: String]

    var testDescription: String { name }
}

/// A distinctive password given every way a user can give one never appears in any output, report,
/// snapshot file or the server log, whether the connection succeeds or fails.
@Suite("secrets stay secret")
struct SecretsTests {
    static func routes(port: String) -> [PasswordRoute] {
        let noEnvironment: @Sendable (String, String, URL) throws -> [String: String] = { _, _, _ in [:] }
        let keywords: @Sendable (String, String) -> String = { role, database in "host=127.0.0.1 port=\(port) user=\(role) dbname=\(database)" }
        return [
            PasswordRoute(name: "URI", side: { role, database, password, _ in "postgresql://\(role):\(password)@127.0.0.1:\(port)/\(database)" },
                          environment: noEnvironment),
            PasswordRoute(name: "keyword string", side: { role, database, password, _ in "\(keywords(role, database)) password=\(password)" },
                          environment: noEnvironment),
            PasswordRoute(name: "PGPASSWORD", side: { role, database, _, _ in keywords(role, database) },
                          environment: { _, password, _ in ["PGPASSWORD": password] }),
            PasswordRoute(name: ".pgpass (PGPASSFILE)", side: { role, database, _, _ in keywords(role, database) },
                          environment: { role, password, files in
                              let file = files.appendingPathComponent("pgpass")
                              try Data("127.0.0.1:\(port):*:\(role):\(password)\n".utf8).write(to: file)
                              try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
                              return ["PGPASSFILE": file.path]
                          }),
            PasswordRoute(name: "config file password_env", side: { role, database, _, files in
                              let config = "[environments.secret]\nurl = \"postgresql://\(role)@127.0.0.1:\(port)/\(database)\"\npassword_env = \"HD_SECRET_PASSWORD\"\n"
                              try Data(config.utf8).write(to: files.appendingPathComponent("deepdiff.toml"))
                              return "secret"
                          },
                          environment: { _, password, _ in ["HD_SECRET_PASSWORD": password] }),
        ]
    }

    static let routeIndexes = Array(0..<5)

    @Test("a password is in no output, report, snapshot or log, on success and on failure", arguments: [15, 18], routeIndexes)
    func passwordNeverShown(major: Int, routeIndex: Int) throws {
        let cluster = try TestCluster(major)
        let route = try Self.routes(port: TestDatabases.port(major))[routeIndex]
        let base = try DemoCopies.base(cluster)
        let role = TestCluster.uniqueName("secret")
        let password = "Pw-\(UUID().uuidString.prefix(8))-Kx9Qz"
        let wrongPassword = "Wrong-\(UUID().uuidString.prefix(8))-Jv3"
        try cluster.run("CREATE ROLE \(role) LOGIN PASSWORD '\(password)'; GRANT pg_read_all_data TO \(role);", in: "postgres")
        let files = FileManager.default.temporaryDirectory.appendingPathComponent("secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: files) }

        let runs: [(what: String, database: String, password: String, status: Int32)] = [
            ("right password", base, password, 0), ("unknown database", "hd_no_such_database", password, 2),
            ("wrong password", base, wrongPassword, 2),
        ]
        for run in runs {
            let side = try route.side(role, run.database, run.password, files)
            let environment = try route.environment(role, run.password, files)
            let reports = ["json": "report.json", "markdown": "report.md", "text": "report.txt"]
            for (format, file) in reports {
                let outcome = try DeepDiffProcess.run(
                    ["compare", side, side, "--format", format, "--output", files.appendingPathComponent(file).path,
                     "--junit", files.appendingPathComponent("report.xml").path],
                    environment: environment, in: files)
                #expect(outcome.status == run.status, "\(route.name), \(run.what), \(format): \(outcome.standardError)")
                try Self.expectAbsent([password, wrongPassword], in: outcome.standardOutput + outcome.standardError, "\(run.what) \(format) output")
            }
            let snapshot = try DeepDiffProcess.run(["snapshot", side, "-o", files.appendingPathComponent("snapshot.json").path],
                                                   environment: environment, in: files)
            #expect(snapshot.status == run.status, "\(route.name), \(run.what), snapshot: \(snapshot.standardError)")
            try Self.expectAbsent([password, wrongPassword], in: snapshot.standardOutput + snapshot.standardError, "\(run.what) snapshot output")
            for file in try FileManager.default.contentsOfDirectory(atPath: files.path) where file != "pgpass" && file != "deepdiff.toml" {
                let text = String(decoding: try Data(contentsOf: files.appendingPathComponent(file)), as: UTF8.self)
                try Self.expectAbsent([password, wrongPassword], in: text, "\(run.what): \(file)")
            }
            if run.status == 0 {
                let written = try FileManager.default.contentsOfDirectory(atPath: files.path)
                #expect(Set(["report.json", "report.md", "report.txt", "report.xml", "snapshot.json"]).isSubset(of: Set(written)), "\(written)")
            }
        }
        let log = String(decoding: try Data(contentsOf: URL(fileURLWithPath: cluster.directory).appendingPathComponent("server.log")), as: UTF8.self)
        try Self.expectAbsent([password, wrongPassword], in: log, "server log")
    }

    static func expectAbsent(_ secrets: [String], in text: String, _ place: String) throws {
        for secret in secrets {
            #expect(!text.contains(secret), "a password appears in \(place)")
        }
    }
}
