import PostgresClient
import SchemaModel

/// Reads every schema object of a live database into a `Snapshot`: one query per kind, all inside one
/// read-only REPEATABLE READ transaction.
public struct CatalogReader: Sendable {
    /// The oldest server supported, as `server_version_num`.
    public static let oldestSupportedVersion = 130_000

    /// The readers, one per kind or group of closely related kinds.
    static let readers: [any KindReader] = [
        SchemaReader(), ExtensionReader(), RelationReader(), ColumnReader(), ConstraintReader(), IndexReader(),
        TriggerReader(), PolicyReader(), RuleReader(), RoutineReader(), AggregateReader(), SequenceReader(),
        TypeReader(), CollationReader(), EventTriggerReader(), PublicationReader(), DefaultPrivilegesReader(),
    ]

    /// System schemas and extensions' schemas: never read. The rest go through the scope's filters.
    static let schemaListQuery = """
        SELECT n.nspname AS name, current_setting('server_version') AS server_version
        FROM pg_namespace n
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
          AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
          AND NOT \(CatalogSQL.isExtensionMemberProbed("pg_namespace", "n.oid"))
        """

    /// Which schemas are read.
    public let scope: SchemaScope
    /// How long any one catalog query may run before the server cancels it.
    public let statementTimeoutMilliseconds: Int

    /// Creates a reader for `scope` whose queries each may run for `statementTimeoutMilliseconds`.
    public init(scope: SchemaScope = .all, statementTimeoutMilliseconds: Int = 300_000) {
        self.scope = scope
        self.statementTimeoutMilliseconds = statementTimeoutMilliseconds
    }

    /// Refuses servers older than PostgreSQL 13.
    public static func checkSupported(serverVersionNumber: Int) throws(CatalogError) {
        if serverVersionNumber < oldestSupportedVersion {
            throw CatalogError(kind: .unsupportedServer(versionNumber: serverVersionNumber))
        }
    }

    /// Reads everything in one read-only REPEATABLE READ transaction (`beginReadOnlySnapshot`), then
    /// ends it, and checks that no DDL committed in the meantime.
    public func read(from connection: PostgresConnection) throws(CatalogError) -> Snapshot {
        try confirm(try readUnconfirmed(from: connection), on: connection)
    }

    /// A read whose objects are all in hand, not yet confirmed free of concurrent DDL.
    public struct UnconfirmedRead: Sendable {
        /// Everything read, in the transaction's snapshot.
        public let snapshot: Snapshot
        /// Whether no transaction committed between the transaction's snapshot and the end of its
        /// reads on the server, so that nothing can have changed (see `ConcurrentCommits`).
        fileprivate let nothingCommitted: Bool
    }

    /// The first half of `read(from:)`: everything is read in the transaction, which stays open
    /// until `confirm`, so that a caller can work on the objects while the read is confirmed.
    ///
    /// `alongside` are other statements to run in the same transaction, sent with the catalog
    /// statements so that they cost no round trip of their own; `handle` gets each one's position in
    /// `alongside` and its rows, and a failure of one is reported as a failure to read `subject`.
    public func readUnconfirmed(
        from connection: PostgresConnection, alongside: [PostgresConnection.Statement] = [], subject: String = "",
        _ handle: (_ position: Int, _ rows: QueryResult) throws(PostgresError) -> Void = { _, _ throws(PostgresError) in }
    ) throws(CatalogError) -> UnconfirmedRead {
        let serverVersion = connection.serverVersionNumber
        try Self.checkSupported(serverVersionNumber: serverVersion)
        // The transaction begins; the schemas, the extensions' objects and the kinds present are
        // listed in one round trip.
        var firstRows = FirstRoundTrip()
        let transactionSnapshot = try step(FirstRoundTrip.subject) { () throws(PostgresError) in
            try connection.beginReadOnlySnapshot(statementTimeoutMilliseconds: statementTimeoutMilliseconds,
                                                 then: FirstRoundTrip.statements) { position, rows in
                firstRows.record(rows, at: position)
            }
        }
        return try connection.endingReadOnlySnapshotIfFailing { () throws(CatalogError) in
            let plan = try self.plan(firstRows, serverVersion: serverVersion)
            return try readInSnapshot(from: connection, plan: plan, serverVersion: serverVersion,
                                      transactionSnapshot: transactionSnapshot,
                                      alongside: alongside, subject: subject, handle)
        }
    }

