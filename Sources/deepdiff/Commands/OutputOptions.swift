import ArgumentParser

/// The output formats every comparing command can write.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json, junit, markdown
}

/// When the text report uses colour.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
    case auto, always, never
}

/// Options shared by every comparing command: what to write, where, and what counts as a difference.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: text, json, junit or markdown.")
    var format: OutputFormat = .text

    @Option(name: [.short, .long], help: "Write the report to FILE instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Also write a JUnit XML report to FILE (for CI), beside the main output.")
    var junit: String?

    @Flag(name: .long, help: "Count formatting-only (equivalent) differences as differences: exit 1 unless byte-identical.")
    var strict = false

    @Flag(name: .long, help: "Show diff hunks that change formatting only.")
    var showFormatting = false

    @Flag(name: [.short, .long], help: "List identical objects too, with their fingerprints.")
    var verbose = false

    @Option(name: .long, help: "Colour in the text report: auto (only on a terminal, never with NO_COLOR), always or never.")
    var color: ColorChoice = .auto
}
