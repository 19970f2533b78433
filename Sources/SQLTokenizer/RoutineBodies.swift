/// Finds the string constants that are the bodies of `sql` or `plpgsql` routines, whose text is
/// itself SQL to normalize: the string after `AS` in `CREATE [OR REPLACE] FUNCTION|PROCEDURE ...
/// LANGUAGE sql|plpgsql` (clauses in any order), and the body of a `DO` block.
enum RoutineBodies {
    /// Indices into `tokens` of routine bodies, ascending.
    static func indices(in bytes: UnsafeBufferPointer<UInt8>, tokens: [Token]) -> [Int] {
        // Most texts, routine bodies above all, hold no CREATE or DO: one quick look at each token's
        // length spares them the statement scan.
        guard tokens.contains(where: { mayStartRoutine(bytes, $0) }) else { return [] }
        var bodies: [Int] = []
        var index = 0
        while index < tokens.count {
            index = scanStatement(bytes, tokens, from: index, into: &bodies) + 1
        }
        return bodies
    }

    /// Scans one statement from `start` to its top-level `;` (returned) or the end.
    private static func scanStatement(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], from start: Int, into bodies: inout [Int]) -> Int {
        guard let first = nextSignificant(tokens, from: start) else { return tokens.count }
        let head = tokens[first]
        let isCreate = isWord(bytes, head, "create")
        let isDo = isWord(bytes, head, "do")
        guard mayBeginRoutine(bytes, at: head) else { return endOfStatement(bytes, tokens, from: first) }
        var language: Language? = isDo ? .procedural : nil
        var candidates: [Int] = []
        var nesting = StatementNesting()
        // The previous significant token, when it is one the next token's meaning depends on.
        var previous = Previous.other
        var index = first
        while index < tokens.count {
            let token = tokens[index]
            defer { index += 1 }
            guard token.kind.isSignificant else { continue }
            let before = previous
            previous = .other
            if token.kind == .punctuation {
                if nesting.endsStatement(token, in: bytes) { return finish(index) }
                continue
            }
            guard nesting.isTopLevel else { continue }
            if before == .language {
                language = Language(bytes, token)
            } else if token.kind == .string {
                if (isCreate && before == .as) || (isDo && candidates.isEmpty) { candidates.append(index) }
                continue
            }
            guard token.kind == .keyword || token.kind == .identifier else { continue }
            // By length first: most words are neither and cost one comparison.
            switch token.end - token.start {
            case 2:
                if TokenText.equals(bytes, token, "as") { previous = .as }
            case 8:
                if TokenText.equals(bytes, token, "language") { previous = .language }
            default:
                break
            }
        }
        return finish(tokens.count)

        func finish(_ end: Int) -> Int {
            if language != nil { bodies.append(contentsOf: candidates) }
            return end
        }
    }

    /// The index of the top-level `;` at or after `start`, or the end.
    private static func endOfStatement(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], from start: Int) -> Int {
        var nesting = StatementNesting()
        return (start..<tokens.count).first { nesting.endsStatement(tokens[$0], in: bytes) } ?? tokens.count
    }

    /// Whether the statement that begins with `token` may hold a routine body: it is `DO`, or
    /// `CREATE [OR REPLACE] FUNCTION|PROCEDURE` (read on from `token` in `bytes`); other statements
    /// (views above all) are passed over without a look at each token.
    static func mayBeginRoutine(_ bytes: UnsafeBufferPointer<UInt8>, at token: Token) -> Bool {
        guard mayStartRoutine(bytes, token) else { return false }
        guard isWord(bytes, token, "create") else { return true }
        return SQLLexer.withCursor(over: bytes, at: token.end, classifyingKeywords: false) { cursor in
            guard var word = cursor.nextSignificant() else { return false }
            if isWord(bytes, word, "or") {
                guard let replace = cursor.nextSignificant(), isWord(bytes, replace, "replace"), let next = cursor.nextSignificant() else { return false }
                word = next
            }
            return isWord(bytes, word, "function") || isWord(bytes, word, "procedure")
        }
    }

    /// Whether `token` is `CREATE` or `DO`, the words a statement that holds a routine body begins with.
    @inline(__always)
    private static func mayStartRoutine(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        switch token.end - token.start {
        case 6: isWord(bytes, token, "create")
        case 2: isWord(bytes, token, "do")
        default: false
        }
    }

    /// Whether `token` is the keyword `word` (which must be one). The normalizer lexes without
    /// classifying keywords, so a keyword may come as an `.identifier`; a name spelled like a
    /// keyword always is that keyword, so both kinds are the same test.
    static func isWord(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token, _ word: StaticString) -> Bool {
        (token.kind == .keyword || token.kind == .identifier) && TokenText.equals(bytes, token, word)
    }

    private static func nextSignificant(_ tokens: [Token], from start: Int) -> Int? {
        var index = start
        while index < tokens.count && !tokens[index].kind.isSignificant { index += 1 }
        return index < tokens.count ? index : nil
    }

    /// The previous significant token of a statement, as far as the next one cares.
    private enum Previous {
        case language
        case `as`
        case other
    }

    /// The languages whose bodies are SQL text.
    private enum Language {
        case sql
        case procedural

        /// The language named by `token` (`sql`, `SQL`, `"sql"`, `'plpgsql'`...), if it is one of these.
        init?(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) {
            var name = token
            if token.kind == .quotedIdentifier || token.kind == .string {
                guard bytes[token.start] == UInt8(ascii: "\"") || bytes[token.start] == UInt8(ascii: "'") else { return nil }
                name = Token(kind: token.kind, start: token.start + 1, end: token.end - 1)
            } else if token.kind != .identifier && token.kind != .keyword {
                return nil
            }
            if TokenText.equals(bytes, name, "sql") {
                self = .sql
            } else if TokenText.equals(bytes, name, "plpgsql") {
                self = .procedural
            } else {
                return nil
            }
        }
    }
}

/// The parentheses and brackets open at a token of a statement, followed token by token, to find
/// the `;` that ends the statement (one inside parentheses, as in a `DO` body's text, does not).
struct StatementNesting {
    private var depth = 0

    /// Whether the next token stands outside every parenthesis and bracket.
    var isTopLevel: Bool { depth == 0 }

    /// Follows `token`; true when it is the `;` that ends the statement.
    @inline(__always)
    mutating func endsStatement(_ token: Token, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.kind == .punctuation else { return false }
        switch bytes[token.start] {
        case UInt8(ascii: ";"): return depth == 0
        case UInt8(ascii: "("), UInt8(ascii: "["): depth += 1
        case UInt8(ascii: ")"), UInt8(ascii: "]"): depth = max(0, depth - 1)
        default: break
        }
        return false
    }
}
