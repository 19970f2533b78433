import GoldenFiles
import SQLFingerprint
import SeededRandom
import SQLTokenizer
import Testing

/// Statements built from the pieces that decide what a routine body is and how it is written:
/// `CREATE FUNCTION`/`PROCEDURE`/`DO` heads, `LANGUAGE` before or after `AS` (or twice, or
/// another language), bodies in every string notation holding further statements and bodies,
/// `UESCAPE` clauses, unterminated quotes, quotes and bytes that are not UTF-8 in names and values.
private struct RoutineTextGenerator {
    var random: SeededGenerator

    private static let pieces = [
        "SELECT", "1", "x", "\"Mixed\"", "\"it's\"", "\"a\"\"b\"", "(", ")", "[", "]", ",", ";", "::", ":=", "+", "-",
        "'s'", "'it''s'", "E'a\\'b\\n'", "E'\\xff'", "N'n''x'", "B'101'", "X'1F'", "U&'d\\0061'", "U&'d!0061' UESCAPE '!'",
        "U&\"n\\0061\"", "U&\"q!0061\" UESCAPE '!'", "$1", "1.5E3", "0XFF", "-- comment\n", "/* c */", "RETURN", "BEGIN", "END",
        "AS", "LANGUAGE", "FUNCTION", "PROCEDURE", "CREATE", "DO", "role", "char", "'a'\n'b'",
    ]
    private static let languages = ["sql", "plpgsql", "SQL", "PLPGSQL", "\"sql\"", "'plpgsql'", "c", "internal", "plpython3u", "U&\"sql\""]

    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func pick(_ words: [String]) -> String { words[int(0..<words.count)] }

    /// Up to a few statements separated by `;`.
    mutating func text(depth: Int) -> [UInt8] {
        var text: [UInt8] = []
        for index in 0..<int(1..<4) {
            if index > 0 { text += Array(pick([";", " ; ", ";\n"]).utf8) }
            text += statement(depth: depth)
        }
        if int(0..<30) == 0 { text.append(pick(["'", "\"", "$$", "/*", "$a$"]).utf8.first!) }
        if int(0..<40) == 0 { text.append(0xFF) }
        return text
    }

    mutating func statement(depth: Int) -> [UInt8] {
        var parts: [[UInt8]] = []
        switch int(0..<6) {
        case 0, 1: parts.append(Array(pick(["CREATE FUNCTION f(a int)", "create or replace function s.g()", "CREATE PROCEDURE p()"]).utf8))
        case 2: parts.append(Array(pick(["DO", "do"]).utf8))
        case 3: parts.append(Array(pick(["CREATE VIEW v", "CREATE TABLE t (a int)", "create trigger t"]).utf8))
        default: break
        }
        for _ in 0..<int(0..<9) {
            switch int(0..<10) {
            case 0, 1: parts.append(Array("LANGUAGE \(pick(Self.languages))".utf8))
            case 2, 3: parts.append(Array("AS".utf8) + [0x20] + body(depth: depth))
            case 4: parts.append(body(depth: depth))
            case 5: parts.append(Array(pick(["RETURNS int", "STABLE", "RETURN 1", "BEGIN ATOMIC SELECT 1; END", "(a, 'b')"]).utf8))
            default: parts.append(Array(pick(Self.pieces).utf8))
            }
        }
        return Array(parts.joined(separator: Array(pick([" ", "\n ", "  ", "\t"]).utf8)))
    }

