#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading the value of a string constant token, whatever its notation, and writing a value back
/// in the one notation the canonical form uses.
enum StringConstant {
    /// The way a string constant token was written.
    enum Notation: Equatable {
        /// `'...'`
        case standard
        /// `E'...'`
        case escape
        /// `N'...'`
        case national
        /// `U&'...'`
        case unicode
        /// `B'...'`
        case bit
        /// `X'...'`
        case hex
        /// `$tag$...$tag$`, with the byte length of the whole delimiter.
        case dollar(delimiterLength: Int)
    }

    /// The notation of the string token at `start` (which the lexer produced, so it is well formed).
    static func notation(of bytes: UnsafeBufferPointer<UInt8>, start: Int) -> Notation {
        switch bytes[start] {
        case UInt8(ascii: "'"): return .standard
        case UInt8(ascii: "e"), UInt8(ascii: "E"): return .escape
        case UInt8(ascii: "n"), UInt8(ascii: "N"): return .national
        case UInt8(ascii: "u"), UInt8(ascii: "U"): return .unicode
        case UInt8(ascii: "b"), UInt8(ascii: "B"): return .bit
        case UInt8(ascii: "x"), UInt8(ascii: "X"): return .hex
        default:
            var index = start + 1
            while bytes[index] != UInt8(ascii: "$") { index += 1 }
            return .dollar(delimiterLength: index + 1 - start)
        }
    }

