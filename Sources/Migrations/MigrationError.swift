import Catalog
import PostgresClient

/// A failure reading migration histories or files, or running a shadow verification; its description
/// is one sentence for users and never carries a password.
public struct MigrationError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable {
        /// A query failed while reading `subject`.
        case database(subject: String, PostgresError)
        /// A catalog read failed (the scratch database's or the compared database's).
        case catalog(CatalogError)
        /// A migration directory or file could not be read.
        case unreadable(path: String, reason: String)
        /// No scratch PostgreSQL could be started or used.
        case shadowUnavailable(String)
        /// The `--shadow` database holds objects already, so its result would not be the migrations' alone.
        case shadowNotEmpty(database: String, objects: Int)
        /// A setup file failed: the migrations' scaffolding is broken, so nothing can be verified.
        case setupFailed(file: String, statement: String, PostgresError)
    }

    /// What went wrong.
    public let kind: Kind

    /// Creates an error.
    public init(_ kind: Kind) { self.kind = kind }

    public var description: String {
        switch kind {
        case .database(let subject, let error): "cannot read \(subject): \(error)"
        case .catalog(let error): error.description
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .shadowUnavailable(let reason): "no scratch database for the migrations: \(reason)"
        case .shadowNotEmpty(let database, let objects):
            "the shadow database \(database) is not empty (\(objects) objects): give an empty database, or one deepdiff may create databases in"
        case .setupFailed(let file, let statement, let error):
            "setup file \(file) failed at \"\(statement.prefix(120))\": \(error)"
        }
    }
}
