/// The canonical form of SQL text, in which formatting that cannot change meaning is gone.
///
/// What does not matter: whitespace and comments; the case of keywords and unquoted
/// identifiers and of a number's letters (`1E5`, `0X1F`); quotes around a name that needs none
/// (an unreserved keyword needs none); a dollar quote's tag; how a string constant
/// with the same value is written (`'it''s'`, `E'it\'s'`, `$$it's$$`); and all of this inside the
/// bodies of `sql` and `plpgsql` routines, which are normalized recursively. What matters is
/// kept: string values byte for byte, quoted names' case, numbers' digits as written (`1.0` is not
/// `1.00`).
public enum SQLNormalizer {
    /// Canonical form: significant tokens in canonical spelling, joined by single spaces.
    /// Idempotent: `canonicalForm(of: canonicalForm(of: x)) == canonicalForm(of: x)`.
    public static func canonicalForm(of sql: String) -> String {
        String(decoding: canonicalBytes(of: sql), as: UTF8.self)
    }

    /// The canonical form as UTF-8 bytes (the fast path used for hashing).
    /// - Complexity: O(n) in the length of `sql`, plus the length of routine bodies per nesting level.
    public static func canonicalBytes(of sql: String) -> [UInt8] {
        var sql = sql
        return sql.withUTF8 { canonicalBytes(of: $0) }
    }

    /// The canonical form of UTF-8 bytes.
    public static func canonicalBytes(of bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        withCanonicalBytes(of: bytes) { Array($0) }
    }

