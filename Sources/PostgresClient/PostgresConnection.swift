import CLibPQ

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A libpq connection used by one task at a time; owns its `PGconn` pointer and closes it in `deinit`.
///
/// Only `cancelRunningQuery()` may be called from another thread while a query runs.
public final class PostgresConnection: @unchecked Sendable {
    /// Server version as `PQserverVersion` gives it, e.g. 150018, 180006.
    public let serverVersionNumber: Int
    /// The database name as libpq reports it.
    public let databaseName: String
    /// The user name as libpq reports it.
    public let userName: String
    /// Where this connection goes, password masked, e.g. `postgres@127.0.0.1:5432/app`.
    public let displayTarget: String

    private let connection: OpaquePointer
    private let cancelHandle: OpaquePointer?
    private let scrubber: SecretScrubber
    /// The names of the statements `queryPrepared` prepared, by their SQL.
    private var preparedStatements: [String: String] = [:]

    /// Connects with anything psql accepts: a URI (`postgresql://…`), a keyword/value string, `service=name`,
    /// or "" for the `PG*` environment variables only; `.pgpass` works (libpq reads it).
    ///
    /// Sets `application_name` to `deepdiff` as a fallback (a user's own setting wins) and `connect_timeout`
    /// unless the string or `PGCONNECT_TIMEOUT` gives one (a service file's value does not win over it).
    /// The client encoding is always UTF8, because results are decoded as UTF-8. A `password` given here
    /// (e.g. from the variable a config file names) wins over one in the string, PGPASSWORD or `.pgpass`.
    public init(_ connectionString: String, password: String? = nil, connectTimeoutSeconds: Int = 10) throws(PostgresError) {
        var scrubber = SecretScrubber(connectionString: connectionString)
        if let password { scrubber.add(password: password) }
        guard !connectionString.utf8.contains(0) else {
            throw PostgresError(kind: .connectionFailed, sqlState: .sqlclientUnableToEstablishSQLConnection,
                                message: "the connection string contains a NUL character")
        }
        // libpq applies keywords in order; dbname is expanded as a connection string, so what the user wrote
        // overrides the defaults before it, and client_encoding after it overrides the user.
        var options: [(keyword: String, value: String)] = [("fallback_application_name", "deepdiff")]
        if getenv("PGCONNECT_TIMEOUT") == nil {
            options.append(("connect_timeout", String(connectTimeoutSeconds)))
        }
        options.append(("dbname", connectionString))
        if let password { options.append(("password", password)) }
        options.append(("client_encoding", "UTF8"))
        // Both arrays end with a NULL pointer, as PQconnectdbParams expects.
        let opened = Self.withCStrings(options.map(\.keyword) + [nil]) { keywords in
            Self.withCStrings(options.map(\.value) + [nil]) { values in PQconnectdbParams(keywords, values, 1) }
        }
        guard let connection = opened else {
            throw PostgresError(kind: .connectionFailed, sqlState: .sqlclientUnableToEstablishSQLConnection,
                                message: "libpq could not allocate a connection")
        }
        // The password libpq actually used may come from PGPASSWORD, .pgpass or a service file.
        if let password = PQpass(connection) { scrubber.add(password: String(cString: password)) }
        let target = scrubber.scrub(Self.target(of: connection))
        guard PQstatus(connection) == CONNECTION_OK else {
            let error = Self.connectError(String(cString: PQerrorMessage(connection)), target: target, scrubber)
            PQfinish(connection)
            throw error
        }
        // Notices (e.g. from RAISE NOTICE in a catalog function) must not reach stderr.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        self.connection = connection
        self.cancelHandle = PQgetCancel(connection)
        self.scrubber = scrubber
        self.serverVersionNumber = Int(PQserverVersion(connection))
        self.databaseName = Self.text(PQdb(connection))
        self.userName = Self.text(PQuser(connection))
        self.displayTarget = target ?? ""
    }

    deinit {
        if let cancelHandle { PQfreeCancel(cancelHandle) }
        PQfinish(connection)
    }

