import PostgresClient
import SchemaModel

/// Reads the migration-history tables of every tool present in a database: one query finds them,
/// then one query per table reads its rows, all in one read-only transaction.
public struct MigrationHistoryReader: Sendable {
    /// How long any one query may run before the server cancels it.
    public let statementTimeoutMilliseconds: Int

    /// Creates a reader.
    public init(statementTimeoutMilliseconds: Int = 300_000) {
        self.statementTimeoutMilliseconds = statementTimeoutMilliseconds
    }

    /// Every history found, ordered by tool then table; empty when the database has none. Reads in a
    /// read-only transaction of its own.
    public func read(from connection: PostgresConnection) throws(MigrationError) -> [MigrationHistory] {
        _ = try step("a read-only transaction") { () throws(PostgresError) in
            try connection.beginReadOnlySnapshot(statementTimeoutMilliseconds: statementTimeoutMilliseconds)
        }
        let histories = try connection.endingReadOnlySnapshotIfFailing { () throws(MigrationError) in
            try readInCurrentTransaction(from: connection)
        }
        try step("a read-only transaction") { () throws(PostgresError) in try connection.endReadOnlySnapshot() }
        return histories
    }

    /// `read(from:)` in the transaction `connection` is in: two round trips, one to find the history
    /// tables and one for all their rows.
    private func readInCurrentTransaction(from connection: PostgresConnection) throws(MigrationError) -> [MigrationHistory] {
        let detection = Self.detectionStatement
        let found = try step(Self.detectionSubject) { () throws(PostgresError) in
            try connection.query(detection.sql, detection.parameters)
        }
        return try histories(detected: found, on: connection)
    }

    /// The statement that finds the history tables, for a caller to send with its own (a catalog
    /// read's pipeline, say); `histories(detected:on:)` reads what it found.
    public static var detectionStatement: PostgresConnection.Statement {
        PostgresConnection.Statement(HistoryTable.detectionQuery, [HistoryTable.platformSchemasParameter])
    }

    /// What a failure of `detectionStatement` failed to read.
    public static let detectionSubject = "the migration-history tables"

    /// The histories in the tables `detected` (the rows of `detectionStatement`) names, read in the
    /// transaction `connection` is in, all tables' rows in one round trip.
    public func histories(detected: QueryResult, on connection: PostgresConnection) throws(MigrationError) -> [MigrationHistory] {
        let tables = try step(Self.detectionSubject) { () throws(PostgresError) in
            var tables: [HistoryTable] = []
            for row in detected {
                if let table = try HistoryTable(detectionRow: row) { tables.append(table) }
            }
            return tables
        }
        guard !tables.isEmpty else { return [] }
        var histories: [MigrationHistory] = []
        var position = 0
        do throws(PostgresError) {
            try connection.pipeline(tables.map { PostgresConnection.Statement($0.rowQuery) }) { index, outcome throws(PostgresError) in
                position = index
                var entries: [MigrationRecord] = []
                for row in try outcome.get() { entries.append(try HistoryTable.record(from: row)) }
                let table = tables[index]
                histories.append(MigrationHistory(framework: table.framework, table: table.qualifiedName, entries: entries))
            }
        } catch {
            throw MigrationError(.database(subject: tables[position].qualifiedName, error))
        }
        return histories.sorted { ($0.framework, $0.table) < ($1.framework, $1.table) }
    }

    private func step<Value>(_ subject: String, _ body: () throws(PostgresError) -> Value) throws(MigrationError) -> Value {
        do {
            return try body()
        } catch {
            throw MigrationError(.database(subject: subject, error))
        }
    }
}
