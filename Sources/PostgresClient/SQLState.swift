/// A five-character SQLSTATE code from PostgreSQL, with named codes and matching by class.
///
/// The first two characters are the class (`42` syntax error or access rule violation, `08` connection
/// exception, …); see PostgreSQL's "Appendix A. PostgreSQL Error Codes".
public struct SQLState: Hashable, Sendable, CustomStringConvertible {
    /// The five characters, e.g. `42501`.
    public let code: String

    /// Wraps a code as the server or libpq reported it.
    public init(_ code: String) { self.code = code }

    /// The two-character class, e.g. `42` for `42501`.
    public var errorClass: String { String(code.prefix(2)) }

    /// Whether the code starts with `prefix`: a class (`"08"`) or a whole code.
    public func isInClass(_ prefix: String) -> Bool { code.hasPrefix(prefix) }

    public var description: String { code }

    /// 42501: the role lacks a privilege the statement needs.
    public static let insufficientPrivilege = SQLState("42501")
    /// 28P01: wrong password.
    public static let invalidPassword = SQLState("28P01")
    /// 28000: the role may not connect (unknown role, no pg_hba.conf entry).
    public static let invalidAuthorizationSpecification = SQLState("28000")
    /// 3D000: the database does not exist.
    public static let invalidCatalogName = SQLState("3D000")
    /// 3F000: the schema does not exist.
    public static let invalidSchemaName = SQLState("3F000")
    /// 57014: the statement was canceled (statement timeout or a cancel request).
    public static let queryCanceled = SQLState("57014")
    /// 25006: a write was attempted in a read-only transaction.
    public static let readOnlySQLTransaction = SQLState("25006")
    /// 25P02: the transaction already failed; only ROLLBACK is accepted.
    public static let inFailedSQLTransaction = SQLState("25P02")
    /// 26000: no prepared statement (or portal) has the name a statement used.
    public static let invalidSQLStatementName = SQLState("26000")
    /// 42P01: the table does not exist.
    public static let undefinedTable = SQLState("42P01")
    /// 42703: the column does not exist.
    public static let undefinedColumn = SQLState("42703")
    /// 42883: the function does not exist.
    public static let undefinedFunction = SQLState("42883")
    /// 42704: an object (type, role, …) does not exist.
    public static let undefinedObject = SQLState("42704")
    /// 42601: the SQL does not parse.
    public static let syntaxError = SQLState("42601")
    /// 22023: a setting or argument has an invalid value.
    public static let invalidParameterValue = SQLState("22023")
    /// 22021: a character is not valid in the encoding (libpq cannot send NUL bytes either).
    public static let characterNotInRepertoire = SQLState("22021")
    /// 0A000: the server does not support the feature.
    public static let featureNotSupported = SQLState("0A000")
    /// 08000: a connection exception of unspecified kind.
    public static let connectionException = SQLState("08000")
    /// 08006: the connection failed while in use.
    public static let connectionFailure = SQLState("08006")
    /// 08001: the client could not establish the connection.
    public static let sqlclientUnableToEstablishSQLConnection = SQLState("08001")
    /// 53300: the server has no connection slot left.
    public static let tooManyConnections = SQLState("53300")
    /// 57P01: the server is shutting down and ended the session.
    public static let adminShutdown = SQLState("57P01")
    /// 57P03: the server is starting up or in recovery and refuses connections.
    public static let cannotConnectNow = SQLState("57P03")
}
