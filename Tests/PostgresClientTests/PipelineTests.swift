import PostgresClient
import Testing

@Suite struct PipelineBehaviour {
    typealias Statement = PostgresConnection.Statement

    /// Runs `statements`, recording each position's `value` column or error message.
    func outcomes(of statements: [Statement], on connection: PostgresConnection) throws -> [String] {
        var seen: [String] = []
        try connection.pipeline(statements) { position, outcome throws(PostgresError) in
            switch outcome {
            case .success(let result): seen.append("\(position): " + result.map { (try? $0.string("value")) ?? "?" }.joined(separator: ","))
            case .failure(let error): seen.append("\(position): error \(error.message)")
            }
        }
        return seen
    }

    @Test(arguments: TestCluster.allCases)
    func everyStatementsRowsArriveInOrderWithTheirParameters(_ cluster: TestCluster) throws {
        let connection = try cluster.connect()
        let seen = try outcomes(of: [
            Statement("SELECT generate_series(1, 3)::text AS value"),
            Statement("SELECT $1::text AS value", ["it's $1"]),
            Statement("SELECT $1::text AS value WHERE false", [nil]),
            Statement("SELECT upper($1) AS value", ["ünï"]),
        ], on: connection)
        #expect(seen == ["0: 1,2,3", "1: it's $1", "2: ", "3: ÜNÏ"])
    }

    @Test(arguments: TestCluster.allCases)
    func aFailingStatementReachesItsHandlerAndTheRestAreSkipped(_ cluster: TestCluster) throws {
        let connection = try cluster.connect()
        var seen: [String] = []
        let error = try #require(throws: PostgresError.self) {
            try connection.pipeline([
                Statement("SELECT 'before' AS value"),
                Statement("SELECT 1 / 0 AS value"),
                Statement("SELECT 'after' AS value"),
            ]) { position, outcome throws(PostgresError) in
                seen.append("\(position)")
                _ = try outcome.get()
            }
        }
        #expect(seen == ["0", "1"])
        #expect(error.sqlState?.code == "22012")
        #expect(error.message == "division by zero")
        // The connection is out of pipeline mode and ready for the next statement.
        #expect(try connection.query("SELECT 'next' AS value")[0].string("value") == "next")
    }

    @Test(arguments: TestCluster.allCases)
    func aStatementSkippedAfterAFailureTheHandlerIgnoredIsStillAnError(_ cluster: TestCluster) throws {
        let connection = try cluster.connect()
        let error = try #require(throws: PostgresError.self) {
            try connection.pipeline([Statement("SELECT 1 / 0 AS value"), Statement("SELECT 'never' AS value")]) { _, _ throws(PostgresError) in }
        }
        #expect(error.message == "the server skipped a statement after an earlier one failed")
        #expect(try connection.query("SELECT 'next' AS value")[0].string("value") == "next")
    }

    @Test(arguments: TestCluster.allCases)
    func anErrorTheHandlerThrowsEndsThePipelineCleanly(_ cluster: TestCluster) throws {
        let connection = try cluster.connect()
        var handled: [Int] = []
        let error = try #require(throws: PostgresError.self) {
            try connection.pipeline([Statement("SELECT 'a' AS value"), Statement("SELECT 'b' AS value")]) { position, _ throws(PostgresError) in
                handled.append(position)
                throw PostgresError(kind: .decoding, message: "cannot decode")
            }
        }
        #expect(handled == [0])
        #expect(error.message == "cannot decode")
        #expect(try connection.query("SELECT 'next' AS value")[0].string("value") == "next")
    }

    @Test(arguments: TestCluster.allCases)
    func aNULInAnyStatementIsRefusedBeforeAnythingIsSent(_ cluster: TestCluster) throws {
        let connection = try cluster.connect()
        var handled = 0
        let error = try #require(throws: PostgresError.self) {
            try connection.pipeline([Statement("SELECT 1 AS value"), Statement("SELECT $1::text AS value", ["a\u{0}b"])]) { _, _ throws(PostgresError) in
                handled += 1
            }
        }
        #expect(handled == 0)
        #expect(error.sqlState == .characterNotInRepertoire)
    }
}
