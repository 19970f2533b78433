import Testing
import SQLTokenizer

/// `kind text` for every token, whitespace included, so spans and kinds are both checked.
private func lexed(_ sql: String) -> [String] {
    let bytes = Array(sql.utf8)
    return SQLLexer.tokenize(sql).map { token in
        "\(token.kind.name) \(String(decoding: bytes[token.range], as: UTF8.self))"
    }
}

/// The significant tokens only, as `kind text`.
private func significant(_ sql: String) -> [String] {
    lexed(sql).filter { !$0.hasPrefix("whitespace ") && !$0.hasPrefix("comment ") }
}

@Suite("Lexer: PostgreSQL's lexical rules")
struct LexerTests {
    @Test func spansAreByteOffsetsWithExclusiveEnds() {
        #expect(SQLLexer.tokenize("SELECT 1;") == [
            Token(kind: .keyword, start: 0, end: 6), Token(kind: .whitespace, start: 6, end: 7),
            Token(kind: .number, start: 7, end: 8), Token(kind: .punctuation, start: 8, end: 9),
        ])
    }

    @Test func whitespaceRunsIncludeEverySpaceCharacter() {
        #expect(lexed("a \t\n\r\u{0C}\u{0B}b") == ["identifier a", "whitespace  \t\n\r\u{0C}\u{0B}", "identifier b"])
    }

    @Test func lineCommentsEndBeforeTheNewline() {
        #expect(lexed("a -- note\nb") == ["identifier a", "whitespace  ", "comment -- note", "whitespace \n", "identifier b"])
    }

    @Test func blockCommentsNest() {
        #expect(lexed("/* a /* b */ c */x") == ["comment /* a /* b */ c */", "identifier x"])
    }

    @Test func anUnterminatedBlockCommentIsAnErrorToTheEnd() {
        #expect(lexed("x /* a /* b */") == ["identifier x", "whitespace  ", "error /* a /* b */"])
    }

    @Test func keywordsInAnyCaseAreKeywordsAndOtherWordsAreIdentifiers() {
        #expect(significant("SeLeCt Foo_1$ FROM _t") == ["keyword SeLeCt", "identifier Foo_1$", "keyword FROM", "identifier _t"])
    }

    @Test func aKeywordUsedAsAColumnNameIsStillLexedAsAKeyword() {
        #expect(significant("select t.name, t.type from t") == [
            "keyword select", "identifier t", "punctuation .", "keyword name", "punctuation ,",
            "identifier t", "punctuation .", "keyword type", "keyword from", "identifier t",
        ])
    }

    @Test func aFourByteUTF8IdentifierIsOneIdentifier() {
        let tokens = SQLLexer.tokenize("select 𝔘nicode𝔵")
        #expect(tokens.last == Token(kind: .identifier, start: 7, end: 7 + 4 + 6 + 4))
    }

    /// Names are read eight bytes at a time: wherever the name ends or a multi-byte character
    /// sits relative to those eight bytes, the name's span is the same.
    @Test(arguments: 1...19)
    func aNameEndsAtTheFirstByteThatCannotContinueIt(length: Int) {
        let name = Array(String(repeating: "aZ_$9", count: 4).utf8.prefix(length))
        for stop in Array(" ,.;()+-*/'\"[]:=<>!@#%^&|`?{}\\~\t\n".utf8) + [0x00, 0x7F] {
            let bytes = name + [stop] + Array("xyz".utf8)
            let first = bytes.withUnsafeBufferPointer { SQLLexer.tokenize($0).first }
            #expect(first == Token(kind: .identifier, start: 0, end: length), "stop byte \(stop)")
        }
        for (character, size) in [("é", 2), ("€", 3), ("𝔘", 4)] {
            let bytes = name + Array(character.utf8) + name + Array(" x".utf8)
            let first = bytes.withUnsafeBufferPointer { SQLLexer.tokenize($0).first }
            #expect(first == Token(kind: .identifier, start: 0, end: 2 * length + size), "\(character) after \(length) bytes")
        }
        let invalid = name + [0xFF] + name
        let tokens = invalid.withUnsafeBufferPointer { SQLLexer.tokenize($0) }
        #expect(tokens.prefix(2) == [Token(kind: .identifier, start: 0, end: length), Token(kind: .error, start: length, end: length + 1)])
    }

    @Test func invalidUTF8IsAnErrorTokenAndLexingContinues() {
        let bytes: [UInt8] = Array("ab".utf8) + [0xFF] + Array("cd".utf8) + [0xE2, 0x82]
        let tokens = bytes.withUnsafeBufferPointer { SQLLexer.tokenize($0) }
        #expect(tokens == [
            Token(kind: .identifier, start: 0, end: 2), Token(kind: .error, start: 2, end: 3),
            Token(kind: .identifier, start: 3, end: 5), Token(kind: .error, start: 5, end: 6),
            Token(kind: .error, start: 6, end: 7),
        ])
    }

    @Test func quotedIdentifiersDoubleTheirQuotes() {
        #expect(lexed(#""a""b" """#) == [#"quoted_identifier "a""b""#, "whitespace  ", #"error """#])
    }

    @Test func unicodeIdentifiersAndStringsWithUescape() {
        #expect(significant(#"U&"d\0061t" u&'d!0061' UESCAPE '!'"#) == [
            #"quoted_identifier U&"d\0061t""#, "string u&'d!0061'", "keyword UESCAPE", "string '!'",
        ])
    }

    @Test func stringsDoubleTheirQuotes() {
        #expect(lexed("'it''s'x") == ["string 'it''s'", "identifier x"])
    }

    @Test func escapeStringsSkipBackslashedQuotes() {
        #expect(lexed(#"E'it\'s' e'\\'"#) == [#"string E'it\'s'"#, "whitespace  ", #"string e'\\'"#])
    }

    @Test func bitHexAndNationalStringsKeepTheirPrefix() {
        #expect(significant("B'0101' x'1F' N'abc'") == ["string B'0101'", "string x'1F'", "string N'abc'"])
    }

    @Test func stringsSeparatedByANewlineAreOneConstant() {
        #expect(lexed("'a'\n  'b' 'c'") == ["string 'a'\n  'b'", "whitespace  ", "string 'c'"])
        #expect(lexed("'a' -- note\n'b'") == ["string 'a' -- note\n'b'"])
    }

    @Test func stringsSeparatedWithoutANewlineAreTwoConstants() {
        #expect(significant("'a' 'b'") == ["string 'a'", "string 'b'"])
    }

    @Test func anUnterminatedStringIsAnErrorToTheEnd() {
        #expect(lexed("x 'abc") == ["identifier x", "whitespace  ", "error 'abc"])
        #expect(lexed(#"E'abc\'"#) == [#"error E'abc\'"#])
    }

    @Test func dollarQuotesWithAnyValidTag() {
        #expect(significant("$$a$$ $body$ $$ x $body$ $function$f$function$") == [
            "string $$a$$", "string $body$ $$ x $body$", "string $function$f$function$",
        ])
    }

    @Test func aDollarQuoteOnlyEndsAtItsOwnTag() {
        #expect(lexed("$a$ $b$ $ab$ $a$") == ["string $a$ $b$ $ab$ $a$"])
    }

    @Test func dollarDigitsAreAParameterNotATag() {
        #expect(significant("$1 + $23") == ["parameter $1", "operator +", "parameter $23"])
    }

    @Test func aTagMayNotStartWithADigit() {
        #expect(significant("$1$") == ["parameter $1", "error $"])
    }

    @Test func anUnterminatedDollarQuoteIsAnErrorToTheEnd() {
        #expect(lexed("$q$ abc $$") == ["error $q$ abc $$"])
    }

    @Test func aLoneDollarIsAnError() {
        #expect(lexed("$foo") == ["error $", "identifier foo"])
    }

    @Test func dashesInsideStringsAndDollarBodiesAreNotComments() {
        #expect(significant("'a -- b' $$ -- c $$") == ["string 'a -- b'", "string $$ -- c $$"])
    }

    @Test func numbersInEveryPostgreSQL16Form() {
        #expect(significant("42 3.5 .5 1. 1e10 1.e5 2.5E-3 0x1F 0o17 0b101 1_000_000 0x_FF") == [
            "number 42", "number 3.5", "number .5", "number 1.", "number 1e10", "number 1.e5", "number 2.5E-3",
            "number 0x1F", "number 0o17", "number 0b101", "number 1_000_000", "number 0x_FF",
        ])
    }

    @Test func aRangeIsANumberThenDotDot() {
        #expect(lexed("1..10") == ["number 1", "operator ..", "number 10"])
    }

    @Test func trailingJunkAfterANumberIsOneError() {
        #expect(significant("123abc 1e+ 0x 1_ $1x") == ["error 123abc", "error 1e+", "error 0x", "error 1_", "error $1x"])
    }

    @Test func typecastsAndArrayBrackets() {
        #expect(lexed("a::int[]") == ["identifier a", "typecast ::", "keyword int", "punctuation [", "punctuation ]"])
    }

    @Test func twoCharacterOperators() {
        #expect(significant(":= => .. <= >= <> !=") == [
            "operator :=", "operator =>", "operator ..", "operator <=", "operator >=", "operator <>", "operator !=",
        ])
    }

    @Test func aTrailingMinusLeavesAPlainOperator() {
        #expect(lexed("x*-1") == ["identifier x", "operator *", "operator -", "number 1"])
        #expect(lexed("a<=-b") == ["identifier a", "operator <=", "operator -", "identifier b"])
    }

    @Test func aTrailingMinusStaysWhenTheOperatorHasANonSQLCharacter() {
        #expect(lexed("@-") == ["operator @-"])
        #expect(lexed("a%-b") == ["identifier a", "operator %-", "identifier b"])
    }

    @Test func aCommentStartEndsAnOperator() {
        #expect(lexed("a+/*c*/b") == ["identifier a", "operator +", "comment /*c*/", "identifier b"])
        #expect(lexed("a<--c") == ["identifier a", "operator <", "comment --c"])
    }

    @Test func punctuation() {
        #expect(significant("( ) [ ] , ; : .") == [
            "punctuation (", "punctuation )", "punctuation [", "punctuation ]", "punctuation ,",
            "punctuation ;", "punctuation :", "punctuation .",
        ])
    }

    @Test func strayBytesAreOneByteErrors() {
        #expect(lexed("a\\{") == ["identifier a", "error \\", "error {"])
    }

    @Test func keywordCategories() {
        #expect(SQLLexer.keywordCategory(of: "SELECT") == .reserved)
        #expect(SQLLexer.keywordCategory(of: "language") == .unreserved)
        #expect(SQLLexer.keywordCategory(of: "int") == .columnName)
        #expect(SQLLexer.keywordCategory(of: "left") == .typeOrFunctionName)
        #expect(SQLLexer.keywordCategory(of: "users") == nil)
    }
}
