/// One schema object as read from a database: its identity, the SQL text that defines it (if it has
/// one) and its other attributes by name.
public struct SchemaObject: Codable, Hashable, Sendable {
    /// What makes it the same object on both sides.
    public var identity: ObjectIdentity
    /// The defining SQL (`pg_get_viewdef`, `pg_get_functiondef`, `pg_get_indexdef`,
    /// `pg_get_constraintdef`, `pg_get_triggerdef`...), or nil for objects defined by attributes alone.
    public var definition: Definition?
    /// Every other compared property, by attribute name (see `AttributeName`).
    public var attributes: Attributes

    /// Creates an object.
    public init(identity: ObjectIdentity, definition: Definition? = nil, attributes: Attributes = [:]) {
        self.identity = identity
        self.definition = definition
        self.attributes = attributes
    }
}

/// The SQL text that defines an object, with the fingerprints that prove what it is.
public struct Definition: Codable, Hashable, Sendable {
    /// The text exactly as the server printed it.
    public var text: String
    /// SHA-256 of the text's normalized token stream (see SQLFingerprint); equal fingerprints mean
    /// the definitions differ at most in formatting.
    public var fingerprint: Fingerprint

    /// Creates a definition.
    public init(text: String, fingerprint: Fingerprint) {
        self.text = text
        self.fingerprint = fingerprint
    }

    /// Equal when the texts have the same UTF-8 bytes (see `UTF8Bytes.equal`) and the fingerprints match.
    public static func == (lhs: Definition, rhs: Definition) -> Bool {
        lhs.fingerprint == rhs.fingerprint && UTF8Bytes.equal(lhs.text, rhs.text)
    }

    public func hash(into hasher: inout Hasher) {
        UTF8Bytes.hash(text, into: &hasher)
        hasher.combine(fingerprint)
    }
}
