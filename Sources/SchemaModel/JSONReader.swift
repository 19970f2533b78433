/// A JSON parser over UTF-8 bytes (RFC 8259), small and fast enough for snapshot files of tens of
/// thousands of objects: a cursor that either builds `JSONValue`s or only validates and skips them,
/// so a large array can be walked one element at a time.
struct JSONReader {
    /// The bytes are not JSON; `offset` is where reading stopped.
    struct SyntaxError: Error, Sendable {
        let offset: Int
    }

    /// Deeper nesting is refused rather than risking the stack on a hostile file.
    static let maximumDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next unread byte.
    private(set) var position: Int

    /// A reader of `bytes` starting at `position`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// The byte at the cursor after any whitespace, nil at the end.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < bytes.count ? bytes[position] : nil
    }

    /// Whether only whitespace remains.
    mutating func isAtEnd() -> Bool { peek() == nil }

    /// Reads one value; with `building` false it is validated and skipped and `.null` is returned.
    mutating func value(building: Bool = true, depth: Int = 0) throws(SyntaxError) -> JSONValue {
        guard depth < Self.maximumDepth, let first = peek() else { throw failure() }
        switch first {
        case UInt8(ascii: "{"):
            var members: [String: JSONValue] = [:]
            try forEachMember { (key, reader) throws(SyntaxError) in
                let member = try reader.value(building: building, depth: depth + 1)
                if building { members[key] = member }
            }
            return building ? .object(members) : .null
        case UInt8(ascii: "["):
            var elements: [JSONValue] = []
            try forEachElement { (reader) throws(SyntaxError) in
                let element = try reader.value(building: building, depth: depth + 1)
                if building { elements.append(element) }
            }
            return building ? .array(elements) : .null
        case UInt8(ascii: "\""):
            let text = try string(building: building)
            return building ? .string(text) : .null
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            return try number()
        }
    }

    /// Reads an object, calling `body` with each key and the reader positioned at its value; `body`
    /// must read that value.
    mutating func forEachMember(_ body: (String, inout JSONReader) throws(SyntaxError) -> Void) throws(SyntaxError) {
        try expect(UInt8(ascii: "{"))
        if peek() == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw failure() }
            let key = try string(building: true)
            try expect(UInt8(ascii: ":"))
            try body(key, &self)
            guard let next = peek() else { throw failure() }
            position += 1
            if next == UInt8(ascii: "}") { return }
            guard next == UInt8(ascii: ",") else { throw failure(at: position - 1) }
        }
    }

    /// Reads an array, calling `body` with the reader positioned at each element; `body` must read it.
    mutating func forEachElement(_ body: (inout JSONReader) throws(SyntaxError) -> Void) throws(SyntaxError) {
        try expect(UInt8(ascii: "["))
        if peek() == UInt8(ascii: "]") {
            position += 1
            return
        }
        while true {
            try body(&self)
            guard let next = peek() else { throw failure() }
            position += 1
            if next == UInt8(ascii: "]") { return }
            guard next == UInt8(ascii: ",") else { throw failure(at: position - 1) }
        }
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private func failure(at offset: Int? = nil) -> SyntaxError { SyntaxError(offset: offset ?? position) }

    private mutating func expect(_ byte: UInt8) throws(SyntaxError) {
        guard peek() == byte else { throw failure() }
        position += 1
    }

    private mutating func literal(_ word: StaticString) throws(SyntaxError) {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw failure() }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { throw failure() }
        position += count
    }

    /// An integer becomes `.integer` when it fits in Int64; fractions, exponents and huge integers are
    /// validated and become `.otherNumber`.
    private mutating func number() throws(SyntaxError) -> JSONValue {
        let start = position
        if byte(is: UInt8(ascii: "-")) { position += 1 }
        guard let leading = currentByte, isDigit(leading) else { throw failure() }
        position += 1
        if leading != UInt8(ascii: "0") { skipDigits() }
        var isInteger = true
        if byte(is: UInt8(ascii: ".")) {
            position += 1
            guard digitsFollow() else { throw failure() }
            isInteger = false
        }
        if byte(is: UInt8(ascii: "e")) || byte(is: UInt8(ascii: "E")) {
            position += 1
            if byte(is: UInt8(ascii: "+")) || byte(is: UInt8(ascii: "-")) { position += 1 }
            guard digitsFollow() else { throw failure() }
            isInteger = false
        }
        guard isInteger else { return .otherNumber }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        return Int64(text).map(JSONValue.integer) ?? .otherNumber
    }

    private var currentByte: UInt8? { position < bytes.count ? bytes[position] : nil }

    private func byte(is expected: UInt8) -> Bool { currentByte == expected }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while let byte = currentByte, isDigit(byte) { position += 1 }
    }

    /// Skips a run of digits, telling whether there was at least one.
    private mutating func digitsFollow() -> Bool {
        let start = position
        skipDigits()
        return position > start
    }

    /// Reads a string at the cursor (its opening quote). Without `building`, escapes are checked but
    /// nothing is allocated and "" is returned.
    private mutating func string(building: Bool) throws(SyntaxError) -> String {
        position += 1
        let start = position
        // The common case, no escape: one scan, one copy.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                defer { position += 1 }
                guard building else { return "" }
                guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self) else {
                    throw failure(at: start)
                }
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw failure() }
            position += 1
        }
        var unescaped = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard building else { return "" }
                guard let text = String(validating: unescaped, as: UTF8.self) else { throw failure(at: start) }
                return text
            case UInt8(ascii: "\\"):
                try unescape(into: &unescaped)
            case ..<0x20:
                throw failure(at: position - 1)
            default:
                unescaped.append(byte)
            }
        }
        throw failure()
    }

    /// Reads the escape after a backslash and appends what it stands for.
    private mutating func unescape(into output: inout [UInt8]) throws(SyntaxError) {
        guard let escape = currentByte else { throw failure() }
        position += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = UInt32(try hexQuad())
            if (0xD800..<0xDC00).contains(scalar) {
                // A high surrogate must be followed by an escaped low one.
                guard byte(is: UInt8(ascii: "\\")) else { throw failure() }
                position += 1
                guard byte(is: UInt8(ascii: "u")) else { throw failure() }
                position += 1
                let low = UInt32(try hexQuad())
                guard (0xDC00..<0xE000).contains(low) else { throw failure() }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw failure() }
            output.append(contentsOf: String(Character(unicode)).utf8)
        default:
            throw failure(at: position - 1)
        }
    }

    private mutating func hexQuad() throws(SyntaxError) -> UInt16 {
        guard position + 4 <= bytes.count else { throw failure() }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8 = switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: throw failure()
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }
}
