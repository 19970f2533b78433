import CommandLineArguments
import SchemaModel
import SQLFingerprint
import SQLTokenizer

/// `deepdiff normalize FILE|-`: prints a SQL text's canonical form and its fingerprint.
struct NormalizeCommand: Command {
    static let interface = CommandInterface(
        name: "normalize",
        abstract: "Print the canonical form of a SQL file (or - for standard input) and its SHA-256.",
        discussion: """
            The canonical form drops whitespace and comments, folds keyword and unquoted-name case, \
            unquotes names that need no quotes, writes every string constant in one notation, and \
            normalizes the bodies of sql and plpgsql routines the same way. Texts with the same \
            canonical form have the same fingerprint, printed last as sha256:<hex>.
            """,
        arguments: [SQLInputArgument.file]
    )

    let input: SQLInputArgument

    init(_ arguments: ParsedArguments) {
        input = SQLInputArgument(arguments)
    }

    func run() throws -> ExitStatus {
        let bytes = try input.read()
        let (canonical, digest) = bytes.withUnsafeBufferPointer { text in
            SQLNormalizer.withCanonicalBytes(of: text) { (String(decoding: $0, as: UTF8.self), SHA256Digest.hex(of: $0)) }
        }
        StandardStream.output.write("\(canonical)\n\(Fingerprint(hex: digest))\n")
        return .same
    }
}
