/// The backslash escapes of `E'...'` strings: `\b \f \n \r \t`, octal `\ooo`, `\xHH`, `\uXXXX`,
/// `\UXXXXXXXX`, and a backslash before any other byte standing for that byte.
enum BackslashEscapes {
    /// Decodes the escape whose backslash is at `index`, appends its bytes and returns the offset
    /// after it; nil for an invalid Unicode escape.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int, into value: inout [UInt8]) -> Int? {
        guard index + 1 < end else { return nil }
        let letter = bytes[index + 1]
        switch letter {
        case UInt8(ascii: "b"): value.append(0x08)
        case UInt8(ascii: "f"): value.append(0x0C)
        case UInt8(ascii: "n"): value.append(0x0A)
        case UInt8(ascii: "r"): value.append(0x0D)
        case UInt8(ascii: "t"): value.append(0x09)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var code = 0
            var next = index + 1
            while next < end && next < index + 4, let digit = digitValue(bytes[next]), digit < 8 {
                code = code * 8 + digit
                next += 1
            }
            value.append(UInt8(truncatingIfNeeded: code))
            return next
        case UInt8(ascii: "x"):
            var code = 0
            var next = index + 2
            while next < end && next < index + 4, let digit = digitValue(bytes[next]) {
                code = code * 16 + digit
                next += 1
            }
            if next == index + 2 {
                value.append(letter)
            } else {
                value.append(UInt8(truncatingIfNeeded: code))
            }
            return next
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            return decodeUnicode(bytes, at: index, end: end, into: &value)
        default:
            value.append(letter)
        }
        return index + 2
    }

    /// `\uXXXX` or `\UXXXXXXXX`, a UTF-16 surrogate pair being two `\u` escapes.
    private static func decodeUnicode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int, into value: inout [UInt8]) -> Int? {
        guard let (first, next) = hexEscape(bytes, at: index, end: end) else { return nil }
        if UnicodeEscapes.isHighSurrogate(first) {
            guard let (second, after) = hexEscape(bytes, at: next, end: end), UnicodeEscapes.isLowSurrogate(second) else { return nil }
            return UnicodeEscapes.appendScalar(UnicodeEscapes.combine(first, second), to: &value) ? after : nil
        }
        return UnicodeEscapes.appendScalar(first, to: &value) ? next : nil
    }

    /// The code point of `\uXXXX` or `\UXXXXXXXX` at `index`, and the offset after it.
    private static func hexEscape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (UInt32, Int)? {
        guard index + 1 < end, bytes[index] == UInt8(ascii: "\\") else { return nil }
        let digits: Int
        switch bytes[index + 1] {
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        default: return nil
        }
        return UnicodeEscapes.hexValue(bytes, from: index + 2, digits: digits, end: end).map { ($0, index + 2 + digits) }
    }

    /// The value of a hex digit, or nil.
    static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
