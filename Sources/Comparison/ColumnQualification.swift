import SQLTokenizer

/// How PostgreSQL versions differ in qualifying column references when they print a query.
///
/// PostgreSQL 15 and older print `SELECT t1.id FROM public.t1 WHERE (t1.id > 0)` for a view over a
/// single relation; 16 and newer print `SELECT id FROM public.t1 WHERE (id > 0)`. Removing those
/// qualifiers from both sides lets the comparison tell "printed differently" from "changed".
///
/// The rewrite is deliberately narrow, because a wrong answer would hide a real change: it applies
/// only to a query with exactly one `SELECT` whose `FROM` list is exactly one plain relation or one
/// aliased subquery (no join, no comma, no function in `FROM`), and it removes only `qualifier.`
/// before a column, where the qualifier is that relation's alias or, without an alias, its name.
/// A subquery's own text is left as it is (it is compared token for token), and no other `SELECT`
/// may appear outside it. Anything else returns nil and the definitions are compared as they are.
enum ColumnQualification {
    /// Clauses that may follow a single-relation `FROM` list. Anything else (a join, a comma,
    /// `TABLESAMPLE`...) makes the query ineligible.
    private static let clausesAfterFrom: Set<String> = [
        ";", "where", "group", "having", "window", "order", "limit", "offset", "fetch", "for",
    ]

    /// The canonical token spellings of `tokens` with single-relation column qualifiers removed,
    /// or nil when the query is not a single-relation query.
    static func canonicalTokensWithoutQualifiers(_ tokens: [CanonicalToken]) -> [String]? {
        let spellings = tokens.map(\.canonical)
        let words = spellings.map { $0.lowercased() }
        guard let select = words.firstIndex(of: "select") else { return nil }

        var depth = 0
        var selectDepth = 0
        var fromIndices: [Int] = []
        for (index, word) in words.enumerated() {
            if index == select { selectDepth = depth }
            switch word {
            case "(", "[": depth += 1
            case ")", "]": depth -= 1
            case "from" where index > select && depth == selectDepth: fromIndices.append(index)
            default: break
            }
        }
        guard fromIndices.count == 1, let from = fromIndices.first,
              let relation = singleRelation(words: words, spellings: spellings, after: from, selectDepth: selectDepth),
              words.indices.filter({ words[$0] == "select" && !relation.span.contains($0) }) == [select]
        else { return nil }

        var result: [String] = []
        result.reserveCapacity(spellings.count)
        var index = 0
        while index < spellings.count {
            if index > select, !relation.span.contains(index), isQualifier(at: index, qualifier: relation.qualifier, spellings: spellings) {
                index += 2
                continue
            }
            result.append(spellings[index])
            index += 1
        }
        return result
    }

    /// The qualifier columns of the single relation after `FROM` may carry, and the token span of
    /// the `FROM` list, or nil when the list is anything but one plain relation.
    private static func singleRelation(words: [String], spellings: [String], after from: Int, selectDepth: Int)
        -> (qualifier: String, span: ClosedRange<Int>)? {
        var index = from + 1
        if index + 1 < words.count, words[index] == "(", words[index + 1] == "select" {
            // A subquery: it must be closed and carry an alias, the only qualifier outside it.
            guard let close = closingParenthesis(words, openingAt: index) else { return nil }
            index = close + 1
            if index < words.count, words[index] == "as" { index += 1 }
            guard index < words.count, isIdentifier(spellings[index]) else { return nil }
            let qualifier = spellings[index]
            index += 1
            guard index == words.count || endsFromList(words[index], selectDepth: selectDepth) else { return nil }
            return (qualifier, from...(index - 1))
        }
        if index < words.count, words[index] == "only" { index += 1 }
        guard index < words.count, isIdentifier(spellings[index]) else { return nil }
        var name = spellings[index]
        index += 1
        while index + 1 < words.count, words[index] == ".", isIdentifier(spellings[index + 1]) {
            name = spellings[index + 1]
            index += 2
        }
        var qualifier = name
        if index < words.count, !endsFromList(words[index], selectDepth: selectDepth) {
            if words[index] == "as" { index += 1 }
            guard index < words.count, isIdentifier(spellings[index]) else { return nil }
            qualifier = spellings[index]
            index += 1
        }
        guard index == words.count || endsFromList(words[index], selectDepth: selectDepth) else { return nil }
        return (qualifier, from...(index - 1))
    }

    /// The index of the `)` matching the `(` at `open`, or nil when it is never closed.
    private static func closingParenthesis(_ words: [String], openingAt open: Int) -> Int? {
        var depth = 0
        for index in open..<words.count {
            switch words[index] {
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
        }
        return nil
    }

    /// Whether `word` may follow the `FROM` list: a later clause, the end of the statement, or the
    /// parenthesis closing a parenthesized query.
    private static func endsFromList(_ word: String, selectDepth: Int) -> Bool {
        clausesAfterFrom.contains(word) || (word == ")" && selectDepth > 0)
    }

    /// Whether `qualifier . column` starts at `index` and names a column of the relation: not part
    /// of a longer dotted name, and not a schema-qualified function call.
    private static func isQualifier(at index: Int, qualifier: String, spellings: [String]) -> Bool {
        guard spellings[index] == qualifier, index + 2 < spellings.count, spellings[index + 1] == ".",
              isIdentifier(spellings[index + 2]) || spellings[index + 2] == "*" else { return false }
        if index > 0, spellings[index - 1] == "." { return false }
        if index + 3 < spellings.count, spellings[index + 3] == "(" { return false }
        return true
    }

    /// Whether a canonical token spells an identifier (plain or quoted) rather than punctuation,
    /// an operator, a number or a string.
    private static func isIdentifier(_ spelling: String) -> Bool {
        guard let first = spelling.unicodeScalars.first else { return false }
        return first == "\"" || first == "_" || first.properties.isAlphabetic
    }
}
