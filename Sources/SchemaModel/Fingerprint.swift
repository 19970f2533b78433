/// A SHA-256 digest, in lower-case hex, that stands for a definition's text or its canonical form.
public struct Fingerprint: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The 64 hex digits of the digest.
    public let hex: String

    /// Wraps a digest already in hex.
    public init(hex: String) { self.hex = hex }

    /// The first twelve hex digits: enough to tell fingerprints apart at a glance in a report.
    public var short: String { String(hex.prefix(12)) }

    public var description: String { "sha256:\(hex)" }

    public init(from decoder: any Decoder) throws {
        hex = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
