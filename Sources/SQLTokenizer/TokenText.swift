/// Comparisons of a token's bytes with a known word, without making a `String`.
enum TokenText {
    /// Whether the token's bytes equal `word` (lower-case ASCII) ignoring ASCII case.
    @inline(__always)
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token, _ word: StaticString) -> Bool {
        guard token.end - token.start == word.utf8CodeUnitCount else { return false }
        let letters = word.utf8Start
        for offset in 0..<word.utf8CodeUnitCount {
            var byte = bytes[token.start + offset]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte != letters[offset] { return false }
        }
        return true
    }

    /// Whether the token is the one-byte punctuation `mark`.
    @inline(__always)
    static func isPunctuation(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token, _ mark: UInt8) -> Bool {
        token.kind == .punctuation && bytes[token.start] == mark
    }
}
