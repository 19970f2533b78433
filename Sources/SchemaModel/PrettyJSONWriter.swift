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
        object.attributes.keys.allSatisfy { key in key.utf8.allSatisfy { $0 == UInt8(ascii: "_") || (0x61...0x7A).contains($0) } }
    }

    /// Appends `objects` as the elements of a JSON array whose brackets sit at `indent` levels.
    mutating func writeArray(of objects: [SchemaObject], indent: Int) {
        guard !objects.isEmpty else { return writeEmpty("[", "]", indent: indent) }
        append("[\n")
        for (index, object) in objects.enumerated() {
            writeIndent(indent + 1)
            write(object, indent: indent + 1)
            append(index == objects.count - 1 ? "\n" : ",\n")
        }
        writeIndent(indent)
        append("]")
    }

    private mutating func write(_ object: SchemaObject, indent: Int) {
        var members: [(String, (inout PrettyJSONWriter, Int) -> Void)] = []
        members.append(("attributes", { writer, level in writer.write(object.attributes, indent: level) }))
        if let definition = object.definition {
            members.append(("definition", { writer, level in
                writer.writeObject([
                    ("fingerprint", { writer, _ in writer.writeString(definition.fingerprint.hex) }),
                    ("text", { writer, _ in writer.writeString(definition.text) }),
                ], indent: level)
            }))
        }
        members.append(("identity", { writer, level in writer.write(object.identity, indent: level) }))
        writeObject(members, indent: indent)
    }

    private mutating func write(_ identity: ObjectIdentity, indent: Int) {
        var members: [(String, (inout PrettyJSONWriter, Int) -> Void)] = []
        if let arguments = identity.arguments { members.append(("arguments", { writer, _ in writer.writeString(arguments) })) }
        members.append(("kind", { writer, _ in writer.writeString(identity.kind.rawValue) }))
        members.append(("name", { writer, _ in writer.writeString(identity.name) }))
        if let relation = identity.relation { members.append(("relation", { writer, _ in writer.writeString(relation) })) }
        if let schema = identity.schema { members.append(("schema", { writer, _ in writer.writeString(schema) })) }
        writeObject(members, indent: indent)
    }

    private mutating func write(_ attributes: [String: AttributeValue], indent: Int) {
        let members = attributes.sorted { $0.key < $1.key }.map { name, value in
            (name, { (writer: inout PrettyJSONWriter, level: Int) in writer.write(value, indent: level) })
        }
        writeObject(members, indent: indent)
    }

    private mutating func write(_ value: AttributeValue, indent: Int) {
        switch value {
        case .text(let text): writeString(text)
        case .sql(let sql): writeObject([("sql", { writer, _ in writer.writeString(sql) })], indent: indent)
        case .number(let number): append(String(number))
        case .flag(let flag): append(flag ? "true" : "false")
        case .null: append("null")
        case .list(let items):
            guard !items.isEmpty else { return writeEmpty("[", "]", indent: indent) }
            append("[\n")
            for (index, item) in items.enumerated() {
                writeIndent(indent + 1)
                writeString(item)
                append(index == items.count - 1 ? "\n" : ",\n")
            }
            writeIndent(indent)
            append("]")
        }
    }

    /// Members must already be in key order.
    private mutating func writeObject(_ members: [(String, (inout PrettyJSONWriter, Int) -> Void)], indent: Int) {
        guard !members.isEmpty else { return writeEmpty("{", "}", indent: indent) }
        append("{\n")
        for (index, (key, writeValue)) in members.enumerated() {
            writeIndent(indent + 1)
            writeString(key)
            append(" : ")
            writeValue(&self, indent + 1)
            append(index == members.count - 1 ? "\n" : ",\n")
        }
        writeIndent(indent)
        append("}")
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

    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x08: append("\\b")
            case 0x09: append("\\t")
            case 0x0A: append("\\n")
            case 0x0C: append("\\f")
            case 0x0D: append("\\r")
            case 0..<0x20:
                append("\\u00")
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
