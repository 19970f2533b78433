/// Writes the canonical form of SQL text: its significant tokens, each in canonical spelling,
/// separated by single spaces.
///
/// A token's canonical spelling: keywords and unquoted identifiers ASCII-lower-cased (as
/// PostgreSQL folds them); numbers lower-cased (`1E5` is `1e5`, `0X1F` is `0x1f`); quoted
/// identifiers unquoted when the quotes change nothing; string
/// constants re-written from their value as `'...'` (or `E'...'` when the value is not UTF-8),
/// with `B`, `X` and `N` constants keeping their letter; routine bodies normalized recursively;
/// everything else as written.
struct CanonicalWriter {
    /// One significant token (with any `UESCAPE` clause it owns) and the range of its canonical
    /// spelling in `output`.
    struct Unit {
        var token: Token
        var canonical: Range<Int>
        var isRoutineBody: Bool
    }

    /// Nesting deeper than this is treated as plain strings, bounding recursion on hostile input.
    private static let maximumDepth = 16

    let output: ByteBuffer
    /// Where this writer's text begins in `output`.
    private let start: Int
    /// Filled only when the caller asks for units (token-level diffs, formatting differences).
    private(set) var units: [Unit]?
    /// Whether any `.error` token was seen.
    private(set) var sawError = false
    /// How many routine bodies enclose the text this writer writes.
    let depth: Int
    /// How many times each quote of this writer's text is written: a routine body is written in
    /// place, inside the constant that holds it, so each of its quotes is written doubled, and a
    /// quote in a body nested in it four times, as writing the body and then quoting it would.
    private let quotes: Int
    /// Scratch space for decoding string values, reused across constants.
    private var value: [UInt8] = []

    init(recordingUnits: Bool = false, depth: Int = 0, capacity: Int = 0) {
        self.depth = depth
        units = recordingUnits ? [] : nil
        output = ByteBuffer(capacity: capacity)
        start = 0
        quotes = 1
    }

    /// A writer of a routine body in place, at the end of `output`.
    private init(bodyAt depth: Int, quotes: Int, in output: ByteBuffer) {
        self.depth = depth
        self.quotes = quotes
        self.output = output
        start = output.count
        units = nil
    }

