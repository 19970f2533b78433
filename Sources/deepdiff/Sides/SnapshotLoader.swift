import Catalog
import Dispatch
import Foundation
import Migrations
import PostgresClient
import SchemaModel

/// Turns resolved sides into snapshots: reads live databases (both at once) or loads snapshot files.
struct SnapshotLoader: Sendable {
    /// What is read from each live database.
    let scope: SchemaScope
    /// Seconds to wait for a connection.
    let connectTimeoutSeconds: Int
    /// Milliseconds any one catalog query may run.
    let statementTimeoutMilliseconds: Int
    /// Where progress lines go, or nil for none.
    let progress: ProgressReporter?

    /// Reads one side.
    func load(_ side: SideSpecifier) throws -> Snapshot {
        switch side.origin {
        case .snapshotFile(let path):
            progress?.report("loading \(side.label) from \(path)")
            let snapshot = try SnapshotFile.load(from: path)
            return scope.restricting(snapshot)
        case .database(let connectionString, let password):
            progress?.report("reading \(side.label)…")
            let started = DispatchTime.now()
            let connection: PostgresConnection
            do {
                connection = try PostgresConnection(connectionString, password: password, connectTimeoutSeconds: connectTimeoutSeconds)
            } catch {
                throw SideReadError(side: side.label, underlying: error)
            }
            Interruption.register(connection)
            defer { Interruption.unregister(connection) }
            do {
                var snapshot = try CatalogReader(scope: scope, statementTimeoutMilliseconds: statementTimeoutMilliseconds).read(from: connection)
                snapshot.migrationHistories = try MigrationHistoryReader(statementTimeoutMilliseconds: statementTimeoutMilliseconds).read(from: connection)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                progress?.report("read \(side.label): \(snapshot.objects.count) objects in \(String(format: "%.2f", seconds)) s")
                return snapshot
            } catch {
                throw SideReadError(side: side.label, underlying: error)
            }
        }
    }

    /// Reads both sides concurrently; the first failure (source first) is thrown.
    func loadBoth(_ source: SideSpecifier, _ target: SideSpecifier) throws -> (Snapshot, Snapshot) {
        let results = PairOfResults()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let side = index == 0 ? source : target
            let result = Result { try load(side) }
            results.set(index, result)
        }
        return (try results.get(0), try results.get(1))
    }
}

/// Holds the two reads' results while they run on separate threads.
private final class PairOfResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<Snapshot, any Error>?] = [nil, nil]

    func set(_ index: Int, _ result: Result<Snapshot, any Error>) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    func get(_ index: Int) throws -> Snapshot {
        lock.lock()
        defer { lock.unlock() }
        guard let result = results[index] else { throw SideReadError(side: index == 0 ? "source" : "target", underlying: nil) }
        return try result.get()
    }
}

/// Reading one side failed; the description names the side and keeps the cause's one line.
struct SideReadError: Error, CustomStringConvertible {
    let side: String
    let underlying: (any Error)?

    var description: String {
        guard let underlying else { return "\(side): not read" }
        return "\(side): \(underlying)"
    }
}

/// Progress lines on standard error, for people waiting on large databases.
struct ProgressReporter: Sendable {
    func report(_ line: String) {
        FileHandleOutput.standardError.write("deepdiff: \(line)\n")
    }
}
