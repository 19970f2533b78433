import Foundation
import PostgresClient
import Testing

@Suite struct PostgresConnectionBehaviour {
    @Test(arguments: TestCluster.allCases)
    func connectsWithKeywordString(_ cluster: TestCluster) throws {
        let connection = try cluster.connect()
        #expect(cluster.versionNumbers.contains(connection.serverVersionNumber))
        #expect(connection.databaseName == "postgres")
        #expect(connection.userName == "postgres")
        #expect(connection.displayTarget == "postgres@\(try cluster.setting("host")):\(try cluster.setting("port"))/postgres")
        #expect(try connection.query("SHOW application_name")[0].string("application_name") == "deepdiff")
        #expect(try connection.query("SHOW client_encoding")[0].string("client_encoding") == "UTF8")
    }

    @Test(arguments: TestCluster.allCases)
    func applicationNameGivenByTheUserWins(_ cluster: TestCluster) throws {
        let connection = try cluster.connect("application_name=mine")
        #expect(try connection.query("SHOW application_name")[0].string("application_name") == "mine")
    }

    @Test(arguments: TestCluster.allCases)
    func connectsWithURIOverTCPWithPassword(_ cluster: TestCluster) throws {
        let password = try TestCluster.password()
        let connection = try PostgresConnection(try cluster.tcpURI(password: password))
        #expect(connection.displayTarget == "postgres@127.0.0.1:\(try cluster.setting("port"))/postgres")
        #expect(try connection.query("SELECT inet_server_addr()::text AS addr")[0].string("addr") == "127.0.0.1/32")
    }

