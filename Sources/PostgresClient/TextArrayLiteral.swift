/// PostgreSQL's text form of a one-dimensional array (`{a,"b c","d\"e",NULL}`), read into its elements.
///
/// Follows `array_out`: elements are separated by commas; an element is double-quoted when it is empty,
/// holds a special character or whitespace, or spells NULL; inside quotes `\` escapes the next character;
/// an unquoted NULL (any case) is a null element. A `[lower:upper]=` prefix is accepted and ignored.
enum TextArrayLiteral {
    /// Why a text is not an array literal this reader accepts.
    struct Malformed: Error {
        let reason: String
    }

    /// The elements of the literal whose UTF-8 is `bytes`, nil for NULL elements.
    static func elements(of bytes: UnsafeBufferPointer<UInt8>) throws(Malformed) -> [String?] {
        // `{}`, what most ACL and option columns hold, needs no parsing.
        if bytes.count == 2 && bytes[0] == UInt8(ascii: "{") && bytes[1] == UInt8(ascii: "}") { return [] }
        var cursor = Cursor(bytes: bytes)
        return try cursor.readArray()
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func readArray() throws(Malformed) -> [String?] {
            if peek == UInt8(ascii: "[") { try skipDimensions() }
            try expect(UInt8(ascii: "{"))
            var elements: [String?] = []
            skipSpaces()
            if peek == UInt8(ascii: "}") {
                index += 1
            } else {
                while true {
                    elements.append(try readElement())
                    skipSpaces()
                    guard let byte = peek else { throw Malformed(reason: "missing \"}\"") }
                    index += 1
                    if byte == UInt8(ascii: "}") { break }
                    guard byte == UInt8(ascii: ",") else { throw unexpected(byte) }
                }
            }
            skipSpaces()
            guard index == bytes.count else { throw Malformed(reason: "text after the closing \"}\"") }
            return elements
        }

        private mutating func readElement() throws(Malformed) -> String? {
            skipSpaces()
            guard let first = peek else { throw Malformed(reason: "missing \"}\"") }
            if first == UInt8(ascii: "{") { throw Malformed(reason: "nested arrays are not supported") }
            if first == UInt8(ascii: "\"") { return try readQuoted() }
            let start = index
            var escaped = false
            // Trailing whitespace is not part of an unquoted element unless escaped.
            var keptEnd = index
            while let byte = peek, byte != UInt8(ascii: ","), byte != UInt8(ascii: "}") {
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "\"") { throw unexpected(byte) }
                index += 1
                if byte == UInt8(ascii: "\\") {
                    guard peek != nil else { break }
                    index += 1
                    escaped = true
                    keptEnd = index
                } else if !Self.isSpace(byte) {
                    keptEnd = index
                }
            }
            if keptEnd == start { throw Malformed(reason: "empty element at byte \(index)") }
            let element = bytes[start..<keptEnd]
            if !escaped && Self.spellsNull(element) { return nil }
            return escaped ? Self.unescaped(element) : String(decoding: UnsafeBufferPointer(rebasing: element), as: UTF8.self)
        }

        private mutating func readQuoted() throws(Malformed) -> String {
            index += 1
            let start = index
            var escaped = false
            while let byte = peek {
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    let element = bytes[start..<(index - 1)]
                    return escaped ? Self.unescaped(element) : String(decoding: UnsafeBufferPointer(rebasing: element), as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard peek != nil else { throw Malformed(reason: "unterminated quoted element") }
                    index += 1
                    escaped = true
                default:
                    break
                }
            }
            throw Malformed(reason: "unterminated quoted element")
        }

        /// `element` with each `\` taken as escaping the byte after it.
        private static func unescaped(_ element: Slice<UnsafeBufferPointer<UInt8>>) -> String {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(element.count)
            var pending = false
            for byte in element {
                if !pending && byte == UInt8(ascii: "\\") {
                    pending = true
                } else {
                    bytes.append(byte)
                    pending = false
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Whether `element` is `NULL` in any case.
        private static func spellsNull(_ element: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            element.count == 4 && zip(element, "null".utf8).allSatisfy { $0 | 0x20 == $1 }
        }

        private mutating func skipDimensions() throws(Malformed) {
            guard let equals = bytes[index...].firstIndex(of: UInt8(ascii: "=")) else {
                throw Malformed(reason: "dimension bounds without \"=\"")
            }
            index = equals + 1
        }

        private mutating func expect(_ expected: UInt8) throws(Malformed) {
            guard peek == expected else {
                throw Malformed(reason: "expected \"\(Character(Unicode.Scalar(expected)))\" at byte \(index)")
            }
            index += 1
        }

        private mutating func skipSpaces() {
            while let byte = peek, Self.isSpace(byte) { index += 1 }
        }

        private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        private func unexpected(_ byte: UInt8) -> Malformed {
            Malformed(reason: "unexpected \"\(Character(Unicode.Scalar(byte)))\" at byte \(index)")
        }

        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || (UInt8(ascii: "\t")...UInt8(ascii: "\r")).contains(byte)
        }
    }
}
