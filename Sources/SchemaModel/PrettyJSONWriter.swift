/// Writes snapshot objects as JSON exactly as `JSONEncoder` does with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes` (two-space indentation, `" : "`, empty containers
/// as an opened and closed pair around a blank line, C0 controls escaped, everything else raw),
/// but without `Encodable`'s dynamic dispatch: writing a large snapshot is dominated by it.
///
/// Keys are written in ordinal order, which equals `JSONEncoder`'s order only for keys made of
/// lower-case ASCII letters and `_`; `canWrite(_:)` says whether every key of an object is such.
struct PrettyJSONWriter {
    private(set) var bytes: [UInt8] = []

    /// Whether every key this writer would emit for `object` sorts the same ordinally as in
    /// `JSONEncoder` (so the output is byte-identical).
    static func canWrite(_ object: SchemaObject) -> Bool {
        object.attributes.allSatisfy { key, _ in key.utf8.allSatisfy { $0 == UInt8(ascii: "_") || (0x61...0x7A).contains($0) } }
    }

    /// Appends `objects` as the elements of a JSON array whose brackets sit at `indent` levels.
    mutating func writeArray(of objects: [SchemaObject], indent: Int) {
        guard !objects.isEmpty else { return writeEmpty("[", "]", indent: indent) }
        bytes.reserveCapacity(bytes.count + objects.reduce(0) { $0 + Self.estimatedSize(of: $1) })
        append("[\n")
        for (index, object) in objects.enumerated() {
            writeIndent(indent + 1)
            write(object, indent: indent + 1)
            append(index == objects.count - 1 ? "\n" : ",\n")
        }
        writeIndent(indent)
        append("]")
    }

    /// Roughly how many bytes `object` takes, so the buffer grows once rather than by doubling.
    private static func estimatedSize(of object: SchemaObject) -> Int {
        256 + (object.definition?.text.utf8.count ?? 0) + object.attributes.count * 48
    }

    // Objects are written member by member in key order; `member` opens each one.

    private mutating func write(_ object: SchemaObject, indent: Int) {
        append("{\n")
        member("attributes", indent: indent, first: true)
        write(object.attributes, indent: indent + 1)
        if let definition = object.definition {
            member("definition", indent: indent)
            append("{\n")
            member("fingerprint", indent: indent + 1, first: true)
            writeString(definition.fingerprint.hex)
            member("text", indent: indent + 1)
            writeString(definition.text)
            close("}", indent: indent + 1)
        }
        member("identity", indent: indent)
        write(object.identity, indent: indent + 1)
        close("}", indent: indent)
    }

    private mutating func write(_ identity: ObjectIdentity, indent: Int) {
        append("{\n")
        var first = true
        func field(_ key: String, _ value: String?) {
            guard let value else { return }
            member(key, indent: indent, first: first)
            writeString(value)
            first = false
        }
        field("arguments", identity.arguments)
        field("kind", identity.kind.rawValue)
        field("name", identity.name)
        field("relation", identity.relation)
        field("schema", identity.schema)
        close("}", indent: indent)
    }

    private mutating func write(_ attributes: Attributes, indent: Int) {
        guard !attributes.isEmpty else { return writeEmpty("{", "}", indent: indent) }
        append("{\n")
        for (index, (name, value)) in attributes.enumerated() {
            member(name, indent: indent, first: index == 0)
            write(value, indent: indent + 1)
        }
        close("}", indent: indent)
    }

    private mutating func write(_ value: AttributeValue, indent: Int) {
        switch value {
        case .text(let text): writeString(text)
        case .sql(let sql):
            append("{\n")
            member("sql", indent: indent, first: true)
            writeString(sql)
            close("}", indent: indent)
        case .number(let number): append(String(number))
        case .flag(let flag): append(flag ? "true" : "false")
        case .null: append("null")
        case .list(let items):
            guard !items.isEmpty else { return writeEmpty("[", "]", indent: indent) }
            append("[\n")
            for (index, item) in items.enumerated() {
                if index > 0 { append(",\n") }
                writeIndent(indent + 1)
                writeString(item)
            }
            close("]", indent: indent)
        }
    }

    /// Starts the member `key` of an object whose braces sit at `indent` levels: the comma ending
    /// the member before (unless `first`), the indentation and the key.
    private mutating func member(_ key: String, indent: Int, first: Bool = false) {
        if !first { append(",\n") }
        writeIndent(indent + 1)
        writeString(key)
        append(" : ")
    }

    /// Ends the last member and closes a container whose brackets sit at `indent` levels.
    private mutating func close(_ bracket: String, indent: Int) {
        append("\n")
        writeIndent(indent)
        append(bracket)
    }

    private mutating func writeEmpty(_ open: String, _ close: String, indent: Int) {
        append(open)
        append("\n\n")
        writeIndent(indent)
        append(close)
    }

    private mutating func writeIndent(_ level: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * 2))
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON string: runs of bytes that need no escape are copied at once.
    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for (position, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<position]))
                writeEscape(byte)
                runStart = position + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func writeEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x08: append("\\b")
        case 0x09: append("\\t")
        case 0x0A: append("\\n")
        case 0x0C: append("\\f")
        case 0x0D: append("\\r")
        default:
            append("\\u00")
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0F)])
        }
    }
}
