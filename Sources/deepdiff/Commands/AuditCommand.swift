import CommandLineArguments

/// `deepdiff audit [SOURCE TARGET] -o report.md`: the pre-release audit report in Markdown — counts
/// and verdicts per kind, the objects proven identical with their fingerprints, the formatting-only
/// ones, the real differences with their diffs, and what to do next.
struct AuditCommand: Command {
    static let interface = CommandInterface(
        name: "audit",
        abstract: "Write a Markdown audit report of two databases (or snapshots), with proof for every object.",
        arguments: FullComparison.arguments,
        options: FullComparison.options
    )

    let comparison: FullComparison

    init(_ arguments: ParsedArguments) throws(UsageError) {
        var comparison = try FullComparison(arguments)
        if comparison.outputOptions.format == .text { comparison.outputOptions.format = .markdown }
        self.comparison = comparison
    }

    func run() throws -> ExitStatus {
        try comparison.run()
    }
}
