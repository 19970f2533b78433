import PostgresClient

/// Why a database's schema could not be read; `description` is one sentence for users, with the
/// SQLSTATE when the server gave one.
public struct CatalogError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// The server is older than PostgreSQL 13 (the payload is its `server_version_num`).
        case unsupportedServer(versionNumber: Int)
        /// The role may not read a catalog the reader needs.
        case permissionDenied
        /// DDL committed while the schema was being read, so the read may mix two states.
        case schemaChangedDuringRead
        /// A catalog query failed for another reason, or its result could not be decoded.
        case queryFailed
    }

    /// What went wrong.
    public let kind: Kind
    /// What was being read, e.g. "functions and procedures", or nil when not reading anything in particular.
    public let subject: String?
    /// The underlying PostgreSQL error, carrying the SQLSTATE, when there is one.
    public let underlying: PostgresError?

    /// Creates an error.
    public init(kind: Kind, subject: String? = nil, underlying: PostgresError? = nil) {
        self.kind = kind
        self.subject = subject
        self.underlying = underlying
    }

    /// Wraps a failure that happened while reading `subject`.
    init(reading subject: String, _ error: PostgresError) {
        let kind: Kind = error.kind == .permissionDenied || error.sqlState == .insufficientPrivilege ? .permissionDenied : .queryFailed
        self.init(kind: kind, subject: subject, underlying: error)
    }

    /// The server's SQLSTATE, when the server reported one.
    public var sqlState: SQLState? { underlying?.sqlState }

    public var description: String {
        let cause = underlying.map { ": \($0.description)" } ?? ""
        switch kind {
        case .unsupportedServer(let versionNumber):
            return "the server runs PostgreSQL \(versionNumber / 10_000) (server_version_num \(versionNumber)); deepdiff reads PostgreSQL 13 to 18"
        case .permissionDenied:
            return "the role may not read the catalogs needed for \(subject ?? "the schema")\(cause)"
        case .schemaChangedDuringRead:
            return "the schema changed while it was being read; run again"
        case .queryFailed:
            return "cannot read \(subject ?? "the schema")\(cause)"
        }
    }
}
