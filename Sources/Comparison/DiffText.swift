import SQLTokenizer

/// One side of a definition diff: the original text split into lines (as UTF-8 byte ranges) and
/// its significant tokens, computed once and shared by the line diff and the token alignment.
struct DiffText: Sendable {
    /// The text's UTF-8 bytes.
    let bytes: [UInt8]
    /// Byte range of each line, without its line break. A final line break does not start an
    /// empty last line.
    let lines: [Range<Int>]
    /// The tokens that carry meaning (no whitespace or comments), with their canonical spelling.
    let tokens: [CanonicalToken]

    /// Splits `text` and takes its tokens from the normalizer.
    init(_ text: String) {
        self.init(text, tokens: SQLNormalizer.significantTokens(of: text))
    }

    /// Splits `text`, reusing tokens already computed for it.
    init(_ text: String, tokens: [CanonicalToken]) {
        bytes = Array(text.utf8)
        var lines: [Range<Int>] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lines.append(start..<offset)
            start = offset + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        self.lines = lines
        self.tokens = tokens
    }

    /// The text of line `index`.
    func lineText(_ index: Int) -> String {
        String(decoding: bytes[lines[index]], as: UTF8.self)
    }

    /// The index of the line holding byte `offset` (the last line for offsets past the end).
    func lineIndex(containing offset: Int) -> Int {
        var low = 0, high = lines.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lines[middle].lowerBound <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Per line, the codes (from `tokenCodes`, one per token) of the tokens that start on it, in
    /// order: what the line says once formatting is set aside. A token spanning several lines
    /// keys only the line it starts on; a line holding only comments or whitespace has an empty key.
    ///
    /// Complexity: O(lines + tokens) for tokens sorted by position (the normalizer's order); a token
    /// out of order costs a binary search.
    func lineKeys(tokenCodes: [Int]) -> [[Int]] {
        var keys = [[Int]](repeating: [], count: lines.count)
        var line = 0
        for (token, code) in zip(tokens, tokenCodes) where !lines.isEmpty {
            let start = token.token.start
            if start < lines[line].lowerBound {
                line = lineIndex(containing: start)
            }
            // A token starting on a line break belongs to the line the break ends.
            while line + 1 < lines.count, lines[line + 1].lowerBound <= start { line += 1 }
            keys[line].append(code)
        }
        return keys
    }

    /// Per line, the byte ranges (relative to the line) covered by the tokens at `tokenIndices`;
    /// a token spanning several lines (a multi-line string) is marked on each of them.
    func marks(ofTokens tokenIndices: [Int]) -> [[ByteRange]] {
        var marks = [[ByteRange]](repeating: [], count: lines.count)
        guard !lines.isEmpty else { return marks }
        for tokenIndex in tokenIndices {
            let token = tokens[tokenIndex].token
            var line = lineIndex(containing: token.start)
            while line < lines.count, lines[line].lowerBound < max(token.end, token.start + 1) {
                let range = lines[line]
                let start = max(token.start, range.lowerBound), end = min(token.end, range.upperBound)
                if start < end {
                    marks[line].append(ByteRange(start: start - range.lowerBound, end: end - range.lowerBound))
                }
                line += 1
            }
        }
        return marks
    }
}
