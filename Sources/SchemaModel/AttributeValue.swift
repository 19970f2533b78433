/// The value of one named attribute of a schema object (a column's type, a function's volatility,
/// a view's `security_invoker`, an ACL, a comment...).
///
/// `.sql` marks an SQL expression (a default, a policy's `USING`, a check): comparison normalizes it
/// with the tokenizer, so formatting alone never makes it differ. It encodes in JSON as
/// `{"sql": "..."}`; the other cases encode as plain JSON values.
public enum AttributeValue: Codable, Hashable, Sendable, CustomStringConvertible {
    case text(String)
    case sql(String)
    case number(Int64)
    case flag(Bool)
    case list([String])
    case null

    public var description: String {
        switch self {
        case .text(let value), .sql(let value): value
        case .number(let value): String(value)
        case .flag(let value): value ? "true" : "false"
        case .list(let values): values.isEmpty ? "(none)" : values.joined(separator: ", ")
        case .null: "(none)"
        }
    }

    /// Equal when of the same case with the same value, texts compared by their UTF-8 bytes (see
    /// `UTF8Bytes.equal`).
    public static func == (lhs: AttributeValue, rhs: AttributeValue) -> Bool {
        // One side at a time: matching the pair `(lhs, rhs)` would copy both values first.
        switch lhs {
        case .text(let left): if case .text(let right) = rhs { UTF8Bytes.equal(left, right) } else { false }
        case .sql(let left): if case .sql(let right) = rhs { UTF8Bytes.equal(left, right) } else { false }
        case .number(let left): if case .number(let right) = rhs { left == right } else { false }
        case .flag(let left): if case .flag(let right) = rhs { left == right } else { false }
        case .list(let left): if case .list(let right) = rhs { UTF8Bytes.equal(left, right) } else { false }
        case .null: if case .null = rhs { true } else { false }
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .text(let value):
            hasher.combine(0 as UInt8)
            UTF8Bytes.hash(value, into: &hasher)
        case .sql(let value):
            hasher.combine(1 as UInt8)
            UTF8Bytes.hash(value, into: &hasher)
        case .number(let value):
            hasher.combine(2 as UInt8)
            hasher.combine(value)
        case .flag(let value):
            hasher.combine(3 as UInt8)
            hasher.combine(value)
        case .list(let values):
            hasher.combine(4 as UInt8)
            hasher.combine(values.count)
            for value in values { UTF8Bytes.hash(value, into: &hasher) }
        case .null:
            hasher.combine(5 as UInt8)
        }
    }

    private enum SQLKey: String, CodingKey { case sql }

    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: SQLKey.self), let sql = try? keyed.decode(String.self, forKey: .sql) {
            self = .sql(sql)
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .flag(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .text(value)
        } else if let values = try? container.decode([String].self) {
            self = .list(values)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an attribute value")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .sql(let value):
            var keyed = encoder.container(keyedBy: SQLKey.self)
            try keyed.encode(value, forKey: .sql)
        case .text(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .number(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .flag(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .list(let values):
            var container = encoder.singleValueContainer()
            try container.encode(values)
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        }
    }
}
