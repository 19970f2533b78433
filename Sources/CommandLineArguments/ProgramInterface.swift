/// A program of several commands (`deepdiff compare ...`, `deepdiff snapshot ...`): what it says
/// about itself, and which command a command line runs.
public struct ProgramInterface: Sendable {
    /// The program's name as users type it.
    public let name: String
    /// One sentence: what the program does.
    public let abstract: String
    /// Paragraphs after the abstract in help; empty for none.
    public let discussion: String
    /// What `--version` prints.
    public let version: String
    /// The commands, in the order help lists them.
    public let commands: [CommandInterface]

    public init(name: String, abstract: String, discussion: String = "", version: String, commands: [CommandInterface]) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.version = version
        self.commands = commands
    }

    /// What a command line asks for.
    public enum Invocation: Sendable {
        /// Print this help text and succeed.
        case help(String)
        /// Print the version and succeed.
        case version(String)
        /// Run this command with these values.
        case run(CommandInterface, ParsedArguments)
    }

    /// A command line that is wrong: what is wrong, and the command it was meant for, if known.
    public struct InvocationError: Error, Sendable {
        public let problem: UsageError
        public let command: CommandInterface?
    }

    /// Reads `commandLine`, the words after the program's name.
    ///
    /// No words, `--help`, `-h` or `help` ask for the program's help; `help COMMAND`, or `--help`
    /// anywhere among a command's options, for the command's; `--version` anywhere, for the version.
    public func invocation(for commandLine: [String]) throws(InvocationError) -> Invocation {
        guard let first = commandLine.first, !["--help", "-h"].contains(first) else { return .help(HelpText.program(self)) }
        if first == "--version" { return .version(version) }
        if first == "help" {
            guard let topic = commandLine.dropFirst().first else { return .help(HelpText.program(self)) }
            return .help(HelpText.command(try command(named: topic), of: self))
        }
        let command = try command(named: first)
        let words = commandLine.dropFirst()
        let optionWords = words.prefix { $0 != "--" }
        if optionWords.contains(where: { $0 == "--help" || $0 == "-h" }) { return .help(HelpText.command(command, of: self)) }
        if optionWords.contains("--version") { return .version(version) }
        do {
            return .run(command, try command.parse(Array(words)))
        } catch {
            throw InvocationError(problem: error, command: command)
        }
    }

    /// The command called `name`.
    private func command(named name: String) throws(InvocationError) -> CommandInterface {
        if let command = commands.first(where: { $0.name == name }) { return command }
        let problem = name.hasPrefix("-")
            ? UsageError("unknown option '\(name)' (give a command first: \(CommandInterface.list(commands.map(\.name))))")
            : UsageError("unknown command '\(name)' (commands: \(CommandInterface.list(commands.map(\.name))))")
        throw InvocationError(problem: problem, command: nil)
    }

    /// How to read more about `command` (or the program): `see 'deepdiff compare --help'`.
    public func helpHint(for command: CommandInterface?) -> String {
        "see '\(name)\(command.map { " \($0.name)" } ?? "") --help'"
    }
}