    /// Calls `body` with the canonical form of `bytes`, read in place (valid only during the
    /// call): hashing it this way saves copying it into an array.
    public static func withCanonicalBytes<Result>(
        of bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result {
        var writer = CanonicalWriter(capacity: bytes.count)
        writer.append(bytes)
        return try withExtendedLifetime(writer) { try body(writer.output.bytes) }
    }

    /// The significant tokens of `sql` with their canonical spelling, in order.
    ///
    /// The body of an `sql` or `plpgsql` routine is not one string token but its own significant
    /// tokens, each with its canonical spelling inside the body and its range in `sql` (a body
    /// token written with escapes covers them). A body the canonical form keeps as a plain string
    /// (it does not lex cleanly) and a `U&` body stay one token.
    public static func significantTokens(of sql: String) -> [CanonicalToken] {
        var sql = sql
        return sql.withUTF8 { bytes in
            var tokens: [CanonicalToken] = []
            appendSignificantTokens(recordingWriter(bytes), of: bytes, toSource: { $0 }, to: &tokens)
            return tokens
        }
    }

    /// Appends the tokens `writer` recorded for `bytes`, their ranges mapped by `toSource` to the
    /// text the caller was given, descending into routine bodies.
    private static func appendSignificantTokens(
        _ writer: CanonicalWriter, of bytes: UnsafeBufferPointer<UInt8>, toSource: (Range<Int>) -> Range<Int>,
        to tokens: inout [CanonicalToken]
    ) {
        for unit in writer.units ?? [] {
            if unit.isRoutineBody && appendBodyTokens(of: bytes, unit.token, depth: writer.depth + 1, toSource: toSource, to: &tokens) {
                continue
            }
            let range = toSource(unit.token.range)
            let canonical = UnsafeBufferPointer(rebasing: writer.output.bytes[unit.canonical])
            tokens.append(CanonicalToken(token: Token(kind: unit.token.kind, start: range.lowerBound, end: range.upperBound),
                                         canonical: String(decoding: canonical, as: UTF8.self)))
        }
    }

    /// Appends the tokens of the routine body `token`; false when it stays one token.
    private static func appendBodyTokens(
        of bytes: UnsafeBufferPointer<UInt8>, _ token: Token, depth: Int, toSource: (Range<Int>) -> Range<Int>,
        to tokens: inout [CanonicalToken]
    ) -> Bool {
        let notation = StringConstant.notation(of: bytes, start: token.start)
        var body: [UInt8] = []
        var spans = SourceSpans()
        guard notation != .unicode,
              StringConstant.decode(bytes, start: token.start, end: token.end, notation: notation, unicodeEscape: UInt8(ascii: "\\"),
                                    into: &body, spans: &spans)
        else { return false }
        return body.withUnsafeBufferPointer { body in
            let writer = recordingWriter(body, depth: depth)
            guard !writer.sawError else { return false }
            appendSignificantTokens(writer, of: body, toSource: { toSource(spans.source(of: $0)) }, to: &tokens)
            return true
        }
    }

    /// What kinds of formatting distinguish `a` from `b`. Meaningful when their canonical forms
    /// are equal; `[]` when the texts are identical.
    public static func formattingDifferences(between a: String, and b: String) -> FormattingDifferences {
        guard a != b else { return [] }
        var a = a
        var b = b
        return a.withUTF8 { a in b.withUTF8 { b in formattingDifferences(a, b) } }
    }

    private static func recordingWriter(_ bytes: UnsafeBufferPointer<UInt8>, depth: Int = 0) -> CanonicalWriter {
        var writer = CanonicalWriter(recordingUnits: true, depth: depth, capacity: bytes.count)
        writer.append(bytes)
        return writer
    }

    private static func formattingDifferences(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> FormattingDifferences {
        var differences: FormattingDifferences = []
        let layoutA = Layout(a)
        let layoutB = Layout(b)
        if layoutA.comments != layoutB.comments { differences.insert(.comments) }
        if layoutA.gaps != layoutB.gaps { differences.insert(.whitespace) }
        let writerA = recordingWriter(a)
        let writerB = recordingWriter(b)
        for (unitA, unitB) in zip(writerA.units ?? [], writerB.units ?? []) {
            let textA = a[unitA.token.range]
            let textB = b[unitB.token.range]
            guard !textA.elementsEqual(textB) else { continue }
            differences.formUnion(tokenDifferences(a, unitA, b, unitB))
        }
        return differences
    }

    /// How two corresponding tokens with different text differ.
    private static func tokenDifferences(
        _ a: UnsafeBufferPointer<UInt8>, _ unitA: CanonicalWriter.Unit, _ b: UnsafeBufferPointer<UInt8>, _ unitB: CanonicalWriter.Unit
    ) -> FormattingDifferences {
        let kindA = unitA.token.kind
        let kindB = unitB.token.kind
        switch (kindA, kindB) {
        case (.keyword, .keyword):
            return .keywordCase
        case (.number, .number):
            return .numberCase
        case (.identifier, .identifier):
            return .identifierCase
        case (.quotedIdentifier, _), (_, .quotedIdentifier):
            var differences: FormattingDifferences = .identifierQuoting
            // An unquoted side (a name, or an unreserved keyword used as one) in upper case.
            if kindA != .quotedIdentifier && hasUppercase(a[unitA.token.range]) || kindB != .quotedIdentifier && hasUppercase(b[unitB.token.range]) {
                differences.insert(.identifierCase)
            }
            return differences
        case (.string, .string):
            var differences: FormattingDifferences = []
            let notationA = StringConstant.notation(of: a, start: unitA.token.start)
            let notationB = StringConstant.notation(of: b, start: unitB.token.start)
            let bothBodies = unitA.isRoutineBody && unitB.isRoutineBody
            if case .dollar(let lengthA) = notationA, case .dollar(let lengthB) = notationB {
                let tagA = a[unitA.token.start..<(unitA.token.start + lengthA)]
                let tagB = b[unitB.token.start..<(unitB.token.start + lengthB)]
                if !tagA.elementsEqual(tagB) { differences.insert(.dollarQuoteTags) }
            } else if notationA != notationB || !bothBodies {
                // Same value (the canonical forms agree), so only the writing differs.
                differences.insert(.stringNotation)
            }
            if bothBodies, let bodyA = value(a, unitA), let bodyB = value(b, unitB), bodyA != bodyB {
                differences.formUnion(bodyA.withUnsafeBufferPointer { bodyA in
                    bodyB.withUnsafeBufferPointer { bodyB in formattingDifferences(bodyA, bodyB) }
                })
            }
            return differences
        default:
            return []
        }
    }

    private static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ unit: CanonicalWriter.Unit) -> [UInt8]? {
        var value: [UInt8] = []
        let notation = StringConstant.notation(of: bytes, start: unit.token.start)
        let ok = StringConstant.decode(bytes, start: unit.token.start, end: unit.token.end, notation: notation, unicodeEscape: UInt8(ascii: "\\"), into: &value)
        return ok ? value : nil
    }

    private static func hasUppercase(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        text.contains { $0 >= 0x41 && $0 <= 0x5A }
    }
}

/// Where a text's whitespace and comments sit relative to its significant tokens.
private struct Layout {
    /// The whitespace before each significant token and after the last, comments left out.
    var gaps: [[UInt8]] = [[]]
    /// Every comment's text, in order.
    var comments: [[UInt8]] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        SQLLexer.forEachToken(in: bytes) { token in
            switch token.kind {
            case .whitespace: gaps[gaps.count - 1].append(contentsOf: bytes[token.range])
            case .comment: comments.append(Array(bytes[token.range]))
            default: gaps.append([])
            }
        }
    }
}