    /// Runs one statement with parameters passed separately (`PQexecParams`, text format, parameter types
    /// inferred by the server) and returns all rows as text.
    public func query(_ sql: String, _ parameters: [String?] = []) throws(PostgresError) -> QueryResult {
        let statement = Statement(sql, parameters)
        try checkForNUL(statement)
        let executed = Self.withCStrings(of: statement) { sql, values in
            PQexecParams(connection, sql, Int32(values.count), nil, values, nil, nil, 0)
        }
        guard let result = executed else { throw queryError(nil) }
        return try decoded(result)
    }

    /// Runs `sql`, which takes no parameters, as a statement prepared on this connection: the server
    /// parses and plans it the first time only. Each statement gets a random name, so that one left
    /// on a pooled server connection cannot collide with another client's.
    ///
    /// A pooler in transaction mode may run a later transaction on another server connection, which
    /// lacks the prepared statement; it is then prepared again. Inside a transaction, running a
    /// statement prepared before is guarded by a savepoint, so that its absence does not fail the
    /// transaction.
    public func queryPrepared(_ sql: String) throws(PostgresError) -> QueryResult {
        if let name = preparedStatements[sql] {
            let guarded = PQtransactionStatus(connection) == PQTRANS_INTRANS
            if guarded { _ = try query("SAVEPOINT deepdiff_prepared") }
            do {
                let result = try executePrepared(name)
                if guarded { _ = try query("RELEASE SAVEPOINT deepdiff_prepared") }
                return result
            } catch where error.sqlState == .invalidSQLStatementName {
                preparedStatements[sql] = nil
                if guarded {
                    _ = try query("ROLLBACK TO SAVEPOINT deepdiff_prepared")
                    _ = try query("RELEASE SAVEPOINT deepdiff_prepared")
                }
            }
        }
        try checkForNUL(Statement(sql))
        let name = "deepdiff_" + String(UInt64.random(in: .min ... .max), radix: 36)
        guard let prepared = PQprepare(connection, name, sql, 0, nil) else { throw queryError(nil) }
        _ = try decoded(prepared)
        preparedStatements[sql] = name
        return try executePrepared(name)
    }

    private func executePrepared(_ name: String) throws(PostgresError) -> QueryResult {
        guard let result = PQexecPrepared(connection, name, 0, nil, nil, nil, 0) else { throw queryError(nil) }
        return try decoded(result)
    }

    /// One statement of a pipeline: SQL and its parameters, passed as `query` passes them.
    public struct Statement: Sendable {
        public let sql: String
        public let parameters: [String?]

        /// A statement with parameters `$1`, `$2`… passed separately.
        public init(_ sql: String, _ parameters: [String?] = []) {
            self.sql = sql
            self.parameters = parameters
        }
    }

