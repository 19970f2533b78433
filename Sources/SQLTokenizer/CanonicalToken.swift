/// A significant token and its canonical spelling, for token-level diffs.
public struct CanonicalToken: Sendable, Hashable {
    /// The token's range in the original text (a `U&` literal includes its `UESCAPE` clause).
    public var token: Token
    /// The token as the canonical form writes it.
    public var canonical: String

    /// Pairs a token with its canonical spelling.
    public init(token: Token, canonical: String) {
        self.token = token
        self.canonical = canonical
    }
}
