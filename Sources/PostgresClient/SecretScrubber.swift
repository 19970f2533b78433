/// Removes a connection's secrets from text before it reaches a user.
///
/// libpq's and the server's messages do not quote passwords, but some libpq parse errors quote the whole
/// connection string; every user-facing string goes through here regardless.
struct SecretScrubber: Sendable {
    /// Pairs of (text to find, text to show), longest first so a password inside the connection string
    /// does not break the replacement of the whole string.
    private var replacements: [(secret: String, shown: String)] = []

    /// Scrubs the connection string itself (shown masked) and every password written in it.
    init(connectionString: String) {
        if !connectionString.isEmpty {
            replacements.append((connectionString, ConnectionString.masked(connectionString)))
        }
        for password in ConnectionString.passwords(in: connectionString) { add(password: password) }
    }

    /// Also scrubs `password`, e.g. the one libpq took from PGPASSWORD, .pgpass or a service file.
    mutating func add(password: String) {
        guard !password.isEmpty, !replacements.contains(where: { $0.secret == password }) else { return }
        replacements.append((password, "***"))
        replacements.sort { $0.secret.utf8.count > $1.secret.utf8.count }
    }

    /// `text` with every secret replaced.
    func scrub(_ text: String) -> String {
        replacements.reduce(text) { scrubbed, pair in scrubbed.replacing(pair.secret, with: pair.shown) }
    }

    /// `text` scrubbed, or nil when there is none.
    func scrub(_ text: String?) -> String? { text.map { scrub($0) } }
}
