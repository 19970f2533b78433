import CommandLineArguments

/// One of deepdiff's commands: what it takes, how it reads its command line, and what it does.
///
/// Each command is a small type in its own file; options shared by several commands are declared
/// once, in groups (`SourceOptions`, `OutputOptions`, `FullComparison`), each option with its help
/// beside it.
protocol Command {
    /// The command's name, help, positional arguments and options.
    static var interface: CommandInterface { get }
    /// Reads and checks the values of a command line parsed against `interface`.
    init(_ arguments: ParsedArguments) throws(UsageError)
    /// Does the command's work; the status says how it ended.
    func run() throws -> ExitStatus
}
