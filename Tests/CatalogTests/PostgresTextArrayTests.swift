@testable import Catalog
import GoldenFiles
import PostgresClient
import Testing

@Suite("Text array parameters")
struct PostgresTextArrayTests {
    @Test("every element is quoted, with quotes and backslashes escaped")
    func literal() {
        #expect(PostgresTextArray.literal([]) == "{}")
        #expect(PostgresTextArray.literal(["public", "My Schema", #"a"b\c"#, "NULL", ""])
            == #"{"public","My Schema","a\"b\\c","NULL",""}"#)
    }

    @Test("the server reads the literal back as the same elements", arguments: Cluster.allCases)
    func serverAgrees(cluster: Cluster) throws {
        let elements = ["public", "My Schema", #"a"b\c"#, "NULL", "", "{x,y}"]
        let connection = try PostgresConnection(try cluster.keywordString())
        let row = try #require(try connection.query("SELECT $1::text[] AS elements", [PostgresTextArray.literal(elements)]).first)
        #expect(try row.stringArray("elements") == elements)
    }
}