    /// The second half of `read(from:)`: ends the transaction `read` was made in, on `connection`,
    /// and returns its snapshot unless DDL committed since the read began.
    ///
    /// When no transaction committed while the server ran the read's statements, nothing can have
    /// changed. Otherwise the catalog signature is taken in the read's snapshot, still open, and
    /// again in a new transaction: a difference means DDL committed during the read.
    public func confirm(_ read: UnconfirmedRead, on connection: PostgresConnection) throws(CatalogError) -> Snapshot {
        if read.nothingCommitted {
            try step("a read-only transaction") { () throws(PostgresError) in try connection.endReadOnlySnapshot() }
            return read.snapshot
        }
        let signatureAtStart = try connection.endingReadOnlySnapshotIfFailing { () throws(CatalogError) in
            try step("the catalog's state") { () throws(PostgresError) in try CatalogSignature.compute(on: connection) }
        }
        try step("a read-only transaction") { () throws(PostgresError) in try connection.endReadOnlySnapshot() }
        let signatureAfter = try step("the catalog's state") { () throws(PostgresError) in
            try signatureInNewTransaction(on: connection)
        }
        if signatureAfter != signatureAtStart { throw CatalogError(kind: .schemaChangedDuringRead) }
        return read.snapshot
    }

    /// The catalog signature in a new read-only transaction, whose snapshot holds all that committed
    /// before it. Its `search_path` is the read's, so the server reuses the plan it made for the
    /// read's signature (a statement prepared under another path is planned again).
    private func signatureInNewTransaction(on connection: PostgresConnection) throws(PostgresError) -> String {
        try connection.beginReadOnlySnapshot(statementTimeoutMilliseconds: statementTimeoutMilliseconds)
        let signature = try connection.endingReadOnlySnapshotIfFailing { () throws(PostgresError) in
            try CatalogSignature.compute(on: connection)
        }
        try connection.endReadOnlySnapshot()
        return signature
    }

    /// The statements a read sends, after the first round trip, to fetch every object in scope: the
    /// comments, one per reader whose kind the database holds, then the count of unmodeled kinds.
    /// Only the first round trip's statements run here. Benchmarks run these through psql to measure
    /// the server's share of a read.
    public func objectStatements(on connection: PostgresConnection) throws(CatalogError) -> [PostgresConnection.Statement] {
        let serverVersion = connection.serverVersionNumber
        var firstRows = FirstRoundTrip()
        try step(FirstRoundTrip.subject) { () throws(PostgresError) in
            try connection.pipeline(FirstRoundTrip.statements) { position, outcome throws(PostgresError) in
                firstRows.record(try outcome.get(), at: position)
            }
        }
        return statements(for: try plan(firstRows, serverVersion: serverVersion), serverVersion: serverVersion)
    }

    /// The rows of a read's first round trip: the schemas the database holds, with the server's
    /// version string (`schemaListQuery`), the extensions' objects (`ExtensionMembers`) and which
    /// readers have anything to read (`KindPresence`).
    private struct FirstRoundTrip {
        /// What the round trip reads, for people.
        static let subject = "the schemas and which kinds of object the database holds"
        static let statements = [PostgresConnection.Statement(CatalogReader.schemaListQuery), ExtensionMembers.statement,
                                 KindPresence.statement(for: CatalogReader.readers)]

        var schemas = QueryResult(columnNames: [], values: [])
        var extensionMembers = QueryResult(columnNames: [], values: [])
        var presence = QueryResult(columnNames: [], values: [])

        /// Keeps `rows`, the result of the statement at `position` in `statements`.
        mutating func record(_ rows: QueryResult, at position: Int) {
            switch position {
            case 0: schemas = rows
            case 1: extensionMembers = rows
            default: presence = rows
            }
        }
    }

    /// The plan of a read from the rows of its first round trip: the schemas in scope among those the
    /// database holds, the server's version string, the extensions' objects and the readers to run.
    private func plan(_ rows: FirstRoundTrip, serverVersion: Int) throws(CatalogError) -> ReadPlan {
        var existingSchemas: [String] = []
        var versionText = String(serverVersion)
        for row in rows.schemas {
            try step("schemas") { () throws(PostgresError) in
                existingSchemas.append(try row.string("name"))
                versionText = try row.string("server_version")
            }
        }
        let extensionMembers = try step(ExtensionMembers.subject) { () throws(PostgresError) in
            try ExtensionMembers.literal(from: rows.extensionMembers)
        }
        let readers = try step(KindPresence.subject) { () throws(PostgresError) in
            try KindPresence.readersToRun(Self.readers, from: rows.presence)
        }
        return ReadPlan(scope: scope.resolve(existingSchemas: existingSchemas), versionText: versionText,
                        extensionMembers: extensionMembers, readers: readers)
    }

