/// The lexical class of a token, as PostgreSQL's scanner (scan.l) would tell them apart.
public enum TokenKind: UInt8, Sendable, CaseIterable {
    /// A word from PostgreSQL's keyword list, in any case: `SELECT`, `language`.
    case keyword
    /// An unquoted name that is not a keyword: letters (including non-ASCII), digits, `_`, `$`.
    case identifier
    /// A double-quoted name, `"Foo"`, or a Unicode-escaped one, `U&"d\0061ta"`.
    case quotedIdentifier
    /// A string constant in any notation: `'x'`, `E'x'`, `B'1'`, `X'1f'`, `N'x'`, `U&'x'`, `$$x$$`.
    case string
    /// A numeric constant as written: `42`, `1.5e3`, `0x1F`, `1_000`.
    case number
    /// A positional parameter: `$1`.
    case parameter
    /// An operator, including `:=`, `=>`, `..`, `<=`, `>=`, `<>`, `!=`.
    case `operator`
    /// One of `(` `)` `[` `]` `,` `;` `:` `.`.
    case punctuation
    /// The `::` cast operator.
    case typecast
    /// A `--` line comment or a (possibly nested) `/* */` block comment.
    case comment
    /// A run of spaces, tabs, newlines, carriage returns, form feeds and vertical tabs.
    case whitespace
    /// Bytes PostgreSQL would reject: unterminated literals or comments, stray bytes, invalid UTF-8,
    /// trailing junk after a number.
    case error

    /// The name used in `deepdiff tokens --jsonl` output, e.g. `quoted_identifier`.
    public var name: String {
        switch self {
        case .keyword: "keyword"
        case .identifier: "identifier"
        case .quotedIdentifier: "quoted_identifier"
        case .string: "string"
        case .number: "number"
        case .parameter: "parameter"
        case .operator: "operator"
        case .punctuation: "punctuation"
        case .typecast: "typecast"
        case .comment: "comment"
        case .whitespace: "whitespace"
        case .error: "error"
        }
    }

    /// Whether the token carries meaning; whitespace and comments do not.
    public var isSignificant: Bool { self != .whitespace && self != .comment }
}

/// One token: its kind and the UTF-8 byte range it covers in the text it was read from.
public struct Token: Sendable, Hashable {
    /// The lexical class.
    public var kind: TokenKind
    /// Offset of the first byte.
    public var start: Int
    /// Offset one past the last byte.
    public var end: Int

    /// A token of `kind` covering `start..<end`.
    public init(kind: TokenKind, start: Int, end: Int) {
        self.kind = kind
        self.start = start
        self.end = end
    }

    /// The byte range, `start..<end`.
    public var range: Range<Int> { start..<end }
}
