/// What one command takes and says about itself: its name, help texts, positional arguments and
/// options. `parse(_:)` reads a command line against it; `HelpText` renders its help.
public struct CommandInterface: Sendable {
    /// The word that selects the command: `compare`.
    public let name: String
    /// One sentence: what the command does.
    public let abstract: String
    /// Paragraphs after the abstract in help, separated by blank lines; empty for none.
    public let discussion: String
    public let arguments: [PositionalArgument]
    public let options: [CommandOption]

    public init(name: String, abstract: String, discussion: String = "",
                arguments: [PositionalArgument] = [], options: [CommandOption] = []) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
    }

    /// Reads `commandLine`, the words after the command's name, into values by option and argument.
    ///
    /// Options and positional values may come in any order; `--` ends the options (every word after
    /// it is positional) and `-` alone is a positional value (standard input, by convention).
    /// `--help`/`-h` and `--version` are not read here: see `ProgramInterface.invocation(for:)`.
    public func parse(_ commandLine: [String]) throws(UsageError) -> ParsedArguments {
        var values: [String: [String]] = [:]
        var positionals: [String] = []
        var words = commandLine[...]
        var optionsEnded = false
        while let word = words.popFirst() {
            if optionsEnded || word == "-" || !word.hasPrefix("-") {
                positionals.append(word)
                continue
            }
            if word == "--" {
                optionsEnded = true
                continue
            }
            let (option, inlineValue) = try self.option(in: word)
            switch option.form {
            case .flag:
                guard inlineValue == nil else { throw UsageError("\(option.spelling) takes no value") }
                values[option.name] = ["true"]
            case .value, .repeatedValue:
                guard let value = inlineValue ?? words.popFirst() else {
                    throw UsageError("\(option.spelling) needs a value (\(option.spelling) <\(option.valueName)>)")
                }
                if !option.choices.isEmpty && !option.choices.contains(value) {
                    throw UsageError("\(option.spelling) does not take '\(value)' (choose \(Self.list(option.choices)))")
                }
                values[option.name, default: []].append(value)
            }
        }
        for option in options where option.isRequired && values[option.name] == nil {
            throw UsageError("missing \(option.spelling) <\(option.valueName)>")
        }
        return ParsedArguments(optionValues: values, positionalValues: try assign(positionals))
    }

    /// The option `word` names (`--name`, `--name=value` or `-n`), with the value written into it.
    private func option(in word: String) throws(UsageError) -> (CommandOption, String?) {
        if word.hasPrefix("--") {
            let body = word.dropFirst(2)
            let name = body.firstIndex(of: "=").map { body[..<$0] } ?? body
            let inlineValue = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
            if let option = options.first(where: { $0.name == name }) { return (option, inlineValue) }
        } else if let option = options.first(where: { $0.shortName.map { "-\($0)" } == word }) {
            return (option, nil)
        }
        // Only the name: what follows `=` may be a secret typed in the wrong place.
        throw UsageError("unknown option '\(word.prefix { $0 != "=" })'")
    }

    /// The positional values, given out to the positional arguments in order.
    private func assign(_ positionals: [String]) throws(UsageError) -> [String: [String]] {
        var assigned: [String: [String]] = [:]
        var remaining = positionals[...]
        for argument in arguments {
            switch argument.count {
            case .one:
                guard let value = remaining.popFirst() else { throw UsageError("missing <\(argument.name)>") }
                assigned[argument.name] = [value]
            case .any:
                assigned[argument.name] = Array(remaining)
                remaining = []
            }
        }
        if let extra = remaining.first { throw UsageError("unexpected argument '\(extra)'") }
        return assigned
    }

    /// `a, b or c`.
    static func list(_ words: [String]) -> String {
        guard let last = words.last, words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " or " + last
    }
}
