import CommandLineArguments
import Comparison
import SchemaModel

/// What `deepdiff function|view|table NAME [SOURCE TARGET]` share: find the named object(s) on
/// either side, compare only those (all overloads of a function; a table with its columns,
/// constraints, indexes, triggers and policies), or say the name is unknown and suggest close ones.
protocol SingleObjectCommand: Command {
    /// The command's name, also the word its messages use for what it compares: "function".
    static var name: String { get }
    /// What the command does, in one sentence.
    static var abstract: String { get }
    /// The kinds the name may denote.
    static var kinds: Set<ObjectKind> { get }
    /// The command made of its parts (each command's memberwise initializer).
    init(arguments: SingleObjectArguments, sourceOptions: SourceOptions, outputOptions: OutputOptions)
    var arguments: SingleObjectArguments { get }
    var sourceOptions: SourceOptions { get }
    var outputOptions: OutputOptions { get }
}

extension SingleObjectCommand {
    static var interface: CommandInterface {
        CommandInterface(name: name, abstract: abstract, arguments: [SingleObjectArguments.name, SidePairArguments.sides],
                         options: SourceOptions.options + OutputOptions.options)
    }

    init(_ arguments: ParsedArguments) throws(UsageError) {
        self.init(arguments: try SingleObjectArguments(arguments), sourceOptions: try SourceOptions(arguments),
                  outputOptions: try OutputOptions(arguments))
    }

    func run() throws -> ExitStatus {
        let name = arguments.name
        return try ComparisonRun(sources: sourceOptions, output: outputOptions).run(arguments: arguments.pair.sides) { source, target in
            let found = ObjectLookup.objects(named: name, kinds: Self.kinds, in: [source, target])
            guard !found.isEmpty else {
                let suggestions = ObjectLookup.suggestions(for: name, kinds: Self.kinds, in: [source, target])
                let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?"
                throw UnknownObjectError(description: "no \(Self.name) named '\(name)' on either side\(hint)")
            }
            return Set(found)
        }
    }
}

/// The positional arguments of the single-object commands: NAME, then both sides or neither.
struct SingleObjectArguments {
    static let name = PositionalArgument.one("name", help: "The object's name: NAME or SCHEMA.NAME.")

    let name: String
    let pair: SidePairArguments

    init(_ arguments: ParsedArguments) throws(UsageError) {
        name = arguments.value(Self.name)
        pair = try SidePairArguments(arguments)
    }
}

/// The named object exists on neither side.
struct UnknownObjectError: Error, CustomStringConvertible {
    let description: String
}

/// `deepdiff function NAME [SOURCE TARGET]`.
struct FunctionCommand: SingleObjectCommand {
    static let name = "function"
    static let abstract = "Compare one function, procedure or aggregate (every overload), with its fingerprints and diff."
    static let kinds: Set<ObjectKind> = [.function, .procedure, .aggregate]

    let arguments: SingleObjectArguments
    let sourceOptions: SourceOptions
    let outputOptions: OutputOptions
}

/// `deepdiff view NAME [SOURCE TARGET]`.
struct ViewCommand: SingleObjectCommand {
    static let name = "view"
    static let abstract = "Compare one view or materialized view, with its fingerprints, columns and diff."
    static let kinds: Set<ObjectKind> = [.view, .materializedView]

    let arguments: SingleObjectArguments
    let sourceOptions: SourceOptions
    let outputOptions: OutputOptions
}

/// `deepdiff table NAME [SOURCE TARGET]`.
struct TableCommand: SingleObjectCommand {
    static let name = "table"
    static let abstract = "Compare one table with its columns, constraints, indexes, triggers and policies."
    static let kinds: Set<ObjectKind> = [.table]

    let arguments: SingleObjectArguments
    let sourceOptions: SourceOptions
    let outputOptions: OutputOptions
}
