/// One schema object as read from a database: its identity, the SQL text that defines it (if it has
/// one) and its other attributes by name.
public struct SchemaObject: Codable, Hashable, Sendable {
    /// What makes it the same object on both sides.
    public var identity: ObjectIdentity
    // Declared in another order than `init(identity:definition:attributes:)` takes them: that
    // initializer calls the memberwise one the compiler makes, which needs other labels. One that
    // assigns the properties itself makes each new object twice, copying (retaining every string
    // of) the first into the second before freeing it: tens of thousands of times per read.
    /// Every other compared property, by attribute name (see `AttributeName`).
    public var attributes: Attributes
    /// The defining SQL (`pg_get_viewdef`, `pg_get_functiondef`, `pg_get_indexdef`,
    /// `pg_get_constraintdef`, `pg_get_triggerdef`...), or nil for objects defined by attributes alone.
    public var definition: Definition?
}

extension SchemaObject {
    /// Creates an object.
    public init(identity: ObjectIdentity, definition: Definition? = nil, attributes: Attributes = [:]) {
        self.init(identity: identity, attributes: attributes, definition: definition)
    }
}

/// The SQL text that defines an object, with the fingerprints that prove what it is.
public struct Definition: Codable, Hashable, Sendable {
    // In another order than `init(text:fingerprint:)` takes them (see `SchemaObject`).
    /// SHA-256 of the text's normalized token stream (see SQLFingerprint); equal fingerprints mean
    /// the definitions differ at most in formatting.
    public var fingerprint: Fingerprint
    /// The text exactly as the server printed it.
    public var text: String

    /// Equal when the texts have the same UTF-8 bytes (see `UTF8Bytes.equal`) and the fingerprints match.
    public static func == (lhs: Definition, rhs: Definition) -> Bool {
        lhs.fingerprint == rhs.fingerprint && UTF8Bytes.equal(lhs.text, rhs.text)
    }

    public func hash(into hasher: inout Hasher) {
        UTF8Bytes.hash(text, into: &hasher)
        hasher.combine(fingerprint)
    }
}

extension Definition {
    /// Creates a definition.
    public init(text: String, fingerprint: Fingerprint) {
        self.init(fingerprint: fingerprint, text: text)
    }
}
