import CommandLineArguments
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SchemaModel
import SQLTokenizer

/// `deepdiff tokens FILE|-`: prints the tokens of a SQL text as deepdiff's lexer reads them.
struct TokensCommand: Command {
    static let jsonl = CommandOption.flag("jsonl", help: "Print one JSON object per line instead of text.")

    static let interface = CommandInterface(
        name: "tokens",
        abstract: "Print the tokens of a SQL file (or - for standard input), one per line.",
        discussion: """
            Each line is `START-END KIND TEXT` (UTF-8 byte offsets, end exclusive; control \
            characters and invalid bytes escaped). With --jsonl, one JSON object per token with \
            keys start, end, kind, text, and for error tokens also bytes (the raw bytes in hex).
            """,
        arguments: [SQLInputArgument.file],
        options: [jsonl]
    )

    let input: SQLInputArgument
    let jsonl: Bool

    init(_ arguments: ParsedArguments) {
        input = SQLInputArgument(arguments)
        jsonl = arguments.isSet(Self.jsonl)
    }

    func run() throws -> ExitStatus {
        let bytes = try input.read()
        let output = jsonl ? TokenListing.jsonLines(of: bytes) : TokenListing.text(of: bytes)
        StandardStream.output.write(output)
        return .same
    }
}

/// The SQL text a command reads: a file path, or `-` for standard input.
struct SQLInputArgument {
    static let file = PositionalArgument.one("file", help: "A SQL file, or - to read standard input.")

    let file: String

    init(_ arguments: ParsedArguments) {
        file = arguments.value(Self.file)
    }

    /// The file's bytes, exactly as stored.
    func read() throws -> [UInt8] {
        let descriptor = file == "-" ? STDIN_FILENO : open(file, O_RDONLY)
        guard descriptor >= 0 else { throw SQLInputError(path: file, reason: FileErrorText.reason(errorNumber: errno)) }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count > 0 {
                bytes.append(contentsOf: chunk[..<count])
            } else if errno != EINTR {
                throw SQLInputError(path: file, reason: FileErrorText.reason(errorNumber: errno))
            }
        }
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif

/// A SQL input that could not be read; shown as `cannot read FILE: reason`.
struct SQLInputError: Error, CustomStringConvertible {
    /// The path as the user gave it.
    let path: String
    /// The system's reason, e.g. "No such file or directory".
    let reason: String

    var description: String { "cannot read \(path): \(reason)" }
}