    /// Runs `statements` in libpq's pipeline mode: all are sent at once and the server runs them back to
    /// back, so it works on the next while `handle` decodes the one before. `handle` gets each
    /// statement's position and its rows or its error, in order; after a failure the server skips the
    /// rest, and `handle` is not called for them. An error `handle` throws ends the pipeline and is
    /// rethrown once the connection is ready for the next statement.
    ///
    /// The statements are sent before any result is read, which suits the few kilobytes of catalog
    /// queries deepdiff sends; megabytes of statements could fill both directions' socket buffers.
    public func pipeline(
        _ statements: [Statement], _ handle: (_ position: Int, _ result: Result<QueryResult, PostgresError>) throws(PostgresError) -> Void
    ) throws(PostgresError) {
        for statement in statements { try checkForNUL(statement) }
        guard PQenterPipelineMode(connection) == 1 else { throw queryError(nil) }
        var failure: PostgresError?
        var sent = 0
        for statement in statements {
            let accepted = Self.withCStrings(of: statement) { sql, values in
                PQsendQueryParams(connection, sql, Int32(values.count), nil, values, nil, nil, 0)
            }
            guard accepted == 1 else {
                failure = queryError(nil)
                break
            }
            sent += 1
        }
        if PQpipelineSync(connection) != 1 { failure = failure ?? queryError(nil) }
        for position in 0..<sent {
            // Each statement's results end with a NULL from PQgetResult.
            var outcome: Result<QueryResult, PostgresError>?
            while let result = PQgetResult(connection) {
                guard outcome == nil, PQresultStatus(result) != PGRES_PIPELINE_ABORTED else {
                    PQclear(result)
                    continue
                }
                outcome = Result { () throws(PostgresError) in try decoded(result) }
            }
            guard failure == nil else { continue }
            guard let outcome else {
                failure = PQstatus(connection) == CONNECTION_OK
                    ? PostgresError(kind: .queryFailed, message: "the server skipped a statement after an earlier one failed",
                                    target: displayTarget)
                    : queryError(nil)
                continue
            }
            do {
                try handle(position, outcome)
            } catch {
                failure = error
            }
        }
        // The synchronization point's own result, then leave pipeline mode.
        while let result = PQgetResult(connection) {
            let status = PQresultStatus(result)
            PQclear(result)
            if status == PGRES_PIPELINE_SYNC { break }
        }
        if PQexitPipelineMode(connection) != 1 { failure = failure ?? queryError(nil) }
        if let failure { throw failure }
    }

    /// libpq takes C strings: a NUL would silently cut the statement or a parameter short.
    private func checkForNUL(_ statement: Statement) throws(PostgresError) {
        guard !statement.sql.utf8.contains(0), !statement.parameters.contains(where: { $0?.utf8.contains(0) == true }) else {
            throw PostgresError(kind: .queryFailed, sqlState: .characterNotInRepertoire,
                                message: "the statement or a parameter contains a NUL character",
                                target: displayTarget)
        }
    }

