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

/// `public.is_admin()` as production's catalog prints it: the body as pasted, with quoted names
/// and lower-case keywords.
private let isAdminAsPasted = """
    CREATE OR REPLACE FUNCTION public.is_admin()
     RETURNS boolean
     LANGUAGE sql
     STABLE SECURITY DEFINER
     SET search_path TO 'public'
    AS $function$
      select exists (
        select 1
          from public."profiles"
         where "id" = auth.uid()
           and "role" = 'admin'
      )
    $function$
    """

/// `public.is_admin()` as staging's catalog prints the migration's version.
private let isAdminAsTheCatalogPrintsIt = """
    CREATE OR REPLACE FUNCTION public.is_admin()
     RETURNS boolean
     LANGUAGE sql
     STABLE SECURITY DEFINER
     SET search_path TO 'public'
    AS $function$
      SELECT EXISTS (SELECT 1 FROM public.profiles WHERE id = auth.uid() AND role = 'admin')
    $function$
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
        (#"select "role", "name", "data" from t"#, "select role, NAME, data from t"),
        (#"select "role" from t where "id" = 1"#, "SELECT ROLE FROM t WHERE id = 1"),
        (isAdminAsPasted, isAdminAsTheCatalogPrintsIt),
        ("select 1E5, 2.5E-3", "select 1e5, 2.5e-3"),
        ("select 0X1F, 0XaBc", "select 0x1f, 0xabc"),
        ("select 0B101, 0O17", "select 0b101, 0o17"),
    ]

    static let differentPairs: [(String, String)] = [
        ("select 'a b'", "select 'ab'"),
        (#"select "Foo" from t"#, "select foo from t"),
        (#"select "select" from t"#, "select select from t"),
        ("select 1.0", "select 1.00"),
        ("select 1_000", "select 1000"),
        ("select 0x1F", "select 31"),
        (#"select "char" 'x'"#, "select char 'x'"),
        (#"select "left"(s, 1)"#, "select left(s, 1)"),
        (#"select "int" from t"#, "select int from t"),
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

    @Test func onlyReservedColumnAndTypeNameKeywordsKeepTheirQuotes() {
        // role, name: unreserved; char, int: column-name; left: type/function-name; user: reserved.
        #expect(SQLNormalizer.canonicalForm(of: #"select "role", "name", "char", "int", "left", "user", "Role", "role$1""#)
            == #"select role , name , "char" , "int" , "left" , "user" , "Role" , role$1"#)
    }

    @Test func anUnreservedKeywordAsANameHasTheSameCanonicalTokenQuotedOrNot() {
        let quoted = SQLNormalizer.significantTokens(of: #"select "role""#).map(\.canonical)
        let bare = SQLNormalizer.significantTokens(of: "select ROLE").map(\.canonical)
        #expect(quoted == ["select", "role"])
        #expect(bare == quoted)
    }

    @Test(arguments: [#"select "role", "char", 0X1F, 1E5 from t"#, isAdminAsPasted, isAdminAsTheCatalogPrintsIt])
    func unquotingAndNumberCaseAreIdempotent(_ text: String) {
        let once = SQLNormalizer.canonicalForm(of: text)
        #expect(SQLNormalizer.canonicalForm(of: once) == once)
    }

    @Test func numbersKeepTheirDigitsAndUnderscoresButNotTheirLetterCase() {
        #expect(SQLNormalizer.canonicalForm(of: "select 1E+5, 0X1_F, 0B1, 0O7, 1.50, 1_000") == "select 1e+5 , 0x1_f , 0b1 , 0o7 , 1.50 , 1_000")
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

    @Test func textsSwiftCallsEqualButWhoseBytesDifferKeepTheirOwnFingerprints() {
        // "é" as one code point and as "e" with a combining accent: equal as Swift strings, not as
        // PostgreSQL text. Fingerprints are remembered per text, and must be remembered per byte.
        let composed = "SELECT 'caf\u{E9}'", decomposed = "SELECT 'cafe\u{301}'"
        #expect(composed == decomposed)
        let first = Fingerprint(normalizing: composed)
        #expect(Fingerprint(normalizing: decomposed) != first)
        #expect(Fingerprint(normalizing: composed) == first)
        #expect(Fingerprint(normalizing: decomposed).hex == SHA256Digest.hex(of: Array("select 'cafe\u{301}'".utf8)))
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
        (#"select "role""#, "select role", ["identifier quoting"]),
        (#"select "role""#, "select Role", ["identifier case", "identifier quoting"]),
        ("select 1E5", "select 1e5", ["number case"]),
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