    /// Appends the canonical form of `bytes`, writing each significant token as the lexer reads
    /// it. A statement that may hold a routine body (`DO`, `CREATE [OR REPLACE] FUNCTION|PROCEDURE`)
    /// is followed token by token to tell its body from other strings; the others are only
    /// followed to their ends.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let recordingUnits = units != nil
        let seeksBodies = depth < Self.maximumDepth
        // Keywords and names are written alike, so only recorded units need to tell them apart.
        SQLLexer.withCursor(over: bytes, classifyingKeywords: recordingUnits) { cursor in
            var nesting = StatementNesting()
            var isStatementStart = true
            // The statement being read, when it may hold a routine body.
            var routine: RoutineStatement?
            while let token = cursor.nextSignificant() {
                if isStatementStart {
                    routine = seeksBodies ? RoutineStatement(beginningWith: token, in: bytes) : nil
                }
                let isBody = routine?.follow(token, isTopLevel: nesting.isTopLevel, in: bytes) ?? false
                isStatementStart = nesting.endsStatement(token, in: bytes)
                let written = output.count
                let end = write(token, of: bytes, isBody: isBody)
                if end > token.end && routine != nil {
                    // A `UESCAPE` clause belongs to the token before it: a word and a string, which
                    // the statement follows too (they change no nesting).
                    cursor.position = token.end
                    while cursor.position < end, let clauseToken = cursor.nextSignificant() {
                        _ = routine?.follow(clauseToken, isTopLevel: nesting.isTopLevel, in: bytes)
                    }
                }
                if recordingUnits {
                    recordUnit(Token(kind: token.kind, start: token.start, end: end), writtenFrom: written, isRoutineBody: isBody)
                }
                cursor.position = end
            }
        }
    }

    /// Records the unit of `token`, whose canonical spelling was written from `written` on (after a
    /// space unless it comes first).
    @inline(never)
    private mutating func recordUnit(_ token: Token, writtenFrom written: Int, isRoutineBody: Bool) {
        let canonicalStart = written > start ? written + 1 : written
        units?.append(Unit(token: token, canonical: canonicalStart..<output.count, isRoutineBody: isRoutineBody))
    }

    /// Writes the significant token `token` in canonical spelling, after a space unless it comes
    /// first; returns where the text it stands for ends (after a `UESCAPE` clause it owns).
    @inline(__always)
    private mutating func write(_ token: Token, of bytes: UnsafeBufferPointer<UInt8>, isBody: Bool) -> Int {
        switch token.kind {
        case .keyword, .identifier, .number:
            // A number's letters (exponent, radix prefix, hex digits) do not change its value.
            output.appendToken(bytes, token, spaced: output.count > start, lowercasing: true)
            return token.end
        case .operator, .punctuation, .typecast, .parameter:
            output.appendToken(bytes, token, spaced: output.count > start, lowercasing: false)
            return token.end
        default:
            return writeQuotedOrError(token, of: bytes, isBody: isBody)
        }
    }

    /// `write` for the rarer tokens, kept out of line so the common ones' loop stays small.
    @inline(never)
    private mutating func writeQuotedOrError(_ token: Token, of bytes: UnsafeBufferPointer<UInt8>, isBody: Bool) -> Int {
        let spaced = output.count > start
        switch token.kind {
        case .quotedIdentifier:
            if spaced { output.append(UInt8(ascii: " ")) }
            let escape = unicodeEscapeClause(bytes, after: token)
            appendIdentifier(bytes, token, escape: escape?.character ?? UInt8(ascii: "\\"))
            return escape?.end ?? token.end
        case .string:
            if !isBody && bytes[token.start] == UInt8(ascii: "'"),
               let quoteCount = StringConstant.pairedQuoteCount(in: bytes, from: token.start + 1, to: token.end - 1) {
                appendPlainConstant(bytes, token, quoteCount: quoteCount, spaced: spaced)
                return token.end
            }
            if spaced { output.append(UInt8(ascii: " ")) }
            let escape = unicodeEscapeClause(bytes, after: token)
            appendString(bytes, token, escape: escape?.character ?? UInt8(ascii: "\\"), isBody: isBody)
            return escape?.end ?? token.end
        default:
            // The lexer gives the writer no comments or whitespace: errors are what come here.
            sawError = sawError || token.kind == .error
            output.appendToken(bytes, token, spaced: spaced, lowercasing: false)
            return token.end
        }
    }

    /// The token exactly as written.
    @inline(__always)
    private mutating func appendRaw(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) {
        if quotes == 1 {
            output.append(bytes, token.range)
        } else {
            StringConstant.appendMultiplying(UInt8(ascii: "'"), by: quotes, in: UnsafeBufferPointer(rebasing: bytes[token.range]), to: output)
        }
    }

    /// `"..."` or `U&"..."`: bare when the name needs no quotes, else `"..."` with `""` escapes.
    private mutating func appendIdentifier(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token, escape: UInt8) {
        let isUnicode = bytes[token.start] != UInt8(ascii: "\"")
        if !isUnicode {
            // No `""` inside (the common case): the name is the text between the quotes.
            let content = UnsafeBufferPointer(rebasing: bytes[(token.start + 1)..<(token.end - 1)])
            if !content.contains(UInt8(ascii: "\"")) {
                appendName(content)
                return
            }
        }
        var name: [UInt8] = []
        let contentStart = token.start + (isUnicode ? 3 : 1)
        var index = contentStart
        while index < token.end - 1 {
            name.append(bytes[index])
            index += bytes[index] == UInt8(ascii: "\"") ? 2 : 1
        }
        if isUnicode {
            var decoded: [UInt8] = []
            let valid = name.withUnsafeBufferPointer { UnicodeEscapes.decode($0, escape: escape, into: &decoded) }
            guard valid, !decoded.isEmpty else {
                appendRaw(bytes, token)
                return
            }
            name = decoded
        }
        name.withUnsafeBufferPointer { appendName($0) }
    }

    /// A quoted identifier's name: bare when it needs no quotes, else `"..."` with `""` escapes.
    private func appendName(_ name: UnsafeBufferPointer<UInt8>) {
        if Self.isPlainName(name) {
            output.append(name)
            return
        }
        output.append(UInt8(ascii: "\""))
        if quotes > 1 && name.contains(UInt8(ascii: "'")) {
            // A name inside a routine body: its single quotes are multiplied too.
            for byte in name {
                switch byte {
                case UInt8(ascii: "\""): output.append(byte, copies: 2)
                case UInt8(ascii: "'"): output.append(byte, copies: quotes)
                default: output.append(byte)
                }
            }
        } else {
            StringConstant.appendMultiplying(UInt8(ascii: "\""), by: 2, in: name, to: output)
        }
        output.append(UInt8(ascii: "\""))
    }

    /// A name that reads the same unquoted: `[a-z_][a-z0-9_$]*` and no keyword, or an unreserved
    /// one (PostgreSQL accepts those as names everywhere; the other categories are names only in
    /// some places, and `"char"` is even a different type from `char`).
    static func isPlainName(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = name.first, first == UInt8(ascii: "_") || (first >= 0x61 && first <= 0x7A) else { return false }
        for byte in name {
            let isLower = byte >= 0x61 && byte <= 0x7A
            let isDigit = byte >= 0x30 && byte <= 0x39
            guard isLower || isDigit || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") else { return false }
        }
        guard let base = name.baseAddress else { return false }
        let category = KeywordTable.shared.category(of: base, count: name.count)
        return category == nil || category == .unreserved
    }

    /// A `'...'` constant whose text between the quotes is ASCII with its quotes in pairs
    /// (`quoteCount` of them), as most are, after a space when `spaced`: its canonical spelling is
    /// its text with each quote written `quotes` times, so nothing is decoded.
    private func appendPlainConstant(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token, quoteCount: Int, spaced: Bool) {
        if quotes == 1 {
            output.appendToken(bytes, token, spaced: spaced, lowercasing: false)
            return
        }
        if quoteCount == 0 && quotes == 2 {
            // In a routine body: the text as written between one more quote on each side.
            output.appendToken(bytes, token, spaced: spaced, enclosedIn: UInt8(ascii: "'"))
            return
        }
        if spaced { output.append(UInt8(ascii: " ")) }
        StringConstant.appendMultiplying(UInt8(ascii: "'"), by: quotes, in: UnsafeBufferPointer(rebasing: bytes[token.range]), to: output)
    }

    private mutating func appendString(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token, escape: UInt8, isBody: Bool) {
        let notation = StringConstant.notation(of: bytes, start: token.start)
        if case .dollar(let delimiterLength) = notation {
            // The value is the text between the delimiters: no copy needed.
            let value = UnsafeBufferPointer(rebasing: bytes[(token.start + delimiterLength)..<(token.end - delimiterLength)])
            appendValue(value, isBody: isBody)
            return
        }
        if notation == .standard {
            // A constant with no `''` inside and no continuation segment has its text as its
            // value: no decoding or copy needed.
            let content = UnsafeBufferPointer(rebasing: bytes[(token.start + 1)..<(token.end - 1)])
            if !content.contains(UInt8(ascii: "'")) {
                appendValue(content, isBody: isBody)
                return
            }
        }
        value.removeAll(keepingCapacity: true)
        guard StringConstant.decode(bytes, start: token.start, end: token.end, notation: notation, unicodeEscape: escape, into: &value) else {
            appendRaw(bytes, token)
            return
        }
        // `value` is reused for the next constant; this one is consumed before that.
        let decoded = value
        decoded.withUnsafeBufferPointer { decoded in
            switch notation {
            case .bit, .hex, .national:
                let letter: UInt8 = notation == .bit ? UInt8(ascii: "B") : notation == .hex ? UInt8(ascii: "X") : UInt8(ascii: "N")
                output.append(letter)
                output.append(UInt8(ascii: "'"), copies: quotes)
                if notation == .hex {
                    output.append(decoded, 0..<decoded.count, lowercasing: true)
                } else {
                    StringConstant.appendMultiplying(UInt8(ascii: "'"), by: 2 * quotes, in: decoded, to: output)
                }
                output.append(UInt8(ascii: "'"), copies: quotes)
            default:
                appendValue(decoded, isBody: isBody)
            }
        }
    }

    /// A string value in canonical notation; a routine body normalized first.
    private mutating func appendValue(_ value: UnsafeBufferPointer<UInt8>, isBody: Bool) {
        if isBody && UTF8Validation.isValid(value) {
            // The body's canonical form is UTF-8 too, so the constant is `'...'`: the body is
            // written in place, between its quotes, unless it does not lex cleanly.
            let constantStart = output.count
            output.append(UInt8(ascii: "'"), copies: quotes)
            var body = CanonicalWriter(bodyAt: depth + 1, quotes: 2 * quotes, in: output)
            body.append(value)
            if !body.sawError {
                output.append(UInt8(ascii: "'"), copies: quotes)
                return
            }
            output.truncate(to: constantStart)
        } else if isBody {
            var body = CanonicalWriter(depth: depth + 1, capacity: value.count + value.count / 4)
            body.append(value)
            if !body.sawError {
                StringConstant.appendCanonical(body.output.bytes, quotes: quotes, to: output)
                return
            }
        }
        StringConstant.appendCanonical(value, quotes: quotes, to: output)
    }

    /// A `UESCAPE '<c>'` clause after the `U&` token `token`: the escape byte and where the clause
    /// ends. Nil when there is none (or it is malformed, so it stays as tokens).
    private func unicodeEscapeClause(_ bytes: UnsafeBufferPointer<UInt8>, after token: Token) -> (character: UInt8, end: Int)? {
        let first = bytes[token.start]
        guard first == UInt8(ascii: "u") || first == UInt8(ascii: "U") else { return nil }
        return SQLLexer.withCursor(over: bytes, at: token.end, classifyingKeywords: false) { cursor in
            guard let word = cursor.nextSignificant(), RoutineBodies.isWord(bytes, word, "uescape"),
                  let literal = cursor.nextSignificant(), literal.kind == .string, literal.end - literal.start == 3,
                  bytes[literal.start] == UInt8(ascii: "'"), UnicodeEscapes.isValidEscape(bytes[literal.start + 1])
            else { return nil }
            return (bytes[literal.start + 1], literal.end)
        }
    }
}