    /// The rows of a successful result, which keep `result` and free it when they go, or the error
    /// of a failed one, with `result` freed.
    private func decoded(_ result: OpaquePointer) throws(PostgresError) -> QueryResult {
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            let error = queryError(result)
            PQclear(result)
            throw error
        }
        return QueryResult(storage: ResultStorage(result))
    }

    /// Begins the one transaction deepdiff reads in: `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`, then
    /// the transaction-local `search_path` and `statement_timeout`, and `jit` off: on a catalog large
    /// enough for a query's estimated cost to pass `jit_above_cost`, compiling it would take longer
    /// than running it. Both go to the server at once, one round trip.
    ///
    /// `searchPath` is a `search_path` value (`pg_catalog`, `"My Schema", public`); it is passed to
    /// `set_config` as a parameter, so the server parses it as a list of names and nothing else.
    ///
    /// Returns the transaction's snapshot, which its first statement fixes, as `pg_snapshot` text
    /// (`xmin:xmax:xip,...`).
    @discardableResult
    public func beginReadOnlySnapshot(
        statementTimeoutMilliseconds: Int = 300_000, searchPath: String = "pg_catalog"
    ) throws(PostgresError) -> String {
        try beginReadOnlySnapshot(statementTimeoutMilliseconds: statementTimeoutMilliseconds, searchPath: searchPath,
                                  then: []) { _, _ throws(PostgresError) in }
    }

    /// `beginReadOnlySnapshot(statementTimeoutMilliseconds:searchPath:)` with `statements` sent in the
    /// same round trip, run inside the new transaction; `handle` gets each one's position in
    /// `statements` and its rows. On any failure the transaction is ended and the error thrown.
    public func beginReadOnlySnapshot(
        statementTimeoutMilliseconds: Int = 300_000, searchPath: String = "pg_catalog",
        then statements: [Statement], _ handle: (_ position: Int, _ rows: QueryResult) throws(PostgresError) -> Void
    ) throws(PostgresError) -> String {
        var snapshot: String?
        do throws(PostgresError) {
            try pipeline([
                Statement("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"),
                Statement("""
                    SELECT pg_catalog.set_config('search_path', $1, true), pg_catalog.set_config('statement_timeout', $2, true),
                           pg_catalog.set_config('jit', 'off', true), pg_catalog.pg_current_snapshot()::text AS snapshot
                    """, [searchPath, String(statementTimeoutMilliseconds)]),
            ] + statements) { position, outcome throws(PostgresError) in
                let result = try outcome.get()
                switch position {
                case 0: break
                case 1: snapshot = try result.first?.string("snapshot")
                default: try handle(position - 2, result)
                }
            }
            guard let snapshot else {
                throw PostgresError(kind: .decoding, message: "the transaction's settings returned no row", target: displayTarget)
            }
            return snapshot
        } catch {
            if PQtransactionStatus(connection) != PQTRANS_IDLE { _ = try? query("ROLLBACK") }
            throw error
        }
    }

    /// Ends the snapshot's transaction with ROLLBACK (nothing was written anyway).
    public func endReadOnlySnapshot() throws(PostgresError) {
        _ = try query("ROLLBACK")
    }

    /// Runs `body` in the read-only transaction begun on this connection; when it throws, ends the
    /// transaction and rethrows. The work failed already: a failure to end the transaction as well
    /// would add nothing useful, so it is not reported.
    public func endingReadOnlySnapshotIfFailing<Value, Failure: Error>(_ body: () throws(Failure) -> Value) throws(Failure) -> Value {
        do {
            return try body()
        } catch {
            try? endReadOnlySnapshot()
            throw error
        }
    }

    /// Asks the server to cancel the running statement (`PQcancel`); safe to call from another thread,
    /// e.g. on Ctrl-C. The canceled `query` then throws an error of kind `.canceled`.
    public func cancelRunningQuery() {
        guard let cancelHandle else { return }
        var errorBuffer = [CChar](repeating: 0, count: 256)
        _ = PQcancel(cancelHandle, &errorBuffer, Int32(errorBuffer.count))
    }

    // MARK: - Errors

    /// The error for a failed statement, classified by SQLSTATE and by whether the connection survived.
    private func queryError(_ result: OpaquePointer?) -> PostgresError {
        // libpq's PG_DIAG_* codes are character-literal macros, which Swift does not import.
        func field(_ code: Unicode.Scalar) -> String? {
            guard let result, let value = PQresultErrorField(result, Int32(code.value)) else { return nil }
            return String(cString: value)
        }
        let sqlState = field("C").map(SQLState.init)
        let libpqText = Self.splitLibpqMessage(Self.text(PQerrorMessage(connection)))
        let kind: PostgresError.Kind
        if PQstatus(connection) != CONNECTION_OK || sqlState?.isInClass("08") == true || sqlState == .adminShutdown {
            kind = .connectionLost
        } else if sqlState == .insufficientPrivilege {
            kind = .permissionDenied
        } else if sqlState == .queryCanceled {
            kind = .canceled
        } else {
            kind = .queryFailed
        }
        return PostgresError(
            kind: kind,
            sqlState: sqlState ?? (kind == .connectionLost ? .connectionFailure : nil),
            message: scrubber.scrub(field("M") ?? libpqText.message),
            detail: scrubber.scrub(field("D")),
            hint: scrubber.scrub(field("H") ?? libpqText.hint),
            target: displayTarget)
    }

    /// The error for a failed connection attempt, classified from libpq's message (libpq gives no SQLSTATE
    /// for connection failures). With several hosts tried, the attempt that says the most wins.
    private static func connectError(_ libpqMessage: String, target: String?, _ scrubber: SecretScrubber) -> PostgresError {
        let attempts = libpqMessage.split(separator: "\n").reduce(into: [String]()) { attempts, line in
            if line.hasPrefix("\t"), !attempts.isEmpty { attempts[attempts.count - 1] += "\n" + line } else { attempts.append(String(line)) }
        }
        let classified = attempts.map { attempt in
            let text = splitLibpqMessage(attempt)
            return (text, classifyConnectFailure(text.message))
        }
        let chosen = classified.last { $0.1.kind != .connectionFailed } ?? classified.first
        let text = chosen?.0 ?? (message: "libpq gave no reason", hint: nil)
        let classification = chosen?.1 ?? (kind: .connectionFailed, sqlState: .sqlclientUnableToEstablishSQLConnection)
        return PostgresError(kind: classification.kind, sqlState: classification.sqlState,
                             message: scrubber.scrub(text.message), hint: scrubber.scrub(text.hint), target: target)
    }

    private static func classifyConnectFailure(_ message: String) -> (kind: PostgresError.Kind, sqlState: SQLState) {
        let lower = message.lowercased()
        if lower.contains("password authentication failed") || lower.contains("no password supplied") {
            return (.authenticationFailed, .invalidPassword)
        }
        if lower.contains("authentication failed") || lower.contains("no pg_hba.conf entry")
            || (lower.hasPrefix("role \"") && lower.hasSuffix("does not exist")) || lower.contains("not permitted to log in")
        {
            return (.authenticationFailed, .invalidAuthorizationSpecification)
        }
        if lower.hasPrefix("database \"") && lower.hasSuffix("does not exist") {
            return (.databaseNotFound, .invalidCatalogName)
        }
        if lower.hasPrefix("permission denied") {
            return (.permissionDenied, .insufficientPrivilege)
        }
        return (.connectionFailed, .sqlclientUnableToEstablishSQLConnection)
    }

    /// libpq's message as (first line without the "connection to server … failed:" and severity prefixes,
    /// the tab-indented advice lines after it joined into one).
    private static func splitLibpqMessage(_ text: String) -> (message: String, hint: String?) {
        let lines = text.split(separator: "\n")
        var message = Substring(lines.first ?? "")
        if message.hasPrefix("connection to server"), let failed = message.firstRange(of: " failed: ") {
            message = message[failed.upperBound...]
        }
        for severity in ["FATAL:", "ERROR:"] where message.hasPrefix(severity) {
            message = message.dropFirst(severity.count)
        }
        let advice = lines.dropFirst().prefix { $0.hasPrefix("\t") }.map { $0.trimmingWhitespace() }
        return (String(message.trimmingWhitespace()), advice.isEmpty ? nil : advice.joined(separator: " "))
    }

    // MARK: - libpq values

    /// `user@host:port/db` from what libpq resolved, or nil when it resolved nothing (unparsable string).
    private static func target(of connection: OpaquePointer) -> String? {
        let user = text(PQuser(connection)), host = text(PQhost(connection))
        let port = text(PQport(connection)), database = text(PQdb(connection))
        guard !host.isEmpty || !user.isEmpty || !database.isEmpty else { return nil }
        var target = user.isEmpty ? "" : "\(user)@"
        target += host.contains(":") ? "[\(host)]" : host
        if !port.isEmpty { target += ":\(port)" }
        if !database.isEmpty { target += "/\(database)" }
        return target
    }

    private static func text(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func text(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// Calls `body` with C strings of `statement`'s SQL and parameters, as libpq's `…Params` calls take them.
    private static func withCStrings<Result>(
        of statement: Statement, _ body: (_ sql: UnsafePointer<CChar>?, _ values: [UnsafePointer<CChar>?]) -> Result
    ) -> Result {
        withCStrings([statement.sql]) { sql in withCStrings(statement.parameters) { values in body(sql[0], values) } }
    }

    /// Calls `body` with NUL-terminated copies of `strings` (nil stays nil), freed afterwards.
    private static func withCStrings<Result>(
        _ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> Result
    ) -> Result {
        let buffers = strings.map { string in
            string.map { string in
                let bytes = string.utf8CString
                let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: bytes.count)
                _ = buffer.initialize(from: bytes)
                return buffer
            }
        }
        defer { buffers.forEach { $0?.deallocate() } }
        return body(buffers.map { $0.map { UnsafePointer($0.baseAddress!) } })
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate func trimmingWhitespace() -> Substring {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        let start = firstIndex { !isBlank($0) } ?? endIndex
        let end = lastIndex { !isBlank($0) }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
