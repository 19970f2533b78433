import Catalog
import Dispatch
import Migrations
import PostgresClient
import SchemaModel
import Synchronization

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
        try load(side, whenRead: { _ in })
    }

    /// Reads one side, calling `whenRead` with its objects as soon as they are in hand: for a live
    /// database that is before the read is confirmed free of concurrent DDL and its migration
    /// history is read, which this then does (and which may still fail).
    private func load(_ side: SideSpecifier, whenRead: (Snapshot) -> Void) throws -> Snapshot {
        switch side.origin {
        case .snapshotFile(let path):
            progress?.report("loading \(side.label) from \(path)")
            let snapshot = scope.restricting(try SnapshotFile.load(from: path))
            whenRead(snapshot)
            return snapshot
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
                let reader = CatalogReader(scope: scope, statementTimeoutMilliseconds: statementTimeoutMilliseconds)
                // The migration-history tables are found in the catalog read's pipeline, and their
                // rows read in its transaction, still open: no round trips of their own.
                var detected = QueryResult(columnNames: [], values: [])
                let unconfirmed = try reader.readUnconfirmed(
                    from: connection, alongside: [MigrationHistoryReader.detectionStatement],
                    subject: MigrationHistoryReader.detectionSubject
                ) { _, rows throws(PostgresError) in detected = rows }
                whenRead(unconfirmed.snapshot)
                let histories = try connection.endingReadOnlySnapshotIfFailing { () throws(MigrationError) in
                    try MigrationHistoryReader().histories(detected: detected, on: connection)
                }
                var snapshot = try reader.confirm(unconfirmed, on: connection)
                snapshot.migrationHistories = histories
                // Seconds to two decimals, rounded.
                let hundredths = (DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds + 5_000_000) / 10_000_000
                let seconds = "\(hundredths / 100)." + (hundredths % 100 < 10 ? "0" : "") + "\(hundredths % 100)"
                progress?.report("read \(side.label): \(snapshot.objects.count) objects in \(seconds) s")
                return snapshot
            } catch {
                throw SideReadError(side: side.label, underlying: error)
            }
        }
    }

    /// Reads both sides concurrently and runs `work` on their objects as soon as both are in hand,
    /// while the reads are confirmed and the migration histories read: on two cores the comparison
    /// overlaps the databases' last queries. `work`'s result is returned only once both reads are
    /// confirmed; the first failure (source first) is thrown instead.
    func loadBoth<Work>(_ source: SideSpecifier, _ target: SideSpecifier,
                        overlapping work: (Snapshot, Snapshot) throws -> Work) throws -> (Snapshot, Snapshot, Work) {
        let board = SidesBoard()
        for (index, side) in [source, target].enumerated() {
            DispatchQueue.global().async {
                let result = Result { try load(side) { board.read(index, $0) } }
                board.finish(index, result)
            }
        }
        let outcome = Result { () throws -> Work in
            guard let (sourceRead, targetRead) = board.waitForBothRead() else { throw SideReadError(side: "source", underlying: nil) }
            return try work(sourceRead, targetRead)
        }
        let (sourceResult, targetResult) = board.waitForBothFinished()
        return (try sourceResult.get(), try targetResult.get(), try outcome.get())
    }
}

/// Where the two sides' reads, running on their own threads, leave their objects and outcomes.
private final class SidesBoard: @unchecked Sendable {
    /// Guards `reads` and `results`.
    private let lock = Mutex<Void>(())
    /// Signalled after every change, for the one waiting thread to look again.
    private let changed = DispatchSemaphore(value: 0)
    private var reads: [Snapshot?] = [nil, nil]
    private var results: [Result<Snapshot, any Error>?] = [nil, nil]

    /// Side `index`'s objects are in hand.
    func read(_ index: Int, _ snapshot: Snapshot) {
        record { reads[index] = snapshot }
    }

    /// Side `index` is done, read and confirmed or failed.
    func finish(_ index: Int, _ result: Result<Snapshot, any Error>) {
        record { results[index] = result }
    }

    /// Makes `change` under the lock and wakes the waiting thread.
    private func record(_ change: () -> Void) {
        lock.withLock { _ in change() }
        changed.signal()
    }

    /// Both sides' objects, or nil as soon as a side has failed before reading them.
    func waitForBothRead() -> (Snapshot, Snapshot)? {
        waitFor { () -> (Snapshot, Snapshot)?? in
            if let source = reads[0], let target = reads[1] { return (source, target) }
            if results.contains(where: { if case .failure = $0 { true } else { false } }) { return .some(nil) }
            return nil
        }
    }

    /// Both sides' outcomes, once both are done.
    func waitForBothFinished() -> (Result<Snapshot, any Error>, Result<Snapshot, any Error>) {
        waitFor {
            if let source = results[0], let target = results[1] { return (source, target) }
            return nil
        }
    }

    /// The first non-nil answer of `check`, asked under the lock now and after each change.
    private func waitFor<Answer>(_ check: () -> Answer?) -> Answer {
        while true {
            if let answer = lock.withLock({ _ in check() }) { return answer }
            changed.wait()
        }
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
        StandardStream.error.write("deepdiff: \(line)\n")
    }
}
