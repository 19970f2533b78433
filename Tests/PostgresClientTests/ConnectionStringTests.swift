@testable import PostgresClient
import Testing

@Suite struct ConnectionStringMasking {
    @Test(arguments: [
        ("postgresql://postgres:s3cret@db.example.com:5432/app", "postgresql://postgres:***@db.example.com:5432/app"),
        ("postgres://u:p%40ss@h/db?sslmode=require&password=other", "postgres://u:***@h/db?sslmode=require&password=***"),
        ("POSTGRESQL://u:pw@h,h2:5433/db", "POSTGRESQL://u:***@h,h2:5433/db"),
        ("postgresql://u:pw@h/db?pass%77ord=x", "postgresql://u:***@h/db?pass%77ord=***"),
        ("postgresql://u@h/db", "postgresql://u@h/db"),
        ("postgresql://h:5432/db?sslmode=disable", "postgresql://h:5432/db?sslmode=disable"),
    ])
    func masksPasswordsInURIs(_ input: String, _ expected: String) {
        #expect(ConnectionString.masked(input) == expected)
    }

    @Test(arguments: [
        ("host=h password=s3cret dbname=app", "host=h password=*** dbname=app"),
        ("host=h password = 'se cret\\'x' user=u", "host=h password = *** user=u"),
        ("password=a\\ b host=h", "password=*** host=h"),
        ("PASSWORD=x host=h", "PASSWORD=*** host=h"),
        ("dbname='postgresql://u:pw@h/db' user=x", "dbname='postgresql://u:***@h/db' user=x"),
        ("dbname='host=h password=pw' user=x", "dbname='host=h password=***' user=x"),
        ("host=h password secret", "host=h password ***"),
        ("host=/tmp/x port=5432 user=postgres dbname=postgres", "host=/tmp/x port=5432 user=postgres dbname=postgres"),
        ("service=prod", "service=prod"),
        ("", ""),
    ])
    func masksPasswordsInKeywordStrings(_ input: String, _ expected: String) {
        #expect(ConnectionString.masked(input) == expected)
    }

    @Test func readsPasswordsAsLibpqDoes() {
        #expect(ConnectionString.passwords(in: "postgresql://u:p%40ss@h/db?password=q%20r") == ["p@ss", "q r"])
        #expect(ConnectionString.passwords(in: "password='se cret\\'x' host=h") == ["se cret'x"])
        #expect(ConnectionString.passwords(in: "dbname='password=inner' host=h") == ["inner"])
        #expect(ConnectionString.passwords(in: "host=h user=u") == [])
    }

    @Test func scrubberHidesTheConnectionStringAndEveryPassword() {
        var scrubber = SecretScrubber(connectionString: "postgresql://u:hunter22@h/db")
        scrubber.add(password: "from-pgpass")
        #expect(scrubber.scrub("bad URI \"postgresql://u:hunter22@h/db\"") == "bad URI \"postgresql://u:***@h/db\"")
        #expect(scrubber.scrub("echo hunter22 and from-pgpass") == "echo *** and ***")
    }
}
