/// Why a JSON value could not become a model value: what is wrong and where, as a path like
/// `.objects[3].attributes.owner`.
struct JSONMappingError: Error, Sendable, CustomStringConvertible {
    /// Where, from the document's root.
    let path: String
    /// What is wrong ("wrong type", "missing field \"name\"").
    let problem: String

    var description: String { path.isEmpty ? problem : "\(problem) at \(path)" }
}

// Snapshot objects are read from a `JSONValue` tree instead of through `JSONDecoder`: the
// attribute values, whose JSON type decides their case, would otherwise need one failed `try?`
// decode per guess. The rules match the types' `Codable` conformances: optional fields may be
// missing or null, unknown fields are ignored.
extension SchemaObject {
    /// Reads an object; `path` (where it is in the document) only prefixes error paths.
    init(json: JSONValue, path: String) throws(JSONMappingError) {
        let fields = try json.fields(at: path)
        identity = try ObjectIdentity(json: fields.required("identity", at: path), path: path + ".identity")
        definition = try fields.optional("definition").map { (value) throws(JSONMappingError) in
            try Definition(json: value, path: path + ".definition")
        }
        guard case .object(let members) = try fields.required("attributes", at: path) else {
            throw JSONMappingError(path: path + ".attributes", problem: "wrong type")
        }
        var attributes: [(String, AttributeValue)] = []
        attributes.reserveCapacity(members.count)
        for (name, value) in members {
            // The path is spelled out only on failure: building it for every attribute costs more than the decoding.
            do throws(JSONMappingError) {
                attributes.append((name, try AttributeValue(json: value)))
            } catch {
                throw JSONMappingError(path: path + ".attributes.\(name)", problem: error.problem)
            }
        }
        self.attributes = Attributes(attributes)
    }
}

extension ObjectIdentity {
    /// Reads an identity; `path` only prefixes error paths.
    init(json: JSONValue, path: String) throws(JSONMappingError) {
        let fields = try json.fields(at: path)
        let kindName = try fields.required("kind", at: path).text(at: path + ".kind")
        guard let kind = ObjectKind(rawValue: kindName) else { throw JSONMappingError(path: path + ".kind", problem: "corrupt value") }
        self.kind = kind
        schema = try fields.optional("schema")?.text(at: path + ".schema")
        relation = try fields.optional("relation")?.text(at: path + ".relation")
        name = try fields.required("name", at: path).text(at: path + ".name")
        arguments = try fields.optional("arguments")?.text(at: path + ".arguments")
    }
}

extension Definition {
    /// Reads a definition; `path` only prefixes error paths.
    init(json: JSONValue, path: String) throws(JSONMappingError) {
        let fields = try json.fields(at: path)
        text = try fields.required("text", at: path).text(at: path + ".text")
        fingerprint = Fingerprint(hex: try fields.required("fingerprint", at: path).text(at: path + ".fingerprint"))
    }
}

extension AttributeValue {
    /// Reads a value; errors carry an empty path for the caller to fill in.
    init(json: JSONValue) throws(JSONMappingError) {
        let path = ""
        switch json {
        case .null: self = .null
        case .bool(let value): self = .flag(value)
        case .integer(let value): self = .number(value)
        case .string(let value): self = .text(value)
        case .object(let members):
            guard case .string(let sql)? = members["sql"] else { throw JSONMappingError(path: path, problem: "corrupt value") }
            self = .sql(sql)
        case .array(let elements):
            var values: [String] = []
            values.reserveCapacity(elements.count)
            for element in elements {
                guard case .string(let value) = element else { throw JSONMappingError(path: path, problem: "corrupt value") }
                values.append(value)
            }
            self = .list(values)
        case .otherNumber:
            throw JSONMappingError(path: path, problem: "corrupt value")
        }
    }
}

extension JSONValue {
    /// The members of an object.
    fileprivate func fields(at path: String) throws(JSONMappingError) -> [String: JSONValue] {
        guard case .object(let members) = self else { throw JSONMappingError(path: path, problem: "wrong type") }
        return members
    }

    /// The text of a string.
    fileprivate func text(at path: String) throws(JSONMappingError) -> String {
        guard case .string(let text) = self else { throw JSONMappingError(path: path, problem: "wrong type") }
        return text
    }
}

extension Dictionary where Key == String, Value == JSONValue {
    /// The member `key`, which must be present and not null.
    fileprivate func required(_ key: String, at path: String) throws(JSONMappingError) -> JSONValue {
        switch self[key] {
        case nil: throw JSONMappingError(path: path, problem: "missing field \"\(key)\"")
        case .null?: throw JSONMappingError(path: path + ".\(key)", problem: "missing value")
        case let value?: return value
        }
    }

    /// The member `key`, nil when missing or null.
    fileprivate func optional(_ key: String) -> JSONValue? {
        if case .null? = self[key] { return nil }
        return self[key]
    }
}
