@testable import deepdiff
import Testing

/// How a side given as a connection string is named in reports: short, and never with a password.
@Suite("connection labels")
struct ConnectionLabelTests {
    @Test("a keyword string is named by its database, and its host when it is not a socket", arguments: [
        ("host=/tmp/pg port=5432 user=postgres dbname=postgres dbname=production", "production"),
        ("host=db.example.com port=6543 dbname=app password=hunter2", "app@db.example.com:6543"),
        ("service=staging", "service=staging"),
        ("host='/tmp/a b' dbname='my \\'db\\''", "my 'db'"),
        ("postgresql://u:hunter2@h:5432/app", "postgresql://u:***@h:5432/app"),
    ])
    func label(connectionString: String, expected: String) {
        #expect(ConnectionTarget.label(for: connectionString) == expected)
        #expect(!ConnectionTarget.label(for: connectionString).contains("hunter2"))
    }

    @Test("a string that is not a keyword string is shown masked")
    func unparsable() {
        #expect(ConnectionTarget.keywordValues("dbname='unterminated") == nil)
        #expect(ConnectionTarget.label(for: "dbname='unterminated password=x") == "dbname='unterminated ***'")
    }
}