    @Test(arguments: TestCluster.allCases)
    func wrongPasswordIsAuthenticationFailedWithoutThePassword(_ cluster: TestCluster) throws {
        let port = try cluster.setting("port")
        let wrong = "Wr0ng-p4ss-7c1f"
        for connectionString in [
            try cluster.tcpURI(password: wrong),
            "host=127.0.0.1 port=\(port) user=postgres dbname=postgres password='\(wrong)'",
        ] {
            let error = try #require(throws: PostgresError.self) { try PostgresConnection(connectionString) }
            #expect(error.kind == .authenticationFailed)
            #expect(error.sqlState == .invalidPassword)
            #expect(error.description
                == "cannot connect to postgres@127.0.0.1:\(port)/postgres: password authentication failed for user \"postgres\" [SQLSTATE 28P01]")
            #expect(!"\(error) \(error.message) \(error.detail ?? "") \(error.hint ?? "") \(error.target ?? "")".contains(wrong))
        }
    }

    @Test("a prepared query is prepared once and still runs when its prepared statement is gone", arguments: TestCluster.allCases)
    func preparedQuery(_ cluster: TestCluster) throws {
        let connection = try cluster.connect()
        let sql = "SELECT count(*) AS statements FROM pg_prepared_statements"
        #expect(try connection.queryPrepared(sql)[0].int("statements") == 1)
        #expect(try connection.queryPrepared(sql)[0].int("statements") == 1)
        // As when a pooler runs the next statement on a server connection that never saw it:
        // outside a transaction, it is prepared again at once.
        _ = try connection.query("DEALLOCATE ALL")
        #expect(try connection.queryPrepared(sql)[0].int("statements") == 1)
        // Inside a transaction too, and the transaction goes on.
        _ = try connection.query("DEALLOCATE ALL")
        _ = try connection.query("BEGIN")
        _ = try connection.query("CREATE TEMPORARY TABLE kept (x integer)")
        #expect(try connection.queryPrepared(sql)[0].int("statements") == 1)
        #expect(try connection.queryPrepared(sql)[0].int("statements") == 1)
        #expect(try connection.query("SELECT count(*) AS rows FROM kept")[0].int("rows") == 0)
        _ = try connection.query("ROLLBACK")
        let failure = try #require(throws: PostgresError.self) { try connection.queryPrepared("SELECT * FROM no_such_table") }
        #expect(failure.sqlState == .undefinedTable)
        #expect(try connection.query("SELECT 1 AS one")[0].int("one") == 1)
    }

    @Test func unreachablePortIsConnectionFailed() throws {
        let error = try #require(throws: PostgresError.self) {
            try PostgresConnection("host=127.0.0.1 port=1 user=postgres dbname=app password=Unre4chable-secret",
                                   connectTimeoutSeconds: 3)
        }
        #expect(error.kind == .connectionFailed)
        #expect(error.sqlState == .sqlclientUnableToEstablishSQLConnection)
        #expect(error.message == "Connection refused")
        #expect(error.target == "postgres@127.0.0.1:1/app")
        #expect(error.description.hasPrefix("cannot connect to postgres@127.0.0.1:1/app: Connection refused (Is the server running"))
        #expect(!error.description.contains("Unre4chable-secret"))
    }

    @Test(arguments: TestCluster.allCases)
    func unknownDatabaseIsDatabaseNotFound(_ cluster: TestCluster) throws {
        let error = try #require(throws: PostgresError.self) { try cluster.connect("dbname=deepdiff_no_such_db") }
        #expect(error.kind == .databaseNotFound)
        #expect(error.sqlState == .invalidCatalogName)
        #expect(error.message == "database \"deepdiff_no_such_db\" does not exist")
    }

    @Test(arguments: TestCluster.allCases)
    func parametersRoundTripUnchanged(_ cluster: TestCluster) throws {
        let connection = try cluster.connect()
        let tricky = "it's \"quoted\" \\ $1 ; -- DROP TABLE x; /*"
        let unicode = "ünï 😀 日本 \u{202E}"
        let row = try connection.query("SELECT $1::text AS a, $2::text AS b, $3::text AS c, $1 = $3 AS same",
                                       [tricky, nil, unicode])[0]
        #expect(try row.string("a") == tricky)
        #expect(try row.optionalString("b") == nil)
        #expect(try row.string("c") == unicode)
        #expect(try row.bool("same") == false)
    }

    @Test("an empty value is not NULL and NULL is not an empty value, whatever the type", arguments: TestCluster.allCases)
    func emptyValuesAreNotNull(_ cluster: TestCluster) throws {
        let connection = try cluster.connect()
        let row = try connection.query("SELECT ''::text AS empty, NULL::text AS absent, '{}'::text[] AS no_elements, NULL::text[] AS no_array")[0]
        #expect(try row.optionalString("empty") == "")
        #expect(try !row.isNull("empty"))
        #expect(try row.optionalString("absent") == nil)
        #expect(try row.isNull("absent"))
        #expect(try row.optionalStringArray("no_elements") == [])
        #expect(try row.optionalStringArray("no_array") == nil)
    }

    @Test(arguments: TestCluster.allCases)
    func arraysFromTheServerParse(_ cluster: TestCluster) throws {
        let connection = try cluster.connect()
        let elements = ["a", "b c", "d\"e", "x\\y", "", "NULL", "日本 ü", " lead", "{}", "a,b"]
        let row = try connection.query("SELECT $1::text[] AS arr, ARRAY['a', NULL] AS with_null",
                                       ["{" + elements.map { "\"" + $0.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\"" }.joined(separator: ",") + "}"])[0]
        #expect(try row.stringArray("arr") == elements)
        let error = try #require(throws: PostgresError.self) { try row.stringArray("with_null") }
        #expect(error.message == "column \"with_null\" has a NULL element at position 2")
    }

    @Test(arguments: TestCluster.allCases)
    func readOnlySnapshotRejectsWrites(_ cluster: TestCluster) throws {
        let connection = try cluster.connect()
        try connection.beginReadOnlySnapshot()
        let error = try #require(throws: PostgresError.self) { try connection.query("CREATE TABLE deepdiff_never (x int)") }
        #expect(error.kind == .queryFailed)
        #expect(error.sqlState == .readOnlySQLTransaction)
        #expect(error.message == "cannot execute CREATE TABLE in a read-only transaction")
        try connection.endReadOnlySnapshot()
    }

    @Test(arguments: TestCluster.allCases)
    func snapshotPinsSearchPathAndSettingsForItsTransactionOnly(_ cluster: TestCluster) throws {
        let connection = try cluster.connect()
        func show(_ setting: StaticString) throws -> String { try connection.query("SHOW \(setting)")[0].string(setting) }
        let snapshot = try connection.beginReadOnlySnapshot()
        // The transaction's snapshot, fixed by its first statement: the same for every later one.
        #expect(try connection.query("SELECT pg_current_snapshot()::text AS s")[0].string("s") == snapshot)
        #expect(snapshot.split(separator: ":").count >= 2)
        #expect(try show("search_path") == "pg_catalog")
        #expect(try show("statement_timeout") == "5min")
        #expect(try show("transaction_isolation") == "repeatable read")
        #expect(try show("transaction_read_only") == "on")
        #expect(try show("jit") == "off")
        try connection.endReadOnlySnapshot()
        #expect(try show("search_path") == "\"$user\", public")
        #expect(try show("statement_timeout") == "0")
        #expect(try show("transaction_read_only") == "off")
        #expect(try show("jit") == "on")

        try connection.beginReadOnlySnapshot(statementTimeoutMilliseconds: 1234, searchPath: "\"My Schema\", public")
        #expect(try show("search_path") == "\"My Schema\", public")
        #expect(try show("statement_timeout") == "1234ms")
        try connection.endReadOnlySnapshot()
    }

    @Test(arguments: TestCluster.allCases)
    func searchPathIsNeverSQL(_ cluster: TestCluster) throws {
        let connection = try cluster.connect()
        let error = try #require(throws: PostgresError.self) {
            try connection.beginReadOnlySnapshot(searchPath: "pg_catalog'; SET default_transaction_read_only = off; --")
        }
        #expect(error.kind == .queryFailed)
        #expect(error.sqlState == .invalidParameterValue)
        // The failed begin rolled its transaction back.
        #expect(try connection.query("SHOW transaction_read_only")[0].string("transaction_read_only") == "off")
    }

    @Test(arguments: TestCluster.allCases)
    func permissionErrorIsPermissionDenied(_ cluster: TestCluster) throws {
        let connection = try cluster.connect()
        // pg_monitor is a built-in role that may read statistics but not pg_authid.
        _ = try connection.query("SET ROLE pg_monitor")
        let error = try #require(throws: PostgresError.self) { try connection.query("SELECT rolpassword FROM pg_catalog.pg_authid") }
        #expect(error.kind == .permissionDenied)
        #expect(error.sqlState == .insufficientPrivilege)
        #expect(error.description
            == "permission denied on \(connection.displayTarget): permission denied for table pg_authid [SQLSTATE 42501]")
    }

    @Test(arguments: TestCluster.allCases)
    func statementTimeoutIsCanceled(_ cluster: TestCluster) throws {
        let connection = try cluster.connect()
        try connection.beginReadOnlySnapshot(statementTimeoutMilliseconds: 200)
        let error = try #require(throws: PostgresError.self) { try connection.query("SELECT pg_sleep(10)") }
        #expect(error.kind == .canceled)
        #expect(error.sqlState == .queryCanceled)
        #expect(error.message == "canceling statement due to statement timeout")
        try connection.endReadOnlySnapshot()
        #expect(try connection.query("SELECT 1 AS one")[0].int("one") == 1)
    }

    @Test(arguments: TestCluster.allCases)
    func cancelFromAnotherThreadStopsTheRunningQuery(_ cluster: TestCluster) throws {
        let connection = try cluster.connect()
        let finished = LockedFlag()
        // Cancel repeatedly until the query returns: a single early cancel could land before it starts.
        let canceller = Thread {
            while !finished.value {
                Thread.sleep(forTimeInterval: 0.1)
                connection.cancelRunningQuery()
            }
        }
        canceller.start()
        defer { finished.set() }
        let error = try #require(throws: PostgresError.self) { try connection.query("SELECT pg_sleep(30)") }
        finished.set()
        #expect(error.kind == .canceled)
        #expect(error.message == "canceling statement due to user request")
    }

    @Test(arguments: TestCluster.allCases)
    func terminatedBackendIsConnectionLost(_ cluster: TestCluster) throws {
        let victim = try cluster.connect()
        let pid = try victim.query("SELECT pg_backend_pid() AS pid")[0].string("pid")
        let killer = try cluster.connect()
        #expect(try killer.query("SELECT pg_terminate_backend($1::int, 5000) AS done", [pid])[0].bool("done"))
        let error = try #require(throws: PostgresError.self) { try victim.query("SELECT 1") }
        #expect(error.kind == .connectionLost)
    }

    @Test(arguments: TestCluster.allCases)
    func noticesDoNotDisturbQueries(_ cluster: TestCluster) throws {
        let connection = try cluster.connect()
        let result = try connection.query("DO $$ BEGIN RAISE NOTICE 'hello from the server'; END $$")
        #expect(result.columnNames == [])
        #expect(result.count == 0)
    }
}

/// A flag one thread sets and another polls.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var isSet = false
    var value: Bool { lock.withLock { isSet } }
    func set() { lock.withLock { isSet = true } }
}