    /// A string constant whose value is usually further SQL text.
    mutating func body(depth: Int) -> [UInt8] {
        let value = depth < 3 && int(0..<4) != 0 ? text(depth: depth + 1) : Array(pick(Self.pieces).utf8)
        switch int(0..<5) {
        case 0:
            return Array("'".utf8) + value.flatMap { $0 == UInt8(ascii: "'") ? [$0, $0] : [$0] } + Array("'".utf8)
        case 1:
            let escaped = value.flatMap { $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\\") ? [UInt8(ascii: "\\"), $0] : [$0] }
            return Array("E'".utf8) + escaped + Array("'".utf8)
        default:
            // A tag the value does not contain (the generator's own tags are `a` and none).
            let tag = Array("$t\(depth)$".utf8)
            return tag + value + tag
        }
    }
}

/// The canonical forms of texts whose routine bodies decide their own canonical spelling. They pin
/// down what a fingerprint is: a change to any of them changes fingerprints, so it must be deliberate.
@Suite("Canonical form of routine bodies")
struct RoutineBodyCanonicalFormTests {
    @Test(arguments: [
        // The body in place, with its quotes doubled, and a nested body's quadrupled.
        ("CREATE FUNCTION f() LANGUAGE plpgsql AS $fn$ BEGIN EXECUTE 'x'; CREATE FUNCTION g() LANGUAGE sql AS $$ SELECT 'it''s' $$; END $fn$",
         "create function f ( ) language plpgsql as 'begin execute ''x'' ; create function g ( ) language sql as ''select ''''it''''''''s'''''' ; end'"),
        // LANGUAGE after AS: the body is found once the statement ends.
        ("CREATE FUNCTION f() RETURNS int AS $$ SELECT  'A' $$ LANGUAGE sql; select $$ SELECT  1 $$",
         "create function f ( ) returns int as 'select ''A''' language sql ; select ' SELECT  1 '"),
        // A second LANGUAGE clause in another language: no body after all.
        ("CREATE FUNCTION f() LANGUAGE sql AS $$ SELECT  1 $$ LANGUAGE c",
         "create function f ( ) language sql as ' SELECT  1 ' language c"),
        ("CREATE FUNCTION f() LANGUAGE c AS 'lib', 'SYM'", "create function f ( ) language c as 'lib' , 'SYM'"),
        // Only CREATE [OR REPLACE] FUNCTION or PROCEDURE makes a routine, whatever words follow.
        ("create or replace procedure p() language sql as $$ SELECT  1 $$", "create or replace procedure p ( ) language sql as 'select 1'"),
        ("CREATE TRIGGER t AFTER INSERT ON x EXECUTE FUNCTION f() LANGUAGE sql AS $$ SELECT  1 $$",
         "create trigger t after insert on x execute function f ( ) language sql as ' SELECT  1 '"),
        ("CREATE OR FUNCTION f() LANGUAGE sql AS $$ SELECT  1 $$", "create or function f ( ) language sql as ' SELECT  1 '"),
        ("DO LANGUAGE plpgsql $$ BEGIN  NULL; END $$", "do language plpgsql 'begin null ; end'"),
        // A routine statement after others is found where it begins: after a `;` outside
        // parentheses, not inside them, and not in the middle of a statement.
        ("SELECT 1; do $$ SELECT  2 $$", "select 1 ; do 'select 2'"),
        ("SELECT f(1; DO $$ SELECT  2 $$); DO $$ SELECT  3 $$", "select f ( 1 ; do ' SELECT  2 ' ) ; do 'select 3'"),
        ("SELECT 1 DO $$ SELECT  2 $$", "select 1 do ' SELECT  2 '"),
        ("CREATE VIEW v AS SELECT $$ a  b $$; CREATE OR REPLACE FUNCTION f() LANGUAGE sql AS $$ SELECT  1 $$",
         "create view v as select ' a  b ' ; create or replace function f ( ) language sql as 'select 1'"),
        ("DO $$ BEGIN  NULL; END $$ LANGUAGE plpython3u", "do ' BEGIN  NULL; END ' language plpython3u"),
        // An SQL-standard body is plain SQL already.
        ("CREATE FUNCTION f() RETURNS int LANGUAGE sql RETURN 'A' || $$ b $$", "create function f ( ) returns int language sql return 'A' || ' b '"),
        ("CREATE FUNCTION f() LANGUAGE sql BEGIN ATOMIC SELECT 'x'; END", "create function f ( ) language sql begin atomic select 'x' ; end"),
        // Bodies that do not lex cleanly stay plain strings, also when nested.
        ("DO $$ select 'unterminated $$; DO $a$ BEGIN DO $$ \" $$; END $a$",
         "do ' select ''unterminated ' ; do 'begin do '' \" '' ; end'"),
        ("DO $$ SELECT \"\u{FF}\" $$", "do 'select \"\u{FF}\"'"),
        ("DO E'SELECT 1' UESCAPE 'x'", "do 'select 1' uescape 'x'"),
        ("DO U&'SELECT !0031' UESCAPE '!'", "do 'select 1'"),
        ("DO 'SELECT \"it''s\", N''a'''", "do 'select \"it''s\" , N''a'''"),
        // A constant that does not decode is kept as written, its quotes doubled like the rest.
        ("DO $$ SELECT U&'\\zzzz', $a$ x $a$ $$", "do 'select U&''\\zzzz'' , '' x '''"),
        ("DO $$ SELECT E'\\\\', E'\\xff' $$", "do 'select ''\\'' , E''\\xff'''"),
    ])
    func bodiesAreNormalizedInPlace(_ sql: String, _ expected: String) {
        #expect(SQLNormalizer.canonicalForm(of: sql) == expected)
    }

