import SchemaModel
import SQLFingerprint
import SQLTokenizer

/// One statement of a migration file: its text (without the closing `;`) and the line it starts on.
public struct SQLStatement: Hashable, Sendable {
    /// The statement as written, from its first significant token to just before its `;`.
    public var text: String
    /// The 1-based line of the file on which the statement starts.
    public var line: Int

    /// Creates a statement.
    public init(text: String, line: Int) {
        self.text = text
        self.line = line
    }

    /// The statements of `sql`, split at top-level semicolons with PostgreSQL's lexical rules, so a `;`
    /// in a string, a dollar-quoted body, a comment or a `BEGIN ATOMIC … END` body does not split.
    /// Statements with nothing but comments and whitespace are left out.
    public static func split(_ sql: String) -> [SQLStatement] {
        let bytes = Array(sql.utf8)
        let tokens = SQLLexer.tokenize(sql)
        var statements: [SQLStatement] = []
        var start: Int?, line = 1, startLine = 1
        // Inside a SQL-standard routine body, semicolons end the body's statements, not ours; CASE
        // is the only other construct there that END closes.
        var atomicDepth = 0, previousWord = ""
        func word(_ token: Token) -> String {
            String(decoding: bytes[token.start..<token.end], as: UTF8.self).uppercased()
        }
        func finish(at end: Int) {
            if let first = start {
                statements.append(SQLStatement(text: String(decoding: bytes[first..<end], as: UTF8.self), line: startLine))
            }
            start = nil
        }
        for token in tokens {
            defer { line += bytes[token.start..<token.end].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
            guard token.kind.isSignificant else { continue }
            let isSemicolon = token.kind == .punctuation && token.end - token.start == 1 && bytes[token.start] == UInt8(ascii: ";")
            if isSemicolon && atomicDepth == 0 {
                finish(at: token.start)
                continue
            }
            if start == nil {
                start = token.start
                startLine = line
            }
            guard token.kind == .keyword || token.kind == .identifier else { continue }
            let current = word(token)
            if current == "ATOMIC" && previousWord == "BEGIN" && atomicDepth == 0 {
                atomicDepth = 1
            } else if atomicDepth > 0 && current == "CASE" {
                atomicDepth += 1
            } else if atomicDepth > 0 && current == "END" {
                atomicDepth -= 1
            }
            previousWord = current
        }
        if let first = start, let last = tokens.last(where: { $0.kind.isSignificant }) {
            statements.append(SQLStatement(text: String(decoding: bytes[first..<last.end], as: UTF8.self), line: startLine))
        }
        return statements
    }

    /// The fingerprint of a migration's statements, however they were split and formatted: the
    /// SHA-256 of each statement's canonical form, joined by `;`. Nil when there are no statements
    /// (Supabase's `migration repair` records none), since nothing can be compared then.
    public static func fingerprint(of texts: [String]) -> Fingerprint? {
        let canonical = texts.flatMap(split).map { SQLNormalizer.canonicalForm(of: $0.text) }
        guard !canonical.isEmpty else { return nil }
        return Fingerprint(exactText: canonical.joined(separator: ";"))
    }
}
