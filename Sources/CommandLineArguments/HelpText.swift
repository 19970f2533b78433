/// Help as a terminal shows it: an overview, the usage line, then arguments and options in two
/// columns, wrapped at 80 characters so that it reads the same in every terminal and in a file.
public enum HelpText {
    /// The width every line fits in.
    static let width = 80
    /// Where the second column (the help of an option or argument) starts.
    static let helpColumn = 26

    /// The program's help: what it does, then each command with its abstract.
    public static func program(_ program: ProgramInterface) -> String {
        var sections = overview(abstract: program.abstract, discussion: program.discussion)
        sections.append("USAGE: \(program.name) <command>")
        sections.append(table("OPTIONS", standardOptionRows))
        sections.append(table("COMMANDS", program.commands.map { ($0.name, $0.abstract) })
            + "\n\n  See '\(program.name) help <command>' for a command's options.")
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// One command's help: what it does, its usage line, its arguments and its options.
    public static func command(_ command: CommandInterface, of program: ProgramInterface) -> String {
        var sections = overview(abstract: command.abstract, discussion: command.discussion)
        sections.append("USAGE: \(usage(command, of: program))")
        if !command.arguments.isEmpty {
            sections.append(table("ARGUMENTS", command.arguments.map { ("<\($0.name)>", $0.help) }))
        }
        sections.append(table("OPTIONS", command.options.map(row) + standardOptionRows))
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// The usage line of `command`: `deepdiff snapshot [<options>] --output <output> <database>`.
    public static func usage(_ command: CommandInterface, of program: ProgramInterface) -> String {
        var words = [program.name, command.name]
        if command.options.contains(where: { !$0.isRequired }) { words.append("[<options>]") }
        words += command.options.filter(\.isRequired).map { "\($0.spelling) <\($0.valueName)>" }
        words += command.arguments.map { argument in
            switch argument.count {
            case .one: "<\(argument.name)>"
            case .any: "[<\(argument.name)> ...]"
            }
        }
        return words.joined(separator: " ")
    }

    /// The options every command and the program take, read before anything else.
    private static let standardOptionRows = [("--version", "Show the version."), ("-h, --help", "Show help information.")]

    /// The overview section, and the discussion's paragraphs if any.
    private static func overview(abstract: String, discussion: String) -> [String] {
        var sections = [wrap("OVERVIEW: \(abstract)", width: width).joined(separator: "\n")]
        if !discussion.isEmpty {
            sections += discussion.split(separator: "\n\n").map { wrap(String($0), width: width).joined(separator: "\n") }
        }
        return sections
    }

    /// An option's label and help, its accepted values and default appended to the help.
    private static func row(_ option: CommandOption) -> (String, String) {
        var label = option.shortName.map { "-\($0), " } ?? ""
        label += option.spelling
        if option.form != .flag { label += " <\(option.valueName)>" }
        var notes: [String] = []
        if !option.choices.isEmpty { notes.append("values: \(option.choices.joined(separator: ", "))") }
        if let defaultValue = option.defaultValue { notes.append("default: \(defaultValue)") }
        return (label, notes.isEmpty ? option.help : "\(option.help) (\(notes.joined(separator: "; ")))")
    }

    /// A titled section of two columns; a label too wide for the first column gets a line of its own.
    private static func table(_ title: String, _ rows: [(label: String, help: String)]) -> String {
        let indent = String(repeating: " ", count: helpColumn)
        var lines = ["\(title):"]
        for (label, help) in rows {
            var helpLines = wrap(help, width: width - helpColumn)
            let first = "  " + label
            if first.count <= helpColumn - 2, !helpLines.isEmpty {
                lines.append(first + String(repeating: " ", count: helpColumn - first.count) + helpLines.removeFirst())
            } else {
                lines.append(first)
            }
            lines += helpLines.map { indent + $0 }
        }
        return lines.joined(separator: "\n")
    }

    /// `text`'s words in lines of at most `width` characters (a longer word has a line of its own).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
