import Catalog
import Foundation
import GoldenFiles
import PostgresClient
import SchemaModel
import Testing

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

    /// Runs `body` with a database loaded from `fixtures` and a connection to it, then drops it.
    static func with(on cluster: Cluster, loading fixtures: [String],
                     _ body: (FixtureDatabase, PostgresConnection) throws -> Void) throws {
        let database = try create(on: cluster, loading: fixtures)
        defer { try? database.drop() }
        try body(database, try database.connect())
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
        // psql prints notices and warnings too (e.g. wal_level for publications); only the status counts.
        try ChildProcess.succeeding("psql \(arguments.joined(separator: " "))", URL(fileURLWithPath: "/usr/bin/env"),
                                    ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", try keywordString()] + arguments)
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
