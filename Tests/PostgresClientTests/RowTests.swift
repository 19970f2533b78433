import PostgresClient
import Testing

@Suite struct RowDecoding {
    /// A one-row result with a single column `c` holding `value`.
    func row(_ value: String?) -> Row {
        QueryResult(columnNames: ["c"], values: [[value]])[0]
    }

    func decodingMessage(_ body: () throws -> Void) throws -> String {
        let error = try #require(throws: PostgresError.self) { try body() }
        #expect(error.kind == .decoding)
        return error.message
    }

    @Test(arguments: [
        ("{}", []),
        ("{a,b}", ["a", "b"]),
        (#"{a,"b c","d\"e",""}"#, ["a", "b c", "d\"e", ""]),
        (#"{"NULL",null2,x}"#, ["NULL", "null2", "x"]),
        (#"{"a\\b","{}",","}"#, ["a\\b", "{}", ","]),
        ("{日本,\"ü ß\"}", ["日本", "ü ß"]),
        ("[0:1]={a,b}", ["a", "b"]),
        ("{=r/postgres,app=arwdDxt/postgres}", ["=r/postgres", "app=arwdDxt/postgres"]),
        ("{fillfactor=70,autovacuum_enabled=false}", ["fillfactor=70", "autovacuum_enabled=false"]),
        (#"{ a , b\ }"#, ["a", "b "]),
        (#"{a\,b,"x\\\"y",nul,nulls}"#, ["a,b", #"x\"y"#, "nul", "nulls"]),
    ] as [(String, [String])])
    func parsesArrayLiterals(_ literal: String, _ expected: [String]) throws {
        #expect(try row(literal).stringArray("c") == expected)
    }

    @Test func nullElementIsAnErrorNamingTheColumn() throws {
        #expect(try decodingMessage { _ = try row("{a,NULL}").stringArray("c") } == "column \"c\" has a NULL element at position 2")
        #expect(try decodingMessage { _ = try row("{a,null}").stringArray("c") } == "column \"c\" has a NULL element at position 2")
        #expect(try decodingMessage { _ = try row("{a, NuLl }").stringArray("c") } == "column \"c\" has a NULL element at position 2")
    }

    @Test(arguments: ["{{a,b},{c,d}}", "{a,b", "a,b", "{a,,b}", "{\"a}", "{a} x", "{a\"b}"])
    func malformedArraysAreDecodingErrors(_ literal: String) throws {
        let message = try decodingMessage { _ = try row(literal).stringArray("c") }
        #expect(message.hasPrefix("column \"c\" holds a malformed array ("))
    }

    @Test func nullArrayColumn() throws {
        #expect(try row(nil).optionalStringArray("c") == nil)
        #expect(try decodingMessage { _ = try row(nil).stringArray("c") } == "column \"c\" is NULL")
    }

    @Test func scalarsDecode() throws {
        let result = QueryResult(columnNames: ["t", "f", "n", "big", "none", "x"],
                                 values: [["t", "f", "-42", "4294967295", nil, "1.5"]])
        let row = result[0]
        #expect(try row.bool("t") == true)
        #expect(try row.bool("f") == false)
        #expect(try row.int("n") == -42)
        #expect(try row.int("big") == 4_294_967_295)
        #expect(try row.optionalInt("none") == nil)
        #expect(try row.optionalString("none") == nil)
        #expect(try row.isNull("none"))
        #expect(try row.double("x") == 1.5)
        #expect(try row.string("n") == "-42")
    }

    @Test("integers are read as Int(_:) reads text: a sign, digits, nothing else, within Int's range", arguments: [
        ("0", 0), ("-42", -42), ("+7", 7), ("007", 7), ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min),
        ("9223372036854775808", nil), ("-9223372036854775809", nil), ("", nil), ("-", nil), ("+", nil), ("1.5", nil),
        (" 1", nil), ("1 ", nil), ("--1", nil), ("1e3", nil), ("٣", nil),
    ] as [(String, Int?)])
    func integers(_ text: String, _ expected: Int?) throws {
        if let expected {
            #expect(try row(text).int("c") == expected)
            #expect(try row(text).int("c") == Int(text))
        } else {
            #expect(Int(text) == nil)
            #expect(try decodingMessage { _ = try row(text).int("c") } == "column \"c\" holds \"\(text)\", not an integer")
        }
    }

    @Test("flags are exactly t or f", arguments: ["true", "T", "", "tt", "1"])
    func flagsAreTOrF(_ text: String) throws {
        #expect(try decodingMessage { _ = try row(text).bool("c") } == "column \"c\" holds \"\(text)\", not a boolean")
    }

    @Test func wrongFormsAreDecodingErrorsNamingTheColumn() throws {
        let row = QueryResult(columnNames: ["a", "b"], values: [["yes", nil]])[0]
        #expect(try decodingMessage { _ = try row.bool("a") } == "column \"a\" holds \"yes\", not a boolean")
        #expect(try decodingMessage { _ = try row.int("a") } == "column \"a\" holds \"yes\", not an integer")
        #expect(try decodingMessage { _ = try row.string("b") } == "column \"b\" is NULL")
        #expect(try decodingMessage { _ = try row.int("b") } == "column \"b\" is NULL")
        #expect(try decodingMessage { _ = try row.string("zz") } == "column \"zz\" is not in the result (columns: a, b)")
    }

    @Test("columns are found by name among many, with names alike, repeated, empty or not ASCII")
    func columnsAreFoundByName() throws {
        // Three hundred names cannot each have a slot of their own among 64: most slots are shared.
        var names = (0..<300).map { "column_\($0)" }
        names += ["privileges", "privilegez", "privileges_of_owner", "", "ü", "a", "a"]
        let values: [String?] = names.indices.map { String($0) }
        let row = QueryResult(columnNames: names, values: [values])[0]
        #expect(try row.string("column_0") == "0")
        #expect(try row.string("column_7") == "7")
        #expect(try row.string("column_137") == "137")
        #expect(try row.string("column_299") == "299")
        #expect(try row.string("privileges") == "300")
        #expect(try row.string("privilegez") == "301")
        #expect(try row.string("privileges_of_owner") == "302")
        #expect(try row.string("") == "303")
        #expect(try row.string("ü") == "304")
        // A repeated name is its first column.
        #expect(try row.string("a") == "305")
        #expect(try decodingMessage { _ = try row.string("column_300") }.hasPrefix("column \"column_300\" is not in the result"))
        #expect(try decodingMessage { _ = try row.string("privilege") }.hasPrefix("column \"privilege\" is not in the result"))
        #expect(try decodingMessage { _ = try row.string("privilegess") }.hasPrefix("column \"privilegess\" is not in the result"))
        #expect(try decodingMessage { _ = try row.string("A") }.hasPrefix("column \"A\" is not in the result"))
        #expect(try decodingMessage { _ = try row.string("u") }.hasPrefix("column \"u\" is not in the result"))
    }

    @Test("a loop's rows remember column positions, and more names than the loop keeps still read right")
    func loopRemembersPositions() throws {
        // Thirty-four literals, each asked for twice in every row: more requests than the 64 a loop
        // remembers per row, so the last ones are looked up in the result every time.
        let reads: [(Row) throws -> String] = [
            { try $0.string("c0") },
            { try $0.string("c1") },
            { try $0.string("c2") },
            { try $0.string("c3") },
            { try $0.string("c4") },
            { try $0.string("c5") },
            { try $0.string("c6") },
            { try $0.string("c7") },
            { try $0.string("c8") },
            { try $0.string("c9") },
            { try $0.string("c10") },
            { try $0.string("c11") },
            { try $0.string("c12") },
            { try $0.string("c13") },
            { try $0.string("c14") },
            { try $0.string("c15") },
            { try $0.string("c16") },
            { try $0.string("c17") },
            { try $0.string("c18") },
            { try $0.string("c19") },
            { try $0.string("c20") },
            { try $0.string("c21") },
            { try $0.string("c22") },
            { try $0.string("c23") },
            { try $0.string("c24") },
            { try $0.string("c25") },
            { try $0.string("c26") },
            { try $0.string("c27") },
            { try $0.string("c28") },
            { try $0.string("c29") },
            { try $0.string("c30") },
            { try $0.string("c31") },
            { try $0.string("c32") },
            { try $0.string("c33") },
        ]
        let names = (0..<34).map { "c\($0)" }
        let result = QueryResult(columnNames: names.reversed(), values: (0..<3).map { row in names.reversed().map { "\(row):\($0)" } })
        for (number, row) in result.enumerated() {
            for _ in 0..<2 {
                #expect(try reads.map { try $0(row) } == names.map { "\(number):\($0)" })
            }
        }
    }

    @Test("rows of a loop that ask for columns in another order, skip some, or are read after the loop moved on still read each column right")
    func loopRowsAskingInAnotherOrder() throws {
        let names = ["a", "b", "c", "d"]
        let result = QueryResult(columnNames: names, values: (0..<6).map { row in names.map { "\(row)\($0)" } })
        var kept: [Row] = []
        for (number, row) in result.enumerated() {
            // Even rows ask for a, b, c, d; odd rows for d, c, a: each request where the row before made another.
            if number.isMultiple(of: 2) {
                #expect(try [row.string("a"), row.string("b"), row.string("c"), row.string("d")] == names.map { "\(number)\($0)" })
            } else {
                #expect(try [row.string("d"), row.string("c"), row.string("a")] == ["\(number)d", "\(number)c", "\(number)a"])
            }
            kept.append(row)
        }
        for (number, row) in kept.enumerated().reversed() {
            #expect(try row.string("b") == "\(number)b")
            #expect(try kept[0].string("c") == "0c")
        }
    }

    @Test func resultIsACollectionOfRows() throws {
        let result = QueryResult(columnNames: ["n"], values: [["1"], ["2"], ["3"]])
        #expect(result.count == 3)
        #expect(result.columnNames == ["n"])
        #expect(try result.map { try $0.int("n") } == [1, 2, 3])
        #expect(try result.map { try $0.int("n") } == [1, 2, 3])
    }
}

@Suite struct ErrorValues {
    @Test func descriptionIsOneLineWithTargetHintAndSQLState() {
        let error = PostgresError(kind: .connectionFailed, sqlState: .sqlclientUnableToEstablishSQLConnection,
                                  message: "Connection refused", hint: "Is the server running?", target: "u@h:1/d")
        #expect(error.description == "cannot connect to u@h:1/d: Connection refused (Is the server running?) [SQLSTATE 08001]")
        let denied = PostgresError(kind: .permissionDenied, sqlState: .insufficientPrivilege, message: "permission denied for table t")
        #expect(denied.description == "permission denied: permission denied for table t [SQLSTATE 42501]")
    }

    @Test func descriptionShowsControlCharactersHarmlessly() {
        let error = PostgresError(kind: .queryFailed, message: "relation \"a\nb\u{1B}[31m\u{202E}\" does not exist")
        #expect(error.description == "query failed: relation \"a b\\u{1B}[31m\\u{202E}\" does not exist")
    }

    @Test func sqlStateMatchesByClass() {
        #expect(SQLState.insufficientPrivilege.errorClass == "42")
        #expect(SQLState("08006").isInClass("08"))
        #expect(!SQLState.queryCanceled.isInClass("08"))
        #expect(SQLState("28P01") == .invalidPassword)
        #expect(SQLState.readOnlySQLTransaction.description == "25006")
    }
}
