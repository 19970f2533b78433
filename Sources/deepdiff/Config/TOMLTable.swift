/// The small part of TOML that `deepdiff.toml` uses, parsed with the line of every key kept, so that
/// a config error can name the file, line and key.
///
/// Supported: `# comments`, `[table]` and `[dotted.table]` headers, `key = value` with basic
/// (`"..."`, with escapes) and literal (`'...'`) strings, integers, booleans, and arrays of those
/// (which may span lines). Anything else is a parse error with its line.
struct TOMLDocument: Sendable {
    /// A parsed value.
    enum Value: Sendable, Equatable {
        case string(String)
        case integer(Int)
        case boolean(Bool)
        case array([Value])
    }

    /// One `key = value` line: the table it sits in, its key, value and 1-based line.
    struct Entry: Sendable, Equatable {
        let table: [String]
        let key: String
        let value: Value
        let line: Int

        /// `table.key` as written in errors, e.g. `environments.production.url`.
        var path: String { (table + [key]).joined(separator: ".") }
    }

    /// A parse error at a line.
    struct ParseError: Error, Equatable {
        let line: Int
        let message: String
    }

    /// Every entry, in file order.
    let entries: [Entry]
    /// Every table header, in file order, with its line.
    let tables: [(path: [String], line: Int)]

