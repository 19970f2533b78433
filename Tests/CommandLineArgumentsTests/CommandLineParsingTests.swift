import CommandLineArguments
import Testing

/// A command shaped like deepdiff's own: a positional list, flags, options with defaults and choices.
enum Sample {
    static let sides = PositionalArgument.any("sides", help: "Both sides, or neither.")
    static let name = PositionalArgument.one("name", help: "The object's name.")
    static let format = CommandOption.value("format", help: "Output format.", default: "text", choices: ["text", "json"])
    static let output = CommandOption.value("output", short: "o", help: "Where to write.")
    static let schema = CommandOption.repeatedValue("schema", help: "Read only this schema.")
    static let timeout = CommandOption.value("timeout", help: "Seconds to wait.", default: "10")
    static let quiet = CommandOption.flag("quiet", help: "No progress.")
    static let verbose = CommandOption.flag("verbose", short: "v", help: "More.")
    static let required = CommandOption.value("against", help: "The database to check.", required: true)

    static let compare = CommandInterface(name: "compare", abstract: "Compare two sides.", arguments: [sides],
                                          options: [format, output, schema, timeout, quiet, verbose])
    static let lookup = CommandInterface(name: "lookup", abstract: "Look one object up.", arguments: [name, sides])
    static let verify = CommandInterface(name: "verify", abstract: "Verify.", options: [required])
    static let program = ProgramInterface(name: "tool", abstract: "Does things.", version: "1.2.3",
                                          commands: [compare, lookup, verify])

    /// The usage error `commandLine` gets from `command`, or nil when it parses.
    static func problem(_ command: CommandInterface, _ commandLine: [String]) -> String? {
        do {
            _ = try command.parse(commandLine)
            return nil
        } catch {
            return error.description
        }
    }
}

@Suite("reading a command line")
struct CommandLineParsingTests {
    @Test("options and positional values come in any order, and options in every spelling")
    func anyOrderAndSpelling() throws {
        let parsed = try Sample.compare.parse(["a", "--format=json", "-o", "out.txt", "--quiet", "b", "-v"])
        #expect(parsed.values(Sample.sides) == ["a", "b"])
        #expect(try parsed.choice(Sample.format, as: Format.self) == .json)
        #expect(parsed.value(Sample.output) == "out.txt")
        #expect(parsed.isSet(Sample.quiet) && parsed.isSet(Sample.verbose))
        #expect(try Sample.compare.parse(["--output", "x", "--format", "text"]).value(Sample.output) == "x")
    }

    @Test("an option not given has its declared default, or none")
    func defaults() throws {
        let parsed = try Sample.compare.parse([])
        #expect(try parsed.integer(Sample.timeout) == 10)
        #expect(try parsed.choice(Sample.format, as: Format.self) == .text)
        #expect(parsed.value(Sample.output) == nil)
        #expect(!parsed.isSet(Sample.quiet))
        #expect(parsed.values(Sample.sides).isEmpty && parsed.values(Sample.schema).isEmpty)
    }

    @Test("a repeated option keeps every value in order; a single-value option keeps the last")
    func repetition() throws {
        let parsed = try Sample.compare.parse(["--schema", "b", "--schema=a", "-o", "first", "-o", "second"])
        #expect(parsed.values(Sample.schema) == ["b", "a"])
        #expect(parsed.value(Sample.output) == "second")
    }

    @Test("after -- every word is positional, and - alone always is")
    func endOfOptions() throws {
        #expect(try Sample.compare.parse(["-", "--", "--quiet"]).values(Sample.sides) == ["-", "--quiet"])
        #expect(try Sample.compare.parse(["--", "--quiet"]).isSet(Sample.quiet) == false)
    }

    @Test("an option's value is taken as given, even when it starts with a dash")
    func valueStartingWithDash() throws {
        #expect(try Sample.compare.parse(["-o", "-"]).value(Sample.output) == "-")
        #expect(try Sample.compare.parse(["--output", "--quiet"]).value(Sample.output) == "--quiet")
    }

    @Test("positional values fill the arguments in order: one for NAME, the rest for the list")
    func positionalAssignment() throws {
        let parsed = try Sample.lookup.parse(["get_metrics", "prod", "staging"])
        #expect(parsed.value(Sample.name) == "get_metrics")
        #expect(parsed.values(Sample.sides) == ["prod", "staging"])
    }

    @Test("each wrong command line gets one sentence that names what is wrong", arguments: [
        (["--no-such-flag"], "unknown option '--no-such-flag'"),
        (["-x"], "unknown option '-x'"),
        (["--quiet=yes"], "--quiet takes no value"),
        (["--output"], "--output needs a value (--output <output>)"),
        (["--format", "xml"], "--format does not take 'xml' (choose text or json)"),
    ])
    func wrongCommandLines(commandLine: [String], expected: String) {
        #expect(Sample.problem(Sample.compare, commandLine) == expected)
    }

    @Test("a missing required argument or option, and a value too many, are usage errors")
    func missingAndExtra() {
        #expect(Sample.problem(Sample.lookup, []) == "missing <name>")
        #expect(Sample.problem(Sample.verify, []) == "missing --against <against>")
        #expect(Sample.problem(Sample.verify, ["extra", "--against", "db"]) == "unexpected argument 'extra'")
    }

