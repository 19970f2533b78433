/// Tells the statements that may hold the body of an `sql` or `plpgsql` routine, whose text is
/// itself SQL to normalize: the string after `AS` in `CREATE [OR REPLACE] FUNCTION|PROCEDURE ...
/// LANGUAGE sql|plpgsql` (clauses in any order), and the body of a `DO` block.
enum RoutineBodies {
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
    static func mayStartRoutine(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        switch token.end - token.start {
        case 6: isWord(bytes, token, "create")
        case 2: isWord(bytes, token, "do")
        default: false
        }
    }

    /// Whether `token` is the keyword `word` (which must be one). The normalizer lexes without
    /// classifying keywords, so a keyword may come as an `.identifier`; a name spelled like a
    /// keyword always is that keyword, so both kinds are the same test.
    @inline(__always)
    static func isWord(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token, _ word: StaticString) -> Bool {
        (token.kind == .keyword || token.kind == .identifier) && TokenText.equals(bytes, token, word)
    }
}

/// A statement that may hold a routine body, followed one significant token at a time to tell
/// which of its strings are bodies.
struct RoutineStatement {
    private let isCreate: Bool
    /// The language the last `LANGUAGE` clause read names (a `DO` block's is `plpgsql` by default).
    private var language: Language?
    /// The previous significant token, when it is one the next token's meaning depends on.
    private var previous = Previous.other
    /// Whether a `DO` block's candidate body, its first top-level string, has been read.
    private var sawCandidate = false
    /// Whether the statement's candidate bodies are bodies: known from its first candidate on.
    private var holdsBodies: Bool?

    /// The statement that begins with `token`, when it may hold a routine body.
    @inline(__always)
    init?(beginningWith token: Token, in bytes: UnsafeBufferPointer<UInt8>) {
        // Most statements begin with neither word, which one look at the length tells.
        guard RoutineBodies.mayStartRoutine(bytes, token) && RoutineBodies.mayBeginRoutine(bytes, at: token) else { return nil }
        isCreate = RoutineBodies.isWord(bytes, token, "create")
        language = isCreate ? nil : .procedural
    }

    /// Follows `token`, the statement's next significant token (outside every parenthesis and
    /// bracket when `isTopLevel`); true when it is a routine body.
    mutating func follow(_ token: Token, isTopLevel: Bool, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard followIsCandidate(token, isTopLevel: isTopLevel, in: bytes) else { return false }
        if let holdsBodies { return holdsBodies }
        // The statement's last `LANGUAGE` clause decides, and it may come after the body: the rest
        // of the statement is read ahead, once. A candidate stands outside every parenthesis.
        var rest = self
        var nesting = StatementNesting()
        SQLLexer.withCursor(over: bytes, at: token.end, classifyingKeywords: false) { cursor in
            while let next = cursor.nextSignificant() {
                _ = rest.followIsCandidate(next, isTopLevel: nesting.isTopLevel, in: bytes)
                if nesting.endsStatement(next, in: bytes) { return }
            }
        }
        let holds = rest.language != nil
        holdsBodies = holds
        return holds
    }

    /// Follows `token`; true when it may be a body: a top-level string after `AS` in `CREATE`, or
    /// the first top-level string of `DO` (other than a `LANGUAGE` clause's name).
    private mutating func followIsCandidate(_ token: Token, isTopLevel: Bool, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let before = previous
        previous = .other
        guard token.kind != .punctuation && isTopLevel else { return false }
        if before == .language {
            language = Language(bytes, token)
        } else if token.kind == .string {
            let isCandidate = isCreate ? before == .as : !sawCandidate
            sawCandidate = sawCandidate || isCandidate
            return isCandidate
        }
        guard token.kind == .keyword || token.kind == .identifier else { return false }
        // By length first: most words are neither and cost one comparison.
        switch token.end - token.start {
        case 2:
            if TokenText.equals(bytes, token, "as") { previous = .as }
        case 8:
            if TokenText.equals(bytes, token, "language") { previous = .language }
        default:
            break
        }
        return false
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
