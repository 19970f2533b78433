import Testing
import SQLTokenizer

private let discountFunction = """
    CREATE OR REPLACE FUNCTION public.discounted(p_amount numeric)
     RETURNS numeric
     LANGUAGE plpgsql
    AS $function$
    BEGIN
        IF p_amount > 100 THEN
            RETURN p_amount * 0.9;
        END IF;
        RETURN p_amount;
    END;
    $function$
    """

private let changedDiscountFunction = """
    create or replace function public.discounted(p_amount numeric) returns numeric language plpgsql
    as $body$
    begin
      if p_amount > 100 then return p_amount * 0.95; end if;
      return p_amount;
    end;
    $body$
    """

/// The indices of `a` and `b` left out of a longest common subsequence of canonical spellings:
/// what a token-level diff marks as changed.
private func unmatchedTokens(_ a: [CanonicalToken], _ b: [CanonicalToken]) -> (a: [Int], b: [Int]) {
    var lengths = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
        for j in stride(from: b.count - 1, through: 0, by: -1) {
            lengths[i][j] = a[i].canonical == b[j].canonical ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
        }
    }
    var unmatchedA: [Int] = [], unmatchedB: [Int] = []
    var i = 0, j = 0
    while i < a.count && j < b.count {
        if a[i].canonical == b[j].canonical {
            i += 1
            j += 1
        } else if lengths[i + 1][j] >= lengths[i][j + 1] {
            unmatchedA.append(i)
            i += 1
        } else {
            unmatchedB.append(j)
            j += 1
        }
    }
    return (unmatchedA + Array(i..<a.count), unmatchedB + Array(j..<b.count))
}

/// The source text a token covers.
private func text(_ token: CanonicalToken, in source: String) -> String {
    String(decoding: Array(source.utf8)[token.token.range], as: UTF8.self)
}

@Suite("Significant tokens inside routine bodies")
struct RoutineBodyTokenTests {
    @Test func aOneLiteralChangeInAPlpgsqlBodyLeavesOnlyThatLiteralUnmatched() {
        let a = SQLNormalizer.significantTokens(of: discountFunction)
        let b = SQLNormalizer.significantTokens(of: changedDiscountFunction)
        let unmatched = unmatchedTokens(a, b)
        #expect(unmatched.a.map { a[$0].canonical } == ["0.9"])
        #expect(unmatched.b.map { b[$0].canonical } == ["0.95"])
        #expect(unmatched.a.map { text(a[$0], in: discountFunction) } == ["0.9"])
        #expect(unmatched.b.map { text(b[$0], in: changedDiscountFunction) } == ["0.95"])
    }

    @Test func dollarQuotedBodyTokensAreRangesInTheWholeText() {
        let sql = "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $fn$ SELECT  1 $fn$"
        let tokens = SQLNormalizer.significantTokens(of: sql)
        #expect(tokens.suffix(2) == [
            CanonicalToken(token: Token(kind: .keyword, start: 53, end: 59), canonical: "select"),
            CanonicalToken(token: Token(kind: .number, start: 61, end: 62), canonical: "1"),
        ])
        #expect(tokens.map(\.canonical).prefix(9) == ["create", "function", "f", "(", ")", "returns", "int", "language", "sql"])
        #expect(tokens.count == 12)
    }

    @Test func quotedBodyTokensCoverTheirEscapedSourceBytes() {
        let sql = "create function f() returns text language sql as 'select ''it''''s'' , x'"
        let tokens = SQLNormalizer.significantTokens(of: sql).suffix(4)
        #expect(tokens.map(\.canonical) == ["select", "'it''s'", ",", "x"])
        #expect(tokens.map { text($0, in: sql) } == ["select", "''it''''s''", ",", "x"])
    }

    @Test func aBodyInAnotherLanguageStaysOneToken() {
        let sql = "CREATE FUNCTION f() RETURNS int LANGUAGE c AS $$select 1$$"
        #expect(SQLNormalizer.significantTokens(of: sql).last
            == CanonicalToken(token: Token(kind: .string, start: 46, end: 58), canonical: "'select 1'"))
    }

    @Test func aBodyThatDoesNotLexCleanlyStaysOneToken() {
        let sql = "DO $$ select 'unterminated $$"
        #expect(SQLNormalizer.significantTokens(of: sql) == [
            CanonicalToken(token: Token(kind: .keyword, start: 0, end: 2), canonical: "do"),
            CanonicalToken(token: Token(kind: .string, start: 3, end: 29), canonical: "' select ''unterminated '"),
        ])
    }

    @Test func theLanguageMayFollowTheBody() {
        let sql = "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql"
        #expect(SQLNormalizer.significantTokens(of: sql).map(\.canonical).suffix(4) == ["select", "1", "language", "sql"])
    }
}
