/// The escapes of `U&'...'` strings and `U&"..."` identifiers: with escape character `\` (or the
/// one given by `UESCAPE`), `\XXXX`, `\+XXXXXX`, and `\\` for the escape character itself.
enum UnicodeEscapes {
    /// Appends the decoded `text`; false when an escape is invalid.
    static func decode(_ text: UnsafeBufferPointer<UInt8>, escape: UInt8, into value: inout [UInt8]) -> Bool {
        var index = 0
        var pendingHighSurrogate: UInt32?
        while index < text.count {
            let byte = text[index]
            guard byte == escape else {
                guard pendingHighSurrogate == nil else { return false }
                value.append(byte)
                index += 1
                continue
            }
            if index + 1 < text.count && text[index + 1] == escape {
                guard pendingHighSurrogate == nil else { return false }
                value.append(escape)
                index += 2
                continue
            }
            let isLong = index + 1 < text.count && text[index + 1] == UInt8(ascii: "+")
            let digitsStart = index + (isLong ? 2 : 1)
            let digits = isLong ? 6 : 4
            guard let code = hexValue(text, from: digitsStart, digits: digits, end: text.count) else { return false }
            index = digitsStart + digits
            if let high = pendingHighSurrogate {
                guard isLowSurrogate(code), appendScalar(combine(high, code), to: &value) else { return false }
                pendingHighSurrogate = nil
            } else if isHighSurrogate(code) {
                pendingHighSurrogate = code
            } else if !appendScalar(code, to: &value) {
                return false
            }
        }
        return pendingHighSurrogate == nil
    }

    /// Whether `byte` may be named by `UESCAPE` (scan.l's check_uescapechar).
    static func isValidEscape(_ byte: UInt8) -> Bool {
        BackslashEscapes.digitValue(byte) == nil && byte != UInt8(ascii: "+") && byte != UInt8(ascii: "'")
            && byte != UInt8(ascii: "\"") && ByteClass.table[Int(byte)] & ByteClass.space == 0 && byte < 0x80
    }

    static func isHighSurrogate(_ code: UInt32) -> Bool { (0xD800...0xDBFF).contains(code) }
    static func isLowSurrogate(_ code: UInt32) -> Bool { (0xDC00...0xDFFF).contains(code) }
    static func combine(_ high: UInt32, _ low: UInt32) -> UInt32 { 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00) }

    /// `digits` hex digits from `start`, or nil.
    static func hexValue(_ text: UnsafeBufferPointer<UInt8>, from start: Int, digits: Int, end: Int) -> UInt32? {
        guard start + digits <= end else { return nil }
        var code: UInt32 = 0
        for index in start..<(start + digits) {
            guard let digit = BackslashEscapes.digitValue(text[index]) else { return nil }
            code = code << 4 | UInt32(digit)
        }
        return code
    }

    /// Appends the UTF-8 of `code`; false for zero, a surrogate or a value beyond U+10FFFF,
    /// which PostgreSQL rejects.
    static func appendScalar(_ code: UInt32, to value: inout [UInt8]) -> Bool {
        guard code != 0, let scalar = Unicode.Scalar(code), let encoded = UTF8.encode(scalar) else { return false }
        value.append(contentsOf: encoded)
        return true
    }
}
