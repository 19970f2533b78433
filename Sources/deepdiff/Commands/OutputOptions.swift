import CommandLineArguments

/// The output formats every comparing command can write.
enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, junit, markdown
}

/// When the text report uses colour.
enum ColorChoice: String, CaseIterable, Sendable {
    case auto, always, never
}

/// Options shared by every comparing command: what to write, where, and what counts as a difference.
struct OutputOptions {
    static let format = CommandOption.value("format", help: "Output format: text, json, junit or markdown.",
                                            default: "text", choices: OutputFormat.allCases.map(\.rawValue))
    static let output = CommandOption.value("output", short: "o", help: "Write the report to FILE instead of standard output.")
    static let junit = CommandOption.value("junit", help: "Also write a JUnit XML report to FILE (for CI), beside the main output.")
    static let strict = CommandOption.flag("strict", help: "Count formatting-only (equivalent) differences as differences: exit 1 unless byte-identical.")
    static let showFormatting = CommandOption.flag("show-formatting", help: "Show diff hunks that change formatting only.")
    static let verbose = CommandOption.flag("verbose", short: "v", help: "List identical objects too, with their fingerprints.")
    static let color = CommandOption.value("color", help: "Colour in the text report: auto (only on a terminal, never with NO_COLOR), always or never.",
                                           default: "auto", choices: ColorChoice.allCases.map(\.rawValue))
    /// Every option of the group, in the order help lists them.
    static let options = [format, output, junit, strict, showFormatting, verbose, color]

    var format: OutputFormat
    let output: String?
    let junit: String?
    let strict: Bool
    let showFormatting: Bool
    let verbose: Bool
    let color: ColorChoice

    init(_ arguments: ParsedArguments) throws(UsageError) {
        format = try arguments.choice(Self.format, as: OutputFormat.self)
        output = arguments.value(Self.output)
        junit = arguments.value(Self.junit)
        strict = arguments.isSet(Self.strict)
        showFormatting = arguments.isSet(Self.showFormatting)
        verbose = arguments.isSet(Self.verbose)
        color = try arguments.choice(Self.color, as: ColorChoice.self)
    }
}
