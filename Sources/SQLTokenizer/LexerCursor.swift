#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A position in a UTF-8 buffer that reads one token at a time, with one function per lexical form
/// of PostgreSQL's scanner (src/backend/parser/scan.l).
///
/// Every function advances `position` past at least one byte, so the tokens always cover the
/// buffer exactly; whatever PostgreSQL would reject becomes an `.error` token.
struct LexerCursor {
    private let base: UnsafePointer<UInt8>
    private let count: Int
    private let classes: UnsafePointer<UInt8>
    private let keywords: KeywordTable.Lookup
    /// False when every word may come back as `.identifier` (the caller treats both alike).
    private let classifiesKeywords: Bool
    /// The offset of the next token; a reader may move it to another token boundary.
    var position: Int

    init(base: UnsafePointer<UInt8>, count: Int, position: Int = 0, classes: UnsafePointer<UInt8>, keywords: KeywordTable.Lookup,
         classifiesKeywords: Bool = true) {
        self.base = base
        self.count = count
        self.position = position
        self.classes = classes
        self.keywords = keywords
        self.classifiesKeywords = classifiesKeywords
    }

    var isAtEnd: Bool { position >= count }

    /// Reads tokens up to the next significant one and returns it; nil at the end.
    @inline(__always)
    mutating func nextSignificant() -> Token? {
        while !isAtEnd {
            // Whitespace, before most tokens, is passed over without a token of its own.
            if classes[Int(base[position])] & ByteClass.space != 0 {
                _ = lexWhitespace()
                if isAtEnd { return nil }
            }
            let start = position
            let kind = nextKind()
            if kind.isSignificant { return Token(kind: kind, start: start, end: position) }
        }
        return nil
    }

    /// The byte at `index`, or 0 past the end (0 matches no test the lexer makes after a peek).
    @inline(__always)
    private func byte(at index: Int) -> UInt8 { index < count ? base[index] : 0 }

    @inline(__always)
    private func has(_ flag: UInt8, at index: Int) -> Bool {
        index < count && classes[Int(base[index])] & flag != 0
    }

    /// Reads the token at `position` and returns its kind; `position` moves to its end.
    @inline(__always)
    mutating func nextKind() -> TokenKind {
        let first = base[position]
        let flags = classes[Int(first)]
        if flags & ByteClass.space != 0 { return lexWhitespace() }
        // Names and one-byte punctuation are most tokens: they are read here, the rest out of
        // line. A letter before `'` or `&` may begin a constant (`E'...'`, `U&"..."`), so it goes
        // the long way too.
        if flags & ByteClass.identifierStart != 0 && byte(at: position + 1) | 1 != UInt8(ascii: "'") {
            return lexIdentifierOrKeyword()
        }
        if flags & ByteClass.punctuation != 0 {
            position += 1
            return .punctuation
        }
        // The `.` of a qualified name (not `.5` or `..`).
        if first == UInt8(ascii: "."), classes[Int(byte(at: position + 1))] & ByteClass.digit == 0, byte(at: position + 1) != UInt8(ascii: ".") {
            position += 1
            return .punctuation
        }
        return nextRarerKind(first, flags: flags)
    }