    /// Appends the value of the string token `start..<end` to `value`; `unicodeEscape` is the
    /// escape byte of a `U&` string. False when an escape is invalid (the value is then partial).
    static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, notation: Notation, unicodeEscape: UInt8,
        into value: inout [UInt8]
    ) -> Bool {
        var spans = NoSourceSpans()
        return decode(bytes, start: start, end: end, notation: notation, unicodeEscape: unicodeEscape, into: &value, spans: &spans)
    }

    /// Like `decode(_:start:end:notation:unicodeEscape:into:)`, also telling `spans` which source
    /// bytes each value byte came from; a `U&` constant is given as one span for the whole token.
    static func decode<Spans: SourceSpanRecorder>(
        _ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, notation: Notation, unicodeEscape: UInt8,
        into value: inout [UInt8], spans: inout Spans
    ) -> Bool {
        switch notation {
        case .dollar(let delimiterLength):
            let body = (start + delimiterLength)..<(end - delimiterLength)
            value.append(contentsOf: bytes[body])
            for offset in body { spans.record(1, from: offset..<(offset + 1)) }
            return true
        case .standard:
            return decodeSegments(bytes, quote: start, end: end, style: .standard, into: &value, spans: &spans)
        case .national, .bit, .hex:
            return decodeSegments(bytes, quote: start + 1, end: end, style: notation == .national ? .standard : .bits, into: &value, spans: &spans)
        case .escape:
            return decodeSegments(bytes, quote: start + 1, end: end, style: .escape, into: &value, spans: &spans)
        case .unicode:
            var escaped: [UInt8] = []
            var ignored = NoSourceSpans()
            guard decodeSegments(bytes, quote: start + 2, end: end, style: .standard, into: &escaped, spans: &ignored) else { return false }
            let before = value.count
            let valid = escaped.withUnsafeBufferPointer { UnicodeEscapes.decode($0, escape: unicodeEscape, into: &value) }
            // Escapes were decoded in two passes: the constant as a whole is each byte's source.
            spans.record(value.count - before, from: start..<end)
            return valid
        }
    }

    /// The quoted segments from the quote at `quote` to `end`, joined (a constant continued across
    /// lines is one value).
    private static func decodeSegments<Spans: SourceSpanRecorder>(
        _ bytes: UnsafeBufferPointer<UInt8>, quote: Int, end: Int, style: LexerCursor.StringStyle, into value: inout [UInt8],
        spans: inout Spans
    ) -> Bool {
        var index = quote + 1
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "'") {
                if style != .bits && index + 1 < end && bytes[index + 1] == UInt8(ascii: "'") {
                    value.append(byte)
                    spans.record(1, from: index..<(index + 2))
                    index += 2
                    continue
                }
                index = nextSegmentQuote(bytes, after: index + 1, end: end) + 1
            } else if style == .escape && byte == UInt8(ascii: "\\") {
                let before = value.count
                guard let next = BackslashEscapes.decode(bytes, at: index, end: end, into: &value) else { return false }
                spans.record(value.count - before, from: index..<next)
                index = next
            } else {
                value.append(byte)
                spans.record(1, from: index..<(index + 1))
                index += 1
            }
        }
        return true
    }

    /// The opening quote of the next segment (skipping whitespace and `--` comments), or `end`.
    private static func nextSegmentQuote(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int, end: Int) -> Int {
        var index = index
        while index < end && bytes[index] != UInt8(ascii: "'") {
            if bytes[index] == UInt8(ascii: "-") && index + 1 < end && bytes[index + 1] == UInt8(ascii: "-") {
                while index < end && bytes[index] != 0x0A && bytes[index] != 0x0D { index += 1 }
            } else {
                index += 1
            }
        }
        return index
    }

    /// The number of quotes in `bytes[start..<end]`, the text between the quotes of a `'...'`
    /// constant, when it is ASCII with its quotes in `''` pairs, which also means one segment (the
    /// quotes around a continuation are no pair); nil otherwise. The canonical constant is then
    /// that text with each quote written `quotes` times: what `appendCanonical` writes for its
    /// value, in which each pair is one quote.
    static func pairedQuoteCount(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard let base = bytes.baseAddress else { return 0 }
        var quoteCount = 0
        var index = start
        while index < end {
            if index &+ 8 <= bytes.count {
                // Eight bytes at once: the first quote or byte >= 0x80 among those inside the text,
                // if any (a borrow may mark bytes after a quote, never before it).
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                var marks = WordBytes.marks(of: UInt8(ascii: "'"), in: word) | (word & 0x8080_8080_8080_8080)
                if end &- index < 8 { marks &= (1 &<< UInt64((end &- index) &* 8)) &- 1 }
                if marks == 0 {
                    index &+= 8
                    continue
                }
                index &+= marks.trailingZeroBitCount / 8
            }
            let byte = base[index]
            if byte >= 0x80 { return nil }
            if byte == UInt8(ascii: "'") {
                guard index &+ 1 < end, base[index &+ 1] == UInt8(ascii: "'") else { return nil }
                quoteCount &+= 2
                index &+= 2
            } else {
                index &+= 1
            }
        }
        return quoteCount
    }

    /// Appends `value` as the canonical constant: `'...'` with `''` for a quote when it is valid
    /// UTF-8, else `E'...'` with `\xHH` for each byte outside valid UTF-8. Each quote this writes
    /// is written `quotes` times: once at the top level, more inside routine bodies written in
    /// place (see `CanonicalWriter`).
    static func appendCanonical(_ value: UnsafeBufferPointer<UInt8>, quotes: Int, to output: ByteBuffer) {
        let quote = UInt8(ascii: "'")
        if UTF8Validation.isValid(value) {
            output.append(quote, copies: quotes)
            appendMultiplying(quote, by: 2 * quotes, in: value, to: output)
            output.append(quote, copies: quotes)
            return
        }
        output.append(UInt8(ascii: "E"))
        output.append(quote, copies: quotes)
        var index = 0
        while index < value.count {
            let length = UTF8Validation.sequenceLength(value, at: index)
            if length == 0 {
                let byte = value[index]
                for escaped in [UInt8(ascii: "\\"), UInt8(ascii: "x"), hexDigit(byte >> 4), hexDigit(byte & 0xF)] {
                    output.append(escaped)
                }
                index += 1
                continue
            }
            switch value[index] {
            case quote: output.append(quote, copies: 2 * quotes)
            case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"), copies: 2)
            default: output.append(value, index..<(index + length))
            }
            index += length
        }
        output.append(quote, copies: quotes)
    }

    /// Appends `text` with every `quote` byte written `copies` times.
    static func appendMultiplying(_ quote: UInt8, by copies: Int, in text: UnsafeBufferPointer<UInt8>, to output: ByteBuffer) {
        guard let base = text.baseAddress else { return }
        if text.count < 16 {
            // Short values are most constants: a loop costs less than calls to memchr.
            output.appendMultiplying(quote, by: copies, in: text)
            return
        }
        var runStart = 0
        // Quotes are rare in long values (routine bodies): memchr's vector search finds each one.
        while runStart < text.count, let found = memchr(base + runStart, Int32(quote), text.count - runStart) {
            let index = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
            output.append(text, runStart..<index)
            output.append(quote, copies: copies)
            runStart = index + 1
        }
        output.append(text, runStart..<text.count)
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
