import ArgumentParser
import Comparison
import SchemaModel

/// What `deepdiff function|view|table NAME [SOURCE TARGET]` share: find the named object(s) on
/// either side, compare only those (all overloads of a function; a table with its columns,
/// constraints, indexes, triggers and policies), or say the name is unknown and suggest close ones.
struct SingleObjectComparison {
    /// The kinds the name may denote.
    let kinds: Set<ObjectKind>
    /// The word used in messages, e.g. "function".
    let noun: String

    /// Runs the comparison for `name` and returns the exit status.
    func run(name: String, sides: [String], sources: SourceOptions, output: OutputOptions) throws -> ExitStatus {
        try ComparisonRun(sources: sources, output: output).run(arguments: sides) { source, target in
            let found = ObjectLookup.objects(named: name, kinds: kinds, in: [source, target])
            guard !found.isEmpty else {
                let suggestions = ObjectLookup.suggestions(for: name, kinds: kinds, in: [source, target])
                let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?"
                throw UnknownObjectError(description: "no \(noun) named '\(name)' on either side\(hint)")
            }
            return Set(found)
        }
    }

    /// Checks the positional arguments: NAME, then both sides or neither.
    static func validate(sides: [String]) throws {
        guard sides.count == 0 || sides.count == 2 else {
            throw ValidationError("give NAME, then both SOURCE and TARGET or neither (for the config file's default pair)")
        }
    }
}

/// The named object exists on neither side.
struct UnknownObjectError: Error, CustomStringConvertible {
    let description: String
}

/// `deepdiff function NAME [SOURCE TARGET]`.
struct FunctionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "function",
        abstract: "Compare one function, procedure or aggregate (every overload), with its fingerprints and diff."
    )

    @Argument(help: "The function's name: NAME or SCHEMA.NAME.") var name: String
    @Argument(help: "SOURCE and TARGET (or neither, for the config file's default pair).") var sides: [String] = []
    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws { try SingleObjectComparison.validate(sides: sides) }

    func run() throws {
        let comparison = SingleObjectComparison(kinds: [.function, .procedure, .aggregate], noun: "function")
        throw try comparison.run(name: name, sides: sides, sources: sourceOptions, output: outputOptions).exitCode
    }
}

/// `deepdiff view NAME [SOURCE TARGET]`.
struct ViewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Compare one view or materialized view, with its fingerprints, columns and diff."
    )

    @Argument(help: "The view's name: NAME or SCHEMA.NAME.") var name: String
    @Argument(help: "SOURCE and TARGET (or neither, for the config file's default pair).") var sides: [String] = []
    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws { try SingleObjectComparison.validate(sides: sides) }

    func run() throws {
        let comparison = SingleObjectComparison(kinds: [.view, .materializedView], noun: "view")
        throw try comparison.run(name: name, sides: sides, sources: sourceOptions, output: outputOptions).exitCode
    }
}

/// `deepdiff table NAME [SOURCE TARGET]`.
struct TableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "Compare one table with its columns, constraints, indexes, triggers and policies."
    )

    @Argument(help: "The table's name: NAME or SCHEMA.NAME.") var name: String
    @Argument(help: "SOURCE and TARGET (or neither, for the config file's default pair).") var sides: [String] = []
    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws { try SingleObjectComparison.validate(sides: sides) }

    func run() throws {
        let comparison = SingleObjectComparison(kinds: [.table], noun: "table")
        throw try comparison.run(name: name, sides: sides, sources: sourceOptions, output: outputOptions).exitCode
    }
}
