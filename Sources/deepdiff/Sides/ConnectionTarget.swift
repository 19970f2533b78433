import PostgresClient
import SchemaModel

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

    /// A short label for reports: `dbname` (with `service=` or `@host` when given) for a keyword
    /// string, the masked URI otherwise. Never carries a password.
    static func label(for connectionString: String) -> String {
        guard !connectionString.hasPrefix("postgres"), let keywords = keywordValues(connectionString) else {
            return ConnectionString.masked(connectionString)
        }
        if let service = keywords["service"], keywords["dbname"] == nil { return "service=\(service)" }
        let database = keywords["dbname"] ?? "(default database)"
        guard let host = keywords["host"] ?? keywords["hostaddr"], !host.hasPrefix("/") else { return database }
        return "\(database)@\(host)" + (keywords["port"].map { ":\($0)" } ?? "")
    }

    /// The keyword/value pairs of a libpq keyword string (the last value of a repeated keyword wins,
    /// as in libpq), or nil when it does not parse as one.
    static func keywordValues(_ text: String) -> [String: String]? {
        var values: [String: String] = [:]
        var characters = Substring(text)
        while true {
            characters = characters.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
            guard !characters.isEmpty else { return values }
            guard let equals = characters.firstIndex(of: "=") else { return nil }
            let keyword = characters[..<equals].trimmingWhitespace
            characters = characters[characters.index(after: equals)...].drop { $0 == " " }
            var value = ""
            if characters.first == "'" {
                characters = characters.dropFirst()
                var closed = false
                while let character = characters.first {
                    characters = characters.dropFirst()
                    if character == "\\", let escaped = characters.first {
                        value.append(escaped)
                        characters = characters.dropFirst()
                    } else if character == "'" {
                        closed = true
                        break
                    } else {
                        value.append(character)
                    }
                }
                guard closed else { return nil }
            } else {
                let end = characters.firstIndex { $0 == " " || $0 == "\t" || $0 == "\n" } ?? characters.endIndex
                value = String(characters[..<end])
                characters = characters[end...]
            }
            values[keyword] = value
        }
    }
}
