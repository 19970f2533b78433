/// The kinds of formatting that set apart two texts whose canonical forms are equal.
public struct FormattingDifferences: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    /// Makes a set from its bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Spaces, tabs and line breaks between tokens.
    public static let whitespace = FormattingDifferences(rawValue: 1 << 0)
    /// Comments added, removed or changed.
    public static let comments = FormattingDifferences(rawValue: 1 << 1)
    /// `SELECT` versus `select`.
    public static let keywordCase = FormattingDifferences(rawValue: 1 << 2)
    /// `MyTable` versus `mytable` (unquoted names fold to lower case).
    public static let identifierCase = FormattingDifferences(rawValue: 1 << 3)
    /// `"foo"` versus `foo`.
    public static let identifierQuoting = FormattingDifferences(rawValue: 1 << 4)
    /// `$$...$$` versus `$body$...$body$`.
    public static let dollarQuoteTags = FormattingDifferences(rawValue: 1 << 5)
    /// `'it''s'` versus `E'it\'s'` versus `$$it's$$`: the same value written differently.
    public static let stringNotation = FormattingDifferences(rawValue: 1 << 6)
    /// `1E5` versus `1e5`, `0X1F` versus `0x1f`: a number's letters in another case.
    public static let numberCase = FormattingDifferences(rawValue: 1 << 7)

    private static let named: [(FormattingDifferences, String)] = [
        (.whitespace, "whitespace"), (.comments, "comments"), (.keywordCase, "keyword case"),
        (.identifierCase, "identifier case"), (.identifierQuoting, "identifier quoting"),
        (.dollarQuoteTags, "dollar-quote tags"), (.stringNotation, "string literal notation"),
        (.numberCase, "number case"),
    ]

    /// Human words for each member, in a fixed order: "whitespace", "keyword case", ...
    public var descriptions: [String] { Self.named.filter { contains($0.0) }.map(\.1) }
}