    /// Parses `text`.
    init(parsing text: String) throws(ParseError) {
        var parser = Parser(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        try parser.parse()
        entries = parser.entries
        tables = parser.tables
    }

    private struct Parser {
        let lines: [String]
        var lineIndex = 0
        var entries: [Entry] = []
        var tables: [(path: [String], line: Int)] = []
        var currentTable: [String] = []

        init(lines: [String]) { self.lines = lines }

        mutating func parse() throws(ParseError) {
            while lineIndex < lines.count {
                let lineNumber = lineIndex + 1
                var cursor = Cursor(text: lines[lineIndex])
                lineIndex += 1
                cursor.skipSpace()
                if cursor.atEndOrComment { continue }
                if cursor.peek == "[" {
                    cursor.advance()
                    let path = try cursor.readKeyPath(line: lineNumber)
                    cursor.skipSpace()
                    guard cursor.peek == "]" else { throw ParseError(line: lineNumber, message: "expected ']' after table name") }
                    cursor.advance()
                    try cursor.expectEnd(line: lineNumber)
                    if tables.contains(where: { $0.path == path }) {
                        throw ParseError(line: lineNumber, message: "table [\(path.joined(separator: "."))] is defined twice")
                    }
                    tables.append((path, lineNumber))
                    currentTable = path
                    continue
                }
                let keyPath = try cursor.readKeyPath(line: lineNumber)
                cursor.skipSpace()
                guard cursor.peek == "=" else { throw ParseError(line: lineNumber, message: "expected '=' after key \(keyPath.joined(separator: "."))") }
                cursor.advance()
                let value = try readValue(&cursor, line: lineNumber)
                try cursor.expectEnd(line: lineNumber)
                let table = currentTable + keyPath.dropLast()
                let key = keyPath[keyPath.count - 1]
                if entries.contains(where: { $0.table == table && $0.key == key }) {
                    throw ParseError(line: lineNumber, message: "key \((table + [key]).joined(separator: ".")) is defined twice")
                }
                entries.append(Entry(table: table, key: key, value: value, line: lineNumber))
            }
        }

        /// Reads a value; an array may continue on the following lines.
        mutating func readValue(_ cursor: inout Cursor, line: Int) throws(ParseError) -> Value {
            cursor.skipSpace()
            guard let first = cursor.peek else { throw ParseError(line: line, message: "missing value") }
            switch first {
            case "\"", "'":
                return .string(try cursor.readString(line: line))
            case "[":
                cursor.advance()
                var elements: [Value] = []
                while true {
                    try skipSpaceAcrossLines(&cursor, line: line)
                    if cursor.peek == "]" { cursor.advance(); return .array(elements) }
                    elements.append(try readValue(&cursor, line: lineIndex))
                    try skipSpaceAcrossLines(&cursor, line: line)
                    if cursor.peek == "," { cursor.advance(); continue }
                    if cursor.peek == "]" { cursor.advance(); return .array(elements) }
                    throw ParseError(line: lineIndex, message: "expected ',' or ']' in array")
                }
            default:
                let word = cursor.readBareWord()
                if word == "true" { return .boolean(true) }
                if word == "false" { return .boolean(false) }
                if let number = Int(word.replacing("_", with: "")) { return .integer(number) }
                throw ParseError(line: line, message: word.isEmpty ? "missing value" : "unsupported value '\(word)' (use a \"quoted string\")")
            }
        }

        /// Inside an array, blank lines and comments may separate elements.
        mutating func skipSpaceAcrossLines(_ cursor: inout Cursor, line: Int) throws(ParseError) {
            cursor.skipSpace()
            while cursor.atEndOrComment {
                guard lineIndex < lines.count else { throw ParseError(line: line, message: "unterminated array") }
                cursor = Cursor(text: lines[lineIndex])
                lineIndex += 1
                cursor.skipSpace()
            }
        }
    }

    /// A position within one line.
    private struct Cursor {
        let characters: [Character]
        var index = 0

        init(text: String) { characters = Array(text) }

        var peek: Character? { index < characters.count ? characters[index] : nil }
        var atEndOrComment: Bool { peek == nil || peek == "#" || peek == "\r" }

        mutating func advance() { index += 1 }

        mutating func skipSpace() {
            while let character = peek, character == " " || character == "\t" { index += 1 }
        }

        mutating func expectEnd(line: Int) throws(ParseError) {
            skipSpace()
            guard atEndOrComment else { throw ParseError(line: line, message: "unexpected text after value: '\(String(characters[index...]))'") }
        }

        mutating func readBareWord() -> String {
            let start = index
            while let character = peek, character.isLetter || character.isNumber || "_-+.".contains(character) { index += 1 }
            return String(characters[start..<index])
        }

        mutating func readKeyPath(line: Int) throws(ParseError) -> [String] {
            var path: [String] = []
            while true {
                skipSpace()
                let part: String
                if peek == "\"" || peek == "'" {
                    part = try readString(line: line)
                } else {
                    part = readBareWord()
                    guard !part.isEmpty else { throw ParseError(line: line, message: "expected a key") }
                    guard !part.contains(".") else {
                        path += part.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                        if path.contains("") { throw ParseError(line: line, message: "empty key in '\(part)'") }
                        skipSpace()
                        if peek == "." { advance(); continue }
                        return path
                    }
                }
                path.append(part)
                skipSpace()
                if peek == "." { advance(); continue }
                return path
            }
        }

        mutating func readString(line: Int) throws(ParseError) -> String {
            guard let quote = peek else { throw ParseError(line: line, message: "expected a string") }
            advance()
            var value = ""
            while let character = peek {
                advance()
                if character == quote { return value }
                if character == "\\" && quote == "\"" {
                    guard let escaped = peek else { break }
                    advance()
                    switch escaped {
                    case "n": value.append("\n")
                    case "t": value.append("\t")
                    case "r": value.append("\r")
                    case "\\": value.append("\\")
                    case "\"": value.append("\"")
                    case "u", "U":
                        let length = escaped == "u" ? 4 : 8
                        guard index + length <= characters.count,
                              let scalarValue = UInt32(String(characters[index..<index + length]), radix: 16),
                              let scalar = Unicode.Scalar(scalarValue) else {
                            throw ParseError(line: line, message: "invalid \\\(escaped) escape in string")
                        }
                        index += length
                        value.unicodeScalars.append(scalar)
                    default:
                        throw ParseError(line: line, message: "invalid escape \\\(escaped) in string")
                    }
                } else {
                    value.append(character)
                }
            }
            throw ParseError(line: line, message: "unterminated string")
        }
    }
}