    @Test(arguments: [
        // Constants written as they are, of one word, two and more, and with quotes, in a body and in
        // a body in a body; a continued or non-ASCII one is decoded first.
        ("DO $$ SELECT 'x', 'sixteen bytes..', 'a constant longer than two words', 'it''s' $$",
         "do 'select ''x'' , ''sixteen bytes..'' , ''a constant longer than two words'' , ''it''''s'''"),
        ("DO $a$ DO $$ SELECT 'x', 'a constant longer than two words', 'it''s' $$ $a$",
         "do 'do ''select ''''x'''' , ''''a constant longer than two words'''' , ''''it''''''''s'''''''"),
        ("DO $$ SELECT 'a'\n'b', 'é', E'\\n' $$", "do 'select ''ab'' , ''é'' , ''\n'''"),
        // Tokens at the end of the text, with fewer than eight bytes after them.
        ("SELECT t.Id, .5, 1..10, x.", "select t . id , .5 , 1 .. 10 , x ."),
        ("select 'x'", "select 'x'"),
        ("SELECT ABC", "select abc"),
    ])
    func constantsAndTokensAreCopiedAsTheyAre(_ sql: String, _ expected: String) {
        #expect(SQLNormalizer.canonicalForm(of: sql) == expected)
    }

    @Test func aBodyWhoseCanonicalFormIsNotUTF8IsWrittenWithHexEscapes() {
        let sql: [UInt8] = Array("DO $$ SELECT \"".utf8) + [0xFF] + Array("\", 'it''s' $$".utf8)
        let canonical = sql.withUnsafeBufferPointer { SQLNormalizer.canonicalBytes(of: $0) }
        #expect(String(decoding: canonical, as: UTF8.self) == #"do E'select "\xff" , ''it''''s'''"#)
    }

    @Test func generatedRoutineTextsKeepTheirCanonicalFormsAndTokens() {
        var generator = RoutineTextGenerator(random: SeededGenerator(state: 7))
        var record: [UInt8] = []
        for _ in 0..<3000 {
            let text = generator.text(depth: 0)
            record += text.withUnsafeBufferPointer { SQLNormalizer.canonicalBytes(of: $0) }
            record.append(0x0A)
            for token in SQLNormalizer.significantTokens(of: String(decoding: text, as: UTF8.self)) {
                record += Array("\(token.token.start) \(token.token.end) \(token.token.kind.name) \(token.canonical)\n".utf8)
            }
        }
        // The record is megabytes; its digest is what is kept (re-recorded by scripts/record-golden).
        let mismatch = GoldenFile("normalizer/generated-routine-texts.sha256").mismatch(with: SHA256Digest.hex(of: record) + "\n")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }
}
