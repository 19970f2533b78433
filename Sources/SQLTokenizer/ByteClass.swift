/// Per-byte lexical classes as bit flags, looked up in a 256-entry table so the lexer's hot loop
/// tests a class with one load and one mask.
enum ByteClass {
    /// `[A-Za-z_]` and every byte >= 0x80: may start an identifier (scan.l's `ident_start`).
    static let identifierStart: UInt8 = 1 << 0
    /// `ident_start`, digits and `$` (scan.l's `ident_cont`).
    static let identifierContinue: UInt8 = 1 << 1
    /// `[0-9]`.
    static let digit: UInt8 = 1 << 2
    /// Space, tab, newline, carriage return, form feed, vertical tab.
    static let space: UInt8 = 1 << 3
    /// `~ ! @ # ^ & | \` ? + - * / % < > =` (scan.l's `op_chars`).
    static let operatorCharacter: UInt8 = 1 << 4
    /// `( ) [ ] , ;`: always a one-byte token.
    static let punctuation: UInt8 = 1 << 5
    /// May continue a dollar-quote tag: `ident_cont` without `$`.
    static let dollarTagContinue: UInt8 = 1 << 6
    /// `[0-9A-Fa-f]`.
    static let hexDigit: UInt8 = 1 << 7

    /// The class flags of every byte value.
    static let table: [UInt8] = (0..<256).map { (value: Int) -> UInt8 in
        let byte = UInt8(value)
        var flags: UInt8 = 0
        let isLetter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        let isDigit = byte >= 0x30 && byte <= 0x39
        if isLetter || byte == UInt8(ascii: "_") || byte >= 0x80 {
            flags |= identifierStart | identifierContinue | dollarTagContinue
        }
        if isDigit { flags |= digit | identifierContinue | dollarTagContinue | hexDigit }
        if byte == UInt8(ascii: "$") { flags |= identifierContinue }
        if (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66) { flags |= hexDigit }
        let spaces: [UInt8] = [0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B]
        if spaces.contains(byte) { flags |= space }
        if Array("~!@#^&|`?+-*/%<>=".utf8).contains(byte) { flags |= operatorCharacter }
        if Array("()[],;".utf8).contains(byte) { flags |= punctuation }
        return flags
    }

    /// Each byte with `A`–`Z` mapped to `a`–`z` (PostgreSQL folds only ASCII letters in UTF-8).
    static let asciiLowercase: [UInt8] = (0..<256).map { (value: Int) -> UInt8 in
        let byte = UInt8(value)
        return byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
}

/// Eight bytes at once, as an unaligned little-endian load gives them: `marks(of:in:)` finds the
/// first byte of a word equal to a given one without looking at the bytes one by one.
enum WordBytes {
    /// The high bit of every byte of `word` equal to `byte`. A borrow may also mark bytes after the
    /// first such byte, never before it, so `trailingZeroBitCount / 8` is that first byte's offset.
    @inline(__always)
    static func marks(of byte: UInt8, in word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let differences = word ^ (UInt64(byte) &* ones)
        return (differences &- ones) & ~differences & (0x80 &* ones)
    }
}
