/// A failure talking to PostgreSQL: what kind it is, the server's SQLSTATE and fields, and where it happened.
///
/// `description` is one line meant for users; no field ever carries a password (see `SecretScrubber`).
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as far as a caller needs to decide what to do about it.
    public enum Kind: Sendable, Hashable {
        /// The server could not be reached or refused the connection for a reason other than those below.
        case connectionFailed
        /// Wrong or missing password, unknown role, or no pg_hba.conf entry for this client.
        case authenticationFailed
        /// The database named in the connection string does not exist.
        case databaseNotFound
        /// The role may not read something the statement needs (SQLSTATE 42501).
        case permissionDenied
        /// The statement failed for another reason (see `sqlState`).
        case queryFailed
        /// The statement was canceled: statement timeout or `cancelRunningQuery()` (SQLSTATE 57014).
        case canceled
        /// The connection broke while in use.
        case connectionLost
        /// The server's version is outside what the caller supports.
        case unsupportedServer
        /// A value in a result did not have the expected form (NULL, unknown column, not a number, …).
        case decoding
    }

    /// What went wrong.
    public let kind: Kind
    /// The server's SQLSTATE, or the one that best describes a client-side failure; nil when unknown.
    public let sqlState: SQLState?
    /// The primary message, one line, trimmed.
    public let message: String
    /// The server's DETAIL field, if any.
    public let detail: String?
    /// The server's HINT field, or libpq's advice (e.g. "Is the server running…?"), if any.
    public let hint: String?
    /// Where the connection goes, password masked, when known (e.g. `postgres@127.0.0.1:5432/app`).
    public let target: String?

    /// Makes an error; callers above this layer use it for `unsupportedServer` and `decoding`.
    public init(
        kind: Kind, sqlState: SQLState? = nil, message: String, detail: String? = nil, hint: String? = nil,
        target: String? = nil
    ) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.target = target
    }

    /// One line for users, e.g. `cannot connect to postgres@127.0.0.1:5999/app: Connection refused (…) [SQLSTATE 08001]`.
    public var description: String {
        let (action, preposition) = kind.phrase
        var line = action
        if let target, !target.isEmpty { line += " \(preposition) \(target)" }
        line += ": \(message)"
        if let hint, !hint.isEmpty { line += " (\(hint))" }
        if let sqlState { line += " [SQLSTATE \(sqlState.code)]" }
        return Self.singleLine(line)
    }

    /// Puts text from a server or a catalog on one harmless line: line breaks become spaces and other
    /// control characters (terminal escapes included) become visible `\u{…}` escapes.
    static func singleLine(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\t":
                if result.last != " " { result.unicodeScalars.append(" ") }
            case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{200E}", "\u{200F}", "\u{202A}"..."\u{202E}",
                "\u{2066}"..."\u{2069}":
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension PostgresError.Kind {
    /// The words that open an error's one-line description, and the word that joins them to the target.
    fileprivate var phrase: (action: String, preposition: String) {
        switch self {
        case .connectionFailed, .authenticationFailed, .databaseNotFound: ("cannot connect", "to")
        case .permissionDenied: ("permission denied", "on")
        case .queryFailed: ("query failed", "on")
        case .canceled: ("query canceled", "on")
        case .connectionLost: ("lost the connection", "to")
        case .unsupportedServer: ("unsupported server", "at")
        case .decoding: ("cannot decode a result", "from")
        }
    }
}
