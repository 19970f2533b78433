import Testing
import SchemaModel
import SQLFingerprint
import SQLTokenizer

private let plpgsqlFunction = """
    CREATE OR REPLACE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.updated_at := now();  -- keep it fresh
        RETURN NEW;
    END;
    $$
    """

private let reindentedFunction = """
    create or replace function public.touch()
      returns trigger LANGUAGE PLPGSQL
      as $body$ begin new.updated_at:=NOW(); return NEW; end; $body$
    """

@Suite("Fingerprints and the canonical form")
struct FingerprintTests {
    static let equalPairs: [(String, String)] = [
        ("SELECT  a\n FROM t", "select a from t"),
        ("select a /* c */ from t -- d", "select a from t"),
        (#"select "foo" from t"#, "select foo from t"),
        ("SELECT Foo FROM T", "select foo from t"),
        ("select 'it''s'", #"select E'it\'s'"#),
        ("select 'it''s'", "select $$it's$$"),
        ("select $q$it's$q$", "select $$it's$$"),
        (#"select E'a\nb\x41\101\u0041'"#, "select 'a\nbAAA'"),
        (#"select U&'d\0061t\+000061'"#, "select 'data'"),
        (#"select U&'d!0061ta' UESCAPE '!'"#, "select 'data'"),
        (#"select U&"f\006Fo""#, "select foo"),
        (#"select U&"d\0061ta""#, #"select "data""#),
        ("select 'a'\n'b'", "select 'ab'"),
        ("select x'1F'", "select X'1f'"),
        (plpgsqlFunction, reindentedFunction),
        ("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT  1'", "create function f() returns int language sql as $$select 1$$"),
        ("DO $$ BEGIN PERFORM 1; END $$", "do $x$begin perform 1; end$x$"),
    ]

    static let differentPairs: [(String, String)] = [
        ("select 'a b'", "select 'ab'"),
        (#"select "Foo" from t"#, "select foo from t"),
        (#"select "select" from t"#, "select select from t"),
        ("select 1.0", "select 1.00"),
        ("select 'a' 'b'", "select 'ab'"),
        ("select N'a'", "select 'a'"),
        ("select B'1'", "select '1'"),
        (plpgsqlFunction, plpgsqlFunction.replacingFirst("now()", with: "clock_timestamp()")),
        ("CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$select 'a'$$", "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$select 'b'$$"),
        ("CREATE FUNCTION f() RETURNS int LANGUAGE c AS 'select  1'", "CREATE FUNCTION f() RETURNS int LANGUAGE c AS 'select 1'"),
    ]

    @Test(arguments: equalPairs)
    func formattingDoesNotChangeTheFingerprint(_ a: String, _ b: String) {
        #expect(SQLNormalizer.canonicalForm(of: a) == SQLNormalizer.canonicalForm(of: b))
        #expect(Fingerprint(normalizing: a) == Fingerprint(normalizing: b))
    }

    @Test(arguments: differentPairs)
    func meaningChangesTheFingerprint(_ a: String, _ b: String) {
        #expect(Fingerprint(normalizing: a) != Fingerprint(normalizing: b))
    }

    @Test func canonicalFormSpelling() {
        #expect(SQLNormalizer.canonicalForm(of: #"SELECT "Foo", "bar", "user", E'it\'s', $$x$$::TEXT FROM T;"#)
            == #"select "Foo" , bar , "user" , 'it''s' , 'x' :: text from t ;"#)
    }

    @Test func aValueThatIsNotUTF8IsWrittenWithHexEscapes() {
        #expect(SQLNormalizer.canonicalForm(of: #"select E'\xff\\'"#) == #"select E'\xff\\'"#)
    }

    @Test func theBodyOfAPlpgsqlFunctionIsNormalizedInsideItsQuotes() {
        #expect(SQLNormalizer.canonicalForm(of: plpgsqlFunction) == """
            create or replace function public . touch ( ) returns trigger language plpgsql as \
            'begin new . updated_at := now ( ) ; return new ; end ;'
            """)
    }

    @Test func fingerprintsAreSHA256() {
        #expect(SHA256Digest.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Fingerprint(exactText: "abc").hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Fingerprint(normalizing: "SELECT  1").hex == SHA256Digest.hex(of: Array("select 1".utf8)))
    }

    @Test func significantTokensCarryTheirCanonicalSpelling() {
        let tokens = SQLNormalizer.significantTokens(of: #"SELECT "x" -- c"#)
        #expect(tokens == [
            CanonicalToken(token: Token(kind: .keyword, start: 0, end: 6), canonical: "select"),
            CanonicalToken(token: Token(kind: .quotedIdentifier, start: 7, end: 10), canonical: "x"),
        ])
    }

    @Test func aUnicodeEscapeClauseBelongsToItsLiteral() {
        let tokens = SQLNormalizer.significantTokens(of: #"U&'!0061' UESCAPE '!'"#)
        #expect(tokens == [CanonicalToken(token: Token(kind: .string, start: 0, end: 21), canonical: "'a'")])
    }
}

@Suite("Formatting differences")
struct FormattingDifferencesTests {
    @Test func identicalTextsHaveNone() {
        #expect(SQLNormalizer.formattingDifferences(between: "select 1", and: "select 1") == [])
    }

    @Test(arguments: [
        ("select 1", "select  1", ["whitespace"]),
        ("select 1", "select 1 -- one", ["whitespace", "comments"]),
        ("select 1", "SELECT 1", ["keyword case"]),
        ("select Foo", "select foo", ["identifier case"]),
        (#"select "foo""#, "select foo", ["identifier quoting"]),
        (#"select "foo""#, "select FOO", ["identifier case", "identifier quoting"]),
        ("select $a$x$a$", "select $$x$$", ["dollar-quote tags"]),
        ("select 'x'", "select $$x$$", ["string literal notation"]),
        ("select 'it''s'", #"select E'it\'s'"#, ["string literal notation"]),
    ])
    func classifiesEachKind(_ a: String, _ b: String, _ expected: [String]) {
        #expect(SQLNormalizer.formattingDifferences(between: a, and: b).descriptions == expected)
    }

    @Test func differencesInsideARoutineBodyAreFound() {
        let a = "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$BEGIN RETURN 1; END$$"
        let b = "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $fn$begin\n  return 1;\nend$fn$"
        #expect(SQLNormalizer.formattingDifferences(between: a, and: b) == [.dollarQuoteTags, .whitespace, .keywordCase])
    }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
