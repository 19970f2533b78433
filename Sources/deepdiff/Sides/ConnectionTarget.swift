import PostgresClient

/// How deepdiff recognises and names connection strings, always without their password.
enum ConnectionTarget {
    /// Whether `text` reads as a libpq connection string rather than a name.
    static func looksLikeConnectionString(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://") || text.contains("=")
    }

    /// Whether `text` carries a password (in a URI's user info, a `password=` keyword or a
    /// `?password=` parameter).
    static func containsPassword(_ text: String) -> Bool {
        ConnectionString.masked(text) != text
    }

    /// A short label for reports: the masked connection string.
    static func label(for connectionString: String) -> String {
        ConnectionString.masked(connectionString)
    }
}