    @Test("a number option holding something else is a usage error, not a crash or a zero")
    func malformedNumber() throws {
        let parsed = try Sample.compare.parse(["--timeout", "ten"])
        #expect(throws: UsageError("--timeout takes a whole number, not 'ten'")) { try parsed.integer(Sample.timeout) }
    }

    enum Format: String { case text, json }
}

@Suite("what a program's command line asks for")
struct ProgramInvocationTests {
    /// The help text an invocation asks for, or nil when it asks for something else.
    static func help(_ commandLine: [String]) throws -> String? {
        if case .help(let text) = try Sample.program.invocation(for: commandLine) { return text }
        return nil
    }

    @Test("no words, --help, -h and help ask for the program's help", arguments: [[], ["--help"], ["-h"], ["help"]])
    func programHelp(commandLine: [String]) throws {
        #expect(try Self.help(commandLine) == HelpText.program(Sample.program))
    }

    @Test("help COMMAND, or --help anywhere before --, asks for that command's help")
    func commandHelp() throws {
        let expected = HelpText.command(Sample.compare, of: Sample.program)
        #expect(try Self.help(["help", "compare"]) == expected)
        #expect(try Self.help(["compare", "a", "--no-such-flag", "-h"]) == expected)
        #expect(try Self.help(["compare", "--", "--help"]) == nil)
    }

    @Test("--version anywhere asks for the version")
    func version() throws {
        for commandLine in [["--version"], ["compare", "a", "--version"]] {
            guard case .version(let version) = try Sample.program.invocation(for: commandLine) else {
                Issue.record("\(commandLine) did not ask for the version")
                continue
            }
            #expect(version == "1.2.3")
        }
    }

    @Test("a command's words are read against that command")
    func run() throws {
        guard case .run(let command, let arguments) = try Sample.program.invocation(for: ["compare", "a", "b", "--quiet"]) else {
            Issue.record("compare did not run")
            return
        }
        #expect(command.name == "compare")
        #expect(arguments.values(Sample.sides) == ["a", "b"] && arguments.isSet(Sample.quiet))
    }

    @Test("an unknown command, or an option before any command, names the commands there are")
    func unknownCommand() {
        for (commandLine, expected) in [(["comapre"], "unknown command 'comapre' (commands: compare, lookup or verify)"),
                                        (["--quiet"], "unknown option '--quiet' (give a command first: compare, lookup or verify)")] {
            #expect(throws: ProgramInterface.InvocationError.self) { try Sample.program.invocation(for: commandLine) }
            do {
                _ = try Sample.program.invocation(for: commandLine)
            } catch {
                #expect(error.problem.description == expected)
                #expect(error.command == nil)
            }
        }
    }

    @Test("a command's usage error says which command it was meant for")
    func usageErrorNamesCommand() {
        do {
            _ = try Sample.program.invocation(for: ["compare", "--nope"])
            Issue.record("an unknown option was accepted")
        } catch {
            #expect(error.command?.name == "compare")
            #expect(Sample.program.helpHint(for: error.command) == "see 'tool compare --help'")
        }
    }
}

@Suite("help text")
struct HelpTextTests {
    @Test("a command's help has its overview, usage, arguments and options, each option with its default and values")
    func commandHelp() {
        let help = HelpText.command(Sample.compare, of: Sample.program)
        #expect(help.hasPrefix("OVERVIEW: Compare two sides.\n\nUSAGE: tool compare [<options>] [<sides> ...]\n\nARGUMENTS:\n"))
        #expect(help.contains("\n  <sides>                 Both sides, or neither.\n"))
        #expect(help.contains("\n  --format <format>       Output format. (values: text, json; default: text)\n"))
        #expect(help.contains("\n  -o, --output <output>   Where to write.\n"))
        #expect(help.contains("\n  --quiet                 No progress.\n"))
        #expect(help.hasSuffix("  --version               Show the version.\n  -h, --help              Show help information.\n"))
    }

    @Test("required options and arguments are in the usage line, not behind [<options>]")
    func usageLine() {
        #expect(HelpText.usage(Sample.verify, of: Sample.program) == "tool verify --against <against>")
        #expect(HelpText.usage(Sample.lookup, of: Sample.program) == "tool lookup <name> [<sides> ...]")
    }

    @Test("the program's help lists every command with its abstract")
    func programHelp() {
        let help = HelpText.program(Sample.program)
        #expect(help.contains("USAGE: tool <command>\n"))
        #expect(help.contains("COMMANDS:\n  compare                 Compare two sides.\n  lookup                  Look one object up.\n"))
    }

    @Test("long help wraps within 80 columns, under its own column; a wide label gets a line of its own")
    func wrapping() {
        let wordy = CommandOption.value("a-rather-long-option-name", help: String(repeating: "word ", count: 40))
        let command = CommandInterface(name: "wordy", abstract: String(repeating: "Long abstract. ", count: 12), options: [wordy])
        let lines = HelpText.command(command, of: Sample.program).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 80 })
        let label = lines.firstIndex { $0 == "  --a-rather-long-option-name <a-rather-long-option-name>" }
        #expect(label != nil)
        if let label { #expect(lines[label + 1].hasPrefix(String(repeating: " ", count: 26) + "word word")) }
    }
}