    /// The comments, one statement per reader of the plan, then the count of unmodeled kinds.
    private func statements(for plan: ReadPlan, serverVersion: Int) -> [PostgresConnection.Statement] {
        [Comments.statement] + plan.readers.map { reader in
            PostgresConnection.Statement(reader.query(serverVersion: serverVersion), reader.parameters.values(for: plan))
        } + [UnmodeledObjectCounter().statement(for: plan)]
    }

    private func readInSnapshot(
        from connection: PostgresConnection, plan: ReadPlan, serverVersion: Int,
        transactionSnapshot: String, alongside: [PostgresConnection.Statement], subject alongsideSubject: String,
        _ handleAlongside: (Int, QueryResult) throws(PostgresError) -> Void
    ) throws(CatalogError) -> UnconfirmedRead {
        // The comments, every reader's query, the count of unmodeled kinds, the check for commits
        // since the snapshot and the caller's statements go out at once: the server runs each while
        // the rows of the one before are decoded here, and runs the check after every catalog
        // function has printed what it prints.
        let counter = UnmodeledObjectCounter()
        let readers = plan.readers
        let readerPositions = 1..<readers.count + 1
        let counterPosition = readers.count + 1, checkPosition = readers.count + 2
        let statements = statements(for: plan, serverVersion: serverVersion)
            + [ConcurrentCommits.statement(since: transactionSnapshot)] + alongside
        var comments = Comments()
        var objects: [SchemaObject] = []
        var unmodeled: [String: Int] = [:]
        var nothingCommitted = false
        var position = 0
        do {
            try connection.pipeline(statements) { index, outcome throws(PostgresError) in
                position = index
                let result = try outcome.get()
                switch index {
                case 0: comments = try Comments(from: result)
                case readerPositions:
                    let reader = readers[index - 1]
                    let start = objects.endIndex
                    // Doubling at least: reserving the exact count for each reader in turn would
                    // move every object read so far once per reader.
                    if objects.capacity < start + result.count {
                        objects.reserveCapacity(max(start + result.count, 2 * objects.capacity))
                    }
                    for row in result { objects.append(try reader.object(from: row, comments: comments)) }
                    try reader.complete(&objects, from: start, rows: result)
                case counterPosition: unmodeled = try counter.counts(from: result)
                case checkPosition: nothingCommitted = try ConcurrentCommits.noneCommitted(in: result)
                default: try handleAlongside(index - checkPosition - 1, result)
                }
            }
        } catch {
            let subject = switch position {
            case 0: Comments.subject
            case readerPositions: readers[position - 1].subject
            case counterPosition: counter.subject
            case checkPosition: "the catalog's state"
            default: alongsideSubject
            }
            throw CatalogError(reading: subject, error)
        }
        // Taken out of the variable the pipeline's closure shares, so that the snapshot, the only
        // holder, sorts the objects in place.
        var collected: [SchemaObject] = []
        swap(&collected, &objects)
        var snapshot = Snapshot(
            server: ServerInfo(versionNumber: serverVersion, version: plan.versionText),
            database: connection.databaseName,
            schemas: plan.scope.schemas,
            objects: collected,
            unmodeledObjects: unmodeled
        )
        snapshot.fingerprintsComputedHere = true
        return UnconfirmedRead(snapshot: snapshot, nothingCommitted: nothingCommitted)
    }

    /// Runs `body`, turning a PostgreSQL failure into a `CatalogError` that names what was being read.
    private func step<Value>(_ subject: String, _ body: () throws(PostgresError) -> Value) throws(CatalogError) -> Value {
        do {
            return try body()
        } catch {
            throw CatalogError(reading: subject, error)
        }
    }
}

/// What the first round trip of a read finds, which the queries of the rest take as parameters.
struct ReadPlan: Sendable {
    /// The schemas in scope.
    var scope: ResolvedScope
    /// The server's version, as `server_version` prints it.
    var versionText: String
    /// The objects extensions made, as an `int8[]` literal (see `ExtensionMembers`).
    var extensionMembers: String
    /// The readers whose kind the database holds (see `KindPresence`), in `CatalogReader.readers` order.
    var readers: [any KindReader]
}
