import ArgumentParser
import Comparison
import SchemaModel

/// What `deepdiff function|view|table NAME [SOURCE TARGET]` share: find the named object(s) on
/// either side, compare only those (all overloads of a function; a table with its columns,
/// constraints, indexes, triggers and policies), or say the name is unknown and suggest close ones.
protocol SingleObjectCommand: ParsableCommand {
    /// The kinds the name may denote.
    static var kinds: Set<ObjectKind> { get }
    /// The word used in messages, e.g. "function".
    static var noun: String { get }
    var arguments: SingleObjectArguments { get }
    var sourceOptions: SourceOptions { get }
    var outputOptions: OutputOptions { get }
}

extension SingleObjectCommand {
    func run() throws {
        let name = arguments.name
        let status = try ComparisonRun(sources: sourceOptions, output: outputOptions).run(arguments: arguments.pair.sides) { source, target in
            let found = ObjectLookup.objects(named: name, kinds: Self.kinds, in: [source, target])
            guard !found.isEmpty else {
                let suggestions = ObjectLookup.suggestions(for: name, kinds: Self.kinds, in: [source, target])
                let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?"
                throw UnknownObjectError(description: "no \(Self.noun) named '\(name)' on either side\(hint)")
            }
            return Set(found)
        }
        throw status.exitCode
    }
}

/// The positional arguments of the single-object commands: NAME, then both sides or neither.
struct SingleObjectArguments: ParsableArguments {
    @Argument(help: "The object's name: NAME or SCHEMA.NAME.") var name: String
    @OptionGroup var pair: SidePairArguments
}

/// The named object exists on neither side.
struct UnknownObjectError: Error, CustomStringConvertible {
    let description: String
}

/// `deepdiff function NAME [SOURCE TARGET]`.
struct FunctionCommand: SingleObjectCommand {
    static let configuration = CommandConfiguration(
        commandName: "function",
        abstract: "Compare one function, procedure or aggregate (every overload), with its fingerprints and diff."
    )
    static let kinds: Set<ObjectKind> = [.function, .procedure, .aggregate]
    static let noun = "function"

    @OptionGroup var arguments: SingleObjectArguments
    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var outputOptions: OutputOptions
}

/// `deepdiff view NAME [SOURCE TARGET]`.
struct ViewCommand: SingleObjectCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Compare one view or materialized view, with its fingerprints, columns and diff."
    )
    static let kinds: Set<ObjectKind> = [.view, .materializedView]
    static let noun = "view"

    @OptionGroup var arguments: SingleObjectArguments
    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var outputOptions: OutputOptions
}

/// `deepdiff table NAME [SOURCE TARGET]`.
struct TableCommand: SingleObjectCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "Compare one table with its columns, constraints, indexes, triggers and policies."
    )
    static let kinds: Set<ObjectKind> = [.table]
    static let noun = "table"

    @OptionGroup var arguments: SingleObjectArguments
    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var outputOptions: OutputOptions
}
