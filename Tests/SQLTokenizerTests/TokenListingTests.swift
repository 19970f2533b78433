import Foundation
import GoldenFiles
import Testing
import SQLTokenizer

@Suite("Token listings (deepdiff tokens)")
struct TokenListingTests {
    private static func fixture(_ name: String) throws -> [UInt8] {
        let url = GoldenFile.repositoryRoot.appendingPathComponent("fixtures/sql").appendingPathComponent(name)
        return Array(try Data(contentsOf: url))
    }

    @Test func jsonLinesOfTheLexerFixtureMatchTheGoldenFile() throws {
        let output = String(decoding: TokenListing.jsonLines(of: try Self.fixture("tokens.sql")), as: UTF8.self)
        let mismatch = GoldenFile("tokens/tokens.jsonl").mismatch(with: output)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func textOfTheLexerFixtureMatchesTheGoldenFile() throws {
        let output = String(decoding: TokenListing.text(of: try Self.fixture("tokens.sql")), as: UTF8.self)
        let mismatch = GoldenFile("tokens/tokens.txt").mismatch(with: output)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func textEscapesControlCharactersAndInvalidBytes() {
        let output = TokenListing.text(of: Array("'a\tb'\n".utf8) + [0xFF])
        #expect(String(decoding: output, as: UTF8.self) == "0-5 string 'a\\tb'\n5-6 whitespace \\n\n6-7 error \\xff\n")
    }

    @Test func jsonEscapesQuotesAndGivesTheBytesOfErrors() {
        let output = TokenListing.jsonLines(of: Array(#""q""x""#.utf8) + [0xC3])
        #expect(String(decoding: output, as: UTF8.self) == """
            {"start":0,"end":6,"kind":"quoted_identifier","text":"\\"q\\"\\"x\\""}
            {"start":6,"end":7,"kind":"error","text":"\u{FFFD}","bytes":"c3"}

            """)
    }
}