    /// `nextKind` for every token but whitespace, names and one-byte punctuation.
    @inline(never)
    private mutating func nextRarerKind(_ first: UInt8, flags: UInt8) -> TokenKind {
        switch first {
        case UInt8(ascii: "'"):
            position += 1
            return lexQuotedString(style: .standard)
        case UInt8(ascii: "\""):
            position += 1
            return lexQuotedIdentifier()
        case UInt8(ascii: "$"):
            return lexDollar()
        case UInt8(ascii: "-") where byte(at: position + 1) == UInt8(ascii: "-"):
            return lexLineComment()
        case UInt8(ascii: "/") where byte(at: position + 1) == UInt8(ascii: "*"):
            return lexBlockComment()
        case UInt8(ascii: "."):
            if has(ByteClass.digit, at: position + 1) { return lexNumber() }
            if byte(at: position + 1) == UInt8(ascii: ".") {
                position += 2
                return .operator
            }
            position += 1
            return .punctuation
        case UInt8(ascii: ":"):
            switch byte(at: position + 1) {
            case UInt8(ascii: ":"):
                position += 2
                return .typecast
            case UInt8(ascii: "="):
                position += 2
                return .operator
            default:
                position += 1
                return .punctuation
            }
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            if byte(at: position + 1) == UInt8(ascii: "&") {
                let quote = byte(at: position + 2)
                if quote == UInt8(ascii: "'") {
                    position += 3
                    return lexQuotedString(style: .standard)
                }
                if quote == UInt8(ascii: "\"") {
                    position += 3
                    return lexQuotedIdentifier()
                }
            }
            return lexIdentifierOrKeyword()
        case UInt8(ascii: "e"), UInt8(ascii: "E"):
            if byte(at: position + 1) == UInt8(ascii: "'") {
                position += 2
                return lexQuotedString(style: .escape)
            }
            return lexIdentifierOrKeyword()
        case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "x"), UInt8(ascii: "X"):
            if byte(at: position + 1) == UInt8(ascii: "'") {
                position += 2
                return lexQuotedString(style: .bits)
            }
            return lexIdentifierOrKeyword()
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            if byte(at: position + 1) == UInt8(ascii: "'") {
                position += 2
                return lexQuotedString(style: .standard)
            }
            return lexIdentifierOrKeyword()
        default:
            if flags & ByteClass.identifierStart != 0 { return lexIdentifierOrKeyword() }
            if flags & ByteClass.digit != 0 { return lexNumber() }
            if flags & ByteClass.operatorCharacter != 0 { return lexOperator() }
            position += 1
            return flags & ByteClass.punctuation != 0 ? .punctuation : .error
        }
    }

    // MARK: Whitespace and comments

    @inline(__always)
    private mutating func lexWhitespace() -> TokenKind {
        // Mostly one space between tokens, or a line break and indentation, taken eight spaces at
        // a time.
        var index = position &+ 1
        while index < count && classes[Int(base[index])] & ByteClass.space != 0 {
            if index &+ 8 <= count && UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 {
                index &+= 8
            } else {
                index &+= 1
            }
        }
        position = index
        return .whitespace
    }

    private mutating func lexLineComment() -> TokenKind {
        position = endOfLine(from: position + 2)
        return .comment
    }

    /// The offset of the next `\n` or `\r` at or after `index`, or the end.
    @inline(__always)
    private func endOfLine(from index: Int) -> Int {
        var index = index
        while index < count {
            let byte = base[index]
            if byte == 0x0A || byte == 0x0D { break }
            index += 1
        }
        return index
    }

    /// `/* ... */`, nested as PostgreSQL nests them; unterminated, it is an error to the end.
    private mutating func lexBlockComment() -> TokenKind {
        position += 2
        var depth = 1
        while position < count {
            let byte = base[position]
            if byte == UInt8(ascii: "*") && self.byte(at: position + 1) == UInt8(ascii: "/") {
                position += 2
                depth -= 1
                if depth == 0 { return .comment }
            } else if byte == UInt8(ascii: "/") && self.byte(at: position + 1) == UInt8(ascii: "*") {
                position += 2
                depth += 1
            } else {
                position += 1
            }
        }
        return .error
    }

    // MARK: Names

    /// Moves past `ident_cont` bytes; a byte >= 0x80 must begin a valid UTF-8 sequence.
    @inline(__always)
    private mutating func skipIdentifierContinuation() {
        // A local index keeps the loop in registers.
        var index = position
        defer { position = index }
        // Eight bytes at a time while they are ASCII name characters; the first other byte ends
        // the name, unless it is >= 0x80, which the byte loop checks as UTF-8.
        while index &+ 8 <= count {
            let others = Self.nonNameBytes(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            if others == 0 {
                index &+= 8
                continue
            }
            index &+= others.trailingZeroBitCount / 8
            if base[index] < 0x80 { return }
            break
        }
        while index < count {
            let byte = base[index]
            if byte < 0x80 {
                if classes[Int(byte)] & ByteClass.identifierContinue == 0 { return }
                index += 1
            } else {
                let length = utf8SequenceLength(at: index)
                if length == 0 { return }
                index += length
            }
        }
    }

    /// The high bit set in each byte of `word` (little-endian) that is not an ASCII `ident_cont`
    /// character (`[A-Za-z0-9_$]`): other ASCII bytes and every byte >= 0x80.
    @inline(__always)
    private static func nonNameBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high = 0x80 * ones
        // Each byte's low seven bits: sums below neither carry into the next byte nor wrap.
        let heptets = word & (0x7F * ones)
        // The high bit of `heptets + (0x80 - low)` is set where the byte is at least `low`.
        let folded = heptets | (0x20 * ones)
        let letters = (folded &+ ((0x80 - 0x61) * ones)) & ~(folded &+ ((0x80 - 0x7B) * ones))
        let digits = (heptets &+ ((0x80 - 0x30) * ones)) & ~(heptets &+ ((0x80 - 0x3A) * ones))
        // The high bit of `0x80 - t` is set where `t` is zero.
        let underscores = (high &- (heptets ^ (0x5F * ones)))
        let dollars = (high &- (heptets ^ (0x24 * ones)))
        let nameBytes = (letters | digits | underscores | dollars) & ~word & high
        return ~nameBytes & high
    }

    @inline(__always)
    private mutating func lexIdentifierOrKeyword() -> TokenKind {
        let start = position
        skipIdentifierContinuation()
        if position == start {
            // A byte that cannot begin a UTF-8 sequence where a name would start.
            position += 1
            return .error
        }
        guard classifiesKeywords else { return .identifier }
        let category = keywords.category(of: base + start, count: position - start, readable: count - start)
        return category == nil ? .identifier : .keyword
    }

    /// `"..."` with `""` for a quote, after the opening quote; empty or unterminated is an error.
    private mutating func lexQuotedIdentifier() -> TokenKind {
        let contentStart = position
        while position < count {
            if base[position] == UInt8(ascii: "\"") {
                if byte(at: position + 1) == UInt8(ascii: "\"") {
                    position += 2
                    continue
                }
                position += 1
                return position - 1 == contentStart ? .error : .quotedIdentifier
            }
            position += 1
        }
        return .error
    }

    /// The length of the valid UTF-8 sequence at `index`, or 0.
    @inline(__always)
    private func utf8SequenceLength(at index: Int) -> Int {
        UTF8Validation.sequenceLength(UnsafeBufferPointer(start: base, count: count), at: index)
    }

    // MARK: String constants

    /// How a quoted string's body is read.
    enum StringStyle {
        /// `'...'`, `N'...'`, `U&'...'`: `''` is a quote.
        case standard
        /// `E'...'`: `''` or a backslash escape.
        case escape
        /// `B'...'`, `X'...'`: no escapes at all.
        case bits
    }

    /// A quoted string after its opening quote, with every continuation segment PostgreSQL joins
    /// to it (a following `'...'` separated by whitespace that contains a newline).
    private mutating func lexQuotedString(style: StringStyle) -> TokenKind {
        while true {
            guard skipStringBody(style: style) else { return .error }
            guard let quote = continuationQuote(after: position) else { return .string }
            position = quote + 1
        }
    }

    /// Moves past the body and the closing quote; false (at the end) when unterminated.
    @inline(__always)
    private mutating func skipStringBody(style: StringStyle) -> Bool {
        while position < count {
            skipToQuoteOrBackslash()
            guard position < count else { break }
            let byte = base[position]
            if byte == UInt8(ascii: "'") {
                position += 1
                if style != .bits && self.byte(at: position) == UInt8(ascii: "'") {
                    position += 1
                    continue
                }
                return true
            }
            position += (style == .escape && byte == UInt8(ascii: "\\")) ? 2 : 1
        }
        position = count
        return false
    }

    /// Moves eight bytes at a time while they hold no quote or backslash, up to the last whole word.
    @inline(__always)
    private mutating func skipToQuoteOrBackslash() {
        while position &+ 8 <= count {
            let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
            let marks = WordBytes.marks(of: UInt8(ascii: "'"), in: word) | WordBytes.marks(of: UInt8(ascii: "\\"), in: word)
            if marks != 0 {
                position &+= marks.trailingZeroBitCount / 8
                return
            }
            position &+= 8
        }
    }

    /// The offset of the quote that continues a string constant ending at `index`: whitespace and
    /// `--` comments that include a newline, then `'` (scan.l's `quotecontinue`).
    func continuationQuote(after index: Int) -> Int? {
        var index = index
        var sawNewline = false
        while index < count {
            let byte = base[index]
            if byte == 0x0A || byte == 0x0D {
                sawNewline = true
                index += 1
            } else if classes[Int(byte)] & ByteClass.space != 0 {
                index += 1
            } else if byte == UInt8(ascii: "-") && self.byte(at: index + 1) == UInt8(ascii: "-") {
                index = endOfLine(from: index + 2)
            } else {
                break
            }
        }
        return sawNewline && byte(at: index) == UInt8(ascii: "'") ? index : nil
    }

    // MARK: Dollar signs

    /// `$1` (a parameter), `$tag$...$tag$` (a dollar-quoted string), or a lone `$` (an error).
    private mutating func lexDollar() -> TokenKind {
        let start = position
        if has(ByteClass.digit, at: start + 1) {
            position = start + 1
            skipDecimalDigits()
            return finishNumeric(.parameter)
        }
        var tagEnd = start + 1
        if has(ByteClass.identifierStart, at: tagEnd) {
            tagEnd += 1
            while has(ByteClass.dollarTagContinue, at: tagEnd) { tagEnd += 1 }
        }
        guard byte(at: tagEnd) == UInt8(ascii: "$") else {
            // scan.l's dolqfailed: only the `$` is consumed; what follows is read afresh.
            position = start + 1
            return .error
        }
        let delimiterLength = tagEnd + 1 - start
        position = tagEnd + 1
        // Bodies are long and `$` is rare in them: memchr's vector search finds each candidate.
        while position < count, let found = memchr(base + position, Int32(UInt8(ascii: "$")), count - position) {
            position = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
            if position + delimiterLength <= count && memoryEqual(base + position, base + start, delimiterLength) {
                position += delimiterLength
                return .string
            }
            position += 1
        }
        position = count
        return .error
    }

    @inline(__always)
    private func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        for offset in 0..<length where a[offset] != b[offset] { return false }
        return true
    }

    // MARK: Numbers

    /// `decinteger`: a digit, then digits each optionally preceded by one `_`. Needs a digit at `position`.
    @inline(__always)
    private mutating func skipDecimalDigits() {
        skipDigits(.decimal)
    }

    /// Integers in decimal, hex, octal or binary; decimals; exponents (PostgreSQL 16's rules).
    private mutating func lexNumber() -> TokenKind {
        let start = position
        if base[start] == UInt8(ascii: "0"), let radixDigit = Self.radixDigitClass(byte(at: start + 1)) {
            position = start + 2
            let digitsStart = position
            if byte(at: position) == UInt8(ascii: "_") && has(radixDigit.flag, at: position + 1) { position += 1 }
            if has(radixDigit.flag, at: position) && radixDigit.accepts(base[position]) {
                skipDigits(radixDigit)
                return finishNumeric(.number)
            }
            // scan.l's hexfail/octfail/binfail.
            position = digitsStart
            if byte(at: position) == UInt8(ascii: "_") { position += 1 }
            skipIdentifierContinuation()
            return .error
        }
        if base[start] != UInt8(ascii: ".") { skipDecimalDigits() }
        if byte(at: position) == UInt8(ascii: ".") {
            // `1..10` is the integer 1 followed by `..` (scan.l's numericfail).
            if byte(at: position + 1) == UInt8(ascii: ".") { return .number }
            position += 1
            if has(ByteClass.digit, at: position) { skipDecimalDigits() }
        }
        let exponent = byte(at: position)
        if exponent == UInt8(ascii: "e") || exponent == UInt8(ascii: "E") {
            var digits = position + 1
            let sign = byte(at: digits)
            if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                digits += 1
                if !has(ByteClass.digit, at: digits) {
                    // scan.l's realfail: `1e+` with no digits.
                    position = digits
                    return .error
                }
            }
            if has(ByteClass.digit, at: digits) {
                position = digits
                skipDecimalDigits()
            }
        }
        return finishNumeric(.number)
    }

    /// A number or parameter immediately followed by a name character is one error token
    /// (scan.l's `*_junk` rules), which swallows the rest of that name.
    @inline(__always)
    private mutating func finishNumeric(_ kind: TokenKind) -> TokenKind {
        guard has(ByteClass.identifierStart, at: position) else { return kind }
        let before = position
        skipIdentifierContinuation()
        // Invalid UTF-8 after a number is an error of its own, not junk of the number.
        return position == before ? kind : .error
    }

    /// The digits allowed after `0x`, `0o` or `0b`.
    struct RadixDigits {
        let flag: UInt8
        let limit: UInt8

        static let decimal = RadixDigits(flag: ByteClass.digit, limit: UInt8(ascii: "9"))

        @inline(__always)
        func accepts(_ byte: UInt8) -> Bool { byte <= limit || flag == ByteClass.hexDigit }
    }

    private static func radixDigitClass(_ prefix: UInt8) -> RadixDigits? {
        switch prefix {
        case UInt8(ascii: "x"), UInt8(ascii: "X"): RadixDigits(flag: ByteClass.hexDigit, limit: 0)
        case UInt8(ascii: "o"), UInt8(ascii: "O"): RadixDigits(flag: ByteClass.digit, limit: UInt8(ascii: "7"))
        case UInt8(ascii: "b"), UInt8(ascii: "B"): RadixDigits(flag: ByteClass.digit, limit: UInt8(ascii: "1"))
        default: nil
        }
    }

    /// Digits, each optionally preceded by a single `_`.
    @inline(__always)
    private mutating func skipDigits(_ digits: RadixDigits) {
        while true {
            if has(digits.flag, at: position) && digits.accepts(base[position]) {
                position += 1
            } else if byte(at: position) == UInt8(ascii: "_") && has(digits.flag, at: position + 1)
                        && digits.accepts(base[position + 1]) {
                position += 2
            } else {
                return
            }
        }
    }

    // MARK: Operators

    /// A run of operator characters, cut at an embedded `/*` or `--`, and stripped of a trailing
    /// `+`/`-` unless it contains one of `~ ! @ # ^ & | \` ? %` (so `x*-1` is `*`, `-`, `1`).
    private mutating func lexOperator() -> TokenKind {
        let start = position
        var end = start + 1
        while end < count && classes[Int(base[end])] & ByteClass.operatorCharacter != 0 {
            let byte = base[end]
            let next = self.byte(at: end + 1)
            if (byte == UInt8(ascii: "-") && next == UInt8(ascii: "-")) || (byte == UInt8(ascii: "/") && next == UInt8(ascii: "*")) {
                break
            }
            end += 1
        }
        var length = end - start
        let last = base[start + length - 1]
        if length > 1 && (last == UInt8(ascii: "+") || last == UInt8(ascii: "-")) {
            var qualifies = false
            for offset in 0..<(length - 1) {
                switch base[start + offset] {
                case UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "@"), UInt8(ascii: "#"), UInt8(ascii: "^"),
                     UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "`"), UInt8(ascii: "?"), UInt8(ascii: "%"):
                    qualifies = true
                default:
                    break
                }
                if qualifies { break }
            }
            if !qualifies {
                repeat { length -= 1 } while length > 1 && (base[start + length - 1] == UInt8(ascii: "+") || base[start + length - 1] == UInt8(ascii: "-"))
            }
        }
        position = start + length
        return .operator
    }
}
