@testable import Comparison
import FoundationEssentials
import SchemaModel
import Testing

@Suite("Text helpers that stand in for Foundation's")
struct TextHelperTests {
    @Test("replacing matches bytes, so a quote or a line feed is found even where it joins the next character")
    func replacingMatchesBytes() {
        // "\r\n" is one Character, and so is a quote followed by a combining accent.
        #expect(UTF8Bytes.replacing("\n", with: "<br>", in: "one\r\ntwo\nthree") == "one\r<br>two<br>three")
        #expect(UTF8Bytes.replacing("'", with: "''", in: "it'\u{301}s") == "it''\u{301}s")
        #expect(UTF8Bytes.replacing("ab", with: "x", in: "aabab") == "axx")
        #expect(UTF8Bytes.replacing("", with: "x", in: "text") == "text")
        #expect(UTF8Bytes.replacing("long pattern", with: "x", in: "short") == "short")
    }

    @Test("a version that is not a plain word is quoted for the shell, every quote escaped")
    func shellWords() {
        #expect(MigrationRepair.shellWord("20240101_init") == "20240101_init")
        #expect(MigrationRepair.shellWord("a b") == "'a b'")
        #expect(MigrationRepair.shellWord("it'\u{301}s") == "'it'\\''\u{301}s'")
    }

    @Test("paths are joined with one slash, relative ones left relative")
    func paths() {
        #expect(PathText.joined("/tmp/x", "data") == "/tmp/x/data")
        #expect(PathText.joined("/usr/bin/", "initdb") == "/usr/bin/initdb")
        #expect(PathText.joined("", "initdb") == "initdb")
        #expect(PathText.joined("supabase/migrations", "1_init.sql") == "supabase/migrations/1_init.sql")
    }

    @Test("whitespace and line breaks are trimmed at both ends only")
    func trimming() {
        #expect(" \t host = x \n".trimmingWhitespace == "host = x")
        #expect("  ".trimmingWhitespace == "")
        #expect("word"[...].trimmingWhitespace == "word")
    }

    @Test("a file error is told by the system's reason")
    func fileErrors() {
        do {
            _ = try Data(contentsOf: URL(fileURLWithPath: "/nonexistent-deepdiff-folder/file.json"))
            Issue.record("a missing file was read")
        } catch {
            #expect(FileErrorText.reason(for: error) == "No such file or directory")
        }
        struct Odd: Error, CustomStringConvertible { var description: String { "odd failure" } }
        #expect(FileErrorText.reason(for: Odd()) == "odd failure")
    }
}
