import SchemaModel

/// Decoding that keeps the two ways a side can lack a value apart: `"source": null` is an
/// attribute recorded without a value (`.null`), a missing key is a side without the attribute
/// (nil). The synthesized decoding would turn both into nil. Encoding needs no help: nil leaves the
/// key out and `.null` writes `null`.
extension AttributeDifference {
    private enum DecodingKeys: String, CodingKey { case name, source, target, isSecurityRelevant, isFormattingOnly }

    /// Decodes a difference as the JSON report and `ComparisonResult` encoding write it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: DecodingKeys.self)
        func value(_ key: DecodingKeys) throws -> AttributeValue? {
            guard container.contains(key) else { return nil }
            return try container.decodeNil(forKey: key) ? .null : container.decode(AttributeValue.self, forKey: key)
        }
        self.init(name: try container.decode(String.self, forKey: .name),
                  source: try value(.source), target: try value(.target),
                  isSecurityRelevant: try container.decode(Bool.self, forKey: .isSecurityRelevant),
                  isFormattingOnly: try container.decode(Bool.self, forKey: .isFormattingOnly))
    }
}
