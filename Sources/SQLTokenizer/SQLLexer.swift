/// PostgreSQL's lexical rules over UTF-8 bytes: text in, tokens (kind and byte range) out.
public enum SQLLexer {
    /// The tokens of `bytes`, which cover it exactly: no gap, no overlap, in order.
    ///
    /// Never fails: what PostgreSQL would reject becomes `.error` tokens and reading goes on.
    /// - Complexity: O(n) in the number of bytes.
    public static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        // Catalog definitions average several bytes a token; growing past this is rare.
        tokens.reserveCapacity(bytes.count / 6 + 8)
        // Tokens go to a small batch first and into the array in bulk: appending one at a time
        // costs a uniqueness and capacity check per token.
        let batchSize = 256
        let batch = UnsafeMutableBufferPointer<Token>.allocate(capacity: batchSize)
        defer { batch.deallocate() }
        var batched = 0
        forEachToken(in: bytes) { token in
            batch.initializeElement(at: batched, to: token)
            batched += 1
            if batched == batchSize {
                tokens.append(contentsOf: batch)
                batched = 0
            }
        }
        tokens.append(contentsOf: batch[0..<batched])
        return tokens
    }

    /// The tokens of `text`, as byte offsets into `text.utf8`.
    public static func tokenize(_ text: String) -> [Token] {
        var text = text
        return text.withUTF8 { tokenize($0) }
    }

    /// Calls `body` with each token of `bytes` in order, without collecting them.
    @inline(__always)
    public static func forEachToken(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Token) throws -> Void) rethrows {
        try forEachToken(in: bytes, classifyingKeywords: true, body)
    }

    /// Calls `body` with each token of `bytes`; words are all `.identifier` unless `classifyingKeywords`.
    @inline(__always)
    static func forEachToken(in bytes: UnsafeBufferPointer<UInt8>, classifyingKeywords: Bool, _ body: (Token) throws -> Void) rethrows {
        try withCursor(over: bytes, classifyingKeywords: classifyingKeywords) { cursor in
            while !cursor.isAtEnd {
                let tokenStart = cursor.position
                let kind = cursor.nextKind()
                try body(Token(kind: kind, start: tokenStart, end: cursor.position))
            }
        }
    }

    /// Calls `body` with a cursor at `position` in `bytes` (which must be a token boundary), for
    /// readers that lex as they go; words are all `.identifier` unless `classifyingKeywords`.
    @inline(__always)
    static func withCursor<Result>(
        over bytes: UnsafeBufferPointer<UInt8>, at position: Int = 0, classifyingKeywords: Bool,
        _ body: (inout LexerCursor) throws -> Result
    ) rethrows -> Result {
        try KeywordTable.shared.withLookup { keywords in
            try ByteClass.table.withUnsafeBufferPointer { classes in
                // The table has 256 entries, so its base address exists; an empty text has no
                // address but no byte is read from it either.
                var cursor = LexerCursor(base: bytes.baseAddress ?? classes.baseAddress!, count: bytes.count, position: position,
                                         classes: classes.baseAddress!, keywords: keywords, classifiesKeywords: classifyingKeywords)
                return try body(&cursor)
            }
        }
    }

    /// The grammar category of `word` if PostgreSQL 18 treats it as a keyword (ASCII case
    /// ignored), or nil for an ordinary name.
    public static func keywordCategory(of word: some StringProtocol) -> KeywordCategory? {
        var bytes = Array(word.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return KeywordTable.shared.category(of: base, count: buffer.count)
        }
    }
}
