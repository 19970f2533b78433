import Foundation
import GoldenFiles
import PostgresClient
import Testing

/// A uniquely named database of one test, dropped by `drop()`.
struct TestDatabase: Sendable {
    let cluster: Cluster
    let name: String

    /// The repository's root folder.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// fixtures/demo in the repository.
    static let demoFolder = repositoryRoot.appendingPathComponent("fixtures/demo")

    /// The demo's setup files (roles, auth, the history table), in order.
    static var demoSetupFiles: [String] {
        ["00_roles.sql", "01_auth.sql", "02_supabase_migrations.sql"].map { demoFolder.appendingPathComponent("common/\($0)").path }
    }

    /// A new empty database.
    static func create(on cluster: Cluster, template: String? = nil) throws -> TestDatabase {
        let database = TestDatabase(cluster: cluster, name: uniqueName())
        let admin = try PostgresConnection(try cluster.keywordString())
        _ = try admin.query("CREATE DATABASE \(database.name)" + (template.map { " TEMPLATE \($0)" } ?? ""))
        return database
    }

    /// The demo's production and staging, loaded with scripts/load-demo into new databases.
    static func demo(on cluster: Cluster) throws -> (production: TestDatabase, staging: TestDatabase) {
        let production = TestDatabase(cluster: cluster, name: uniqueName()), staging = TestDatabase(cluster: cluster, name: uniqueName())
        try run(repositoryRoot.appendingPathComponent("scripts/load-demo").path, [production.name, staging.name, try cluster.keywordString()])
        return (production, staging)
    }

    /// A copy of this database (`CREATE DATABASE … TEMPLATE`).
    func copy() throws -> TestDatabase {
        try TestDatabase.create(on: cluster, template: name)
    }

    /// The keyword string of this database.
    func keywordString() throws -> String { "\(try cluster.keywordString()) dbname=\(name)" }

    /// A new connection to this database.
    func connect() throws -> PostgresConnection { try PostgresConnection(try keywordString()) }

    /// Runs SQL with psql (several statements, dollar quotes and all), stopping at the first error.
    func execute(_ sql: String) throws {
        try Self.run("/usr/bin/env", ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", try keywordString(), "-c", sql])
    }

    /// Drops the database.
    func drop() {
        guard let admin = try? PostgresConnection(try cluster.keywordString()) else { return }
        _ = try? admin.query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    private static func uniqueName() -> String {
        "migrations_test_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16))"
    }

    private static func run(_ program: String, _ arguments: [String]) throws {
        try ChildProcess.succeeding("\(program) \(arguments.prefix(3).joined(separator: " "))", URL(fileURLWithPath: program), arguments)
    }
}
