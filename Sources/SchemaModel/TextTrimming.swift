extension StringProtocol {
    /// The text without whitespace or line breaks at either end.
    public var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
