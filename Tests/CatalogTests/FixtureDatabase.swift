import Catalog
import Foundation
import PostgresClient
import SchemaModel
import Testing

/// A throwaway cluster started by scripts/with-test-clusters, named by its environment variable.
enum Cluster: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case pg15 = "DEEPDIFF_TEST_PG15"
    case pg18 = "DEEPDIFF_TEST_PG18"

    var testDescription: String { self == .pg15 ? "PostgreSQL 15" : "PostgreSQL 18" }

    /// The libpq keyword string for the cluster's `postgres` database (unix socket, trusted).
    func keywordString() throws -> String {
        try #require(ProcessInfo.processInfo.environment[rawValue],
                     "\(rawValue) is not set: run the catalog tests through scripts/with-test-clusters")
    }
}

/// A database of its own for one test, loaded from SQL files in fixtures/catalog, dropped by `drop()`.
struct FixtureDatabase {
    let cluster: Cluster
    let name: String

    /// Creates a uniquely named database and runs each fixture file in it with psql (the files hold
    /// DO blocks and function bodies, which PQexecParams cannot take as one string).
    static func create(on cluster: Cluster, loading fixtures: [String]) throws -> FixtureDatabase {
        let database = FixtureDatabase(
            cluster: cluster, name: "catalog_test_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
        )
        let admin = try PostgresConnection(try cluster.keywordString())
        _ = try admin.query("CREATE DATABASE \(database.name)")
        for fixture in fixtures {
            try database.runPsql(["-f", Self.fixturesDirectory.appendingPathComponent(fixture).path])
        }
        return database
    }

    /// fixtures/catalog in the repository.
    static let fixturesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/catalog")

    /// The keyword string for this database, with `extra` keywords appended (later keywords win).
    func keywordString(_ extra: String = "") throws -> String {
        "\(try cluster.keywordString()) dbname=\(name) \(extra)"
    }

    /// A new connection to this database.
    func connect(_ extra: String = "") throws -> PostgresConnection {
        try PostgresConnection(try keywordString(extra))
    }

    /// Reads the database with `CatalogReader`.
    func read(scope: SchemaScope = .all) throws -> Snapshot {
        try CatalogReader(scope: scope).read(from: try connect())
    }

    /// Runs SQL statements with psql, stopping at the first error.
    func execute(_ sql: String) throws {
        try runPsql(["-c", sql])
    }

    /// Drops the database, closing other sessions to it.
    func drop() throws {
        let admin = try PostgresConnection(try cluster.keywordString())
        _ = try admin.query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    private func runPsql(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", try keywordString()] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // psql prints notices and warnings too (e.g. wal_level for publications); only the status counts.
        try #require(process.terminationStatus == 0, "psql \(arguments.joined(separator: " ")) failed: \(message)")
    }
}

/// Reads a fresh database loaded from `fixtures`, hands the snapshot to `body`, and drops the database.
func withSnapshot(
    on cluster: Cluster, loading fixtures: [String] = ["everything.sql"], scope: SchemaScope = .all,
    _ body: (Snapshot) throws -> Void
) throws {
    let database = try FixtureDatabase.create(on: cluster, loading: fixtures)
    defer { try? database.drop() }
    try body(try database.read(scope: scope))
}

extension Snapshot {
    /// The object with this identity, or nil.
    func object(
        _ kind: ObjectKind, _ schema: String?, _ name: String, relation: String? = nil, arguments: String? = nil
    ) -> SchemaObject? {
        let identity = ObjectIdentity(kind: kind, schema: schema, relation: relation, name: name, arguments: arguments)
        return objects.first { $0.identity == identity }
    }

    /// The objects of `kind` in `schema`.
    func objects(_ kind: ObjectKind, in schema: String?) -> [SchemaObject] {
        objects.filter { $0.identity.kind == kind && $0.identity.schema == schema }
    }

    /// Whether this snapshot came from PostgreSQL 17 or later (which adds the MAINTAIN privilege, `m`).
    var hasMaintainPrivilege: Bool { server.majorVersion >= 17 }
}

extension SchemaObject {
    /// A column's position, or 0 when it has none.
    var position: Int64 {
        if case .number(let position) = attributes[AttributeName.position] { position } else { 0 }
    }
}
