import ArgumentParser

/// `deepdiff audit [SOURCE TARGET] -o report.md`: the pre-release audit report in Markdown — counts
/// and verdicts per kind, the objects proven identical with their fingerprints, the formatting-only
/// ones, the real differences with their diffs, and what to do next.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Write a Markdown audit report of two databases (or snapshots), with proof for every object."
    )

    @Argument(help: "SOURCE and TARGET (or neither, for the config file's default pair).")
    var sides: [String] = []

    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        guard sides.count == 0 || sides.count == 2 else {
            throw ValidationError("give both SOURCE and TARGET, or neither to use the config file's default pair")
        }
    }

    func run() throws {
        var output = outputOptions
        if output.format == .text { output.format = .markdown }
        throw try ComparisonRun(sources: sourceOptions, output: output).run(arguments: sides).exitCode
    }
}
