import ArgumentParser

/// `deepdiff audit [SOURCE TARGET] -o report.md`: the pre-release audit report in Markdown — counts
/// and verdicts per kind, the objects proven identical with their fingerprints, the formatting-only
/// ones, the real differences with their diffs, and what to do next.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Write a Markdown audit report of two databases (or snapshots), with proof for every object."
    )

    @OptionGroup var pair: SidePairArguments
    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var migrationFiles: MigrationFilesOptions

    func run() throws {
        var output = outputOptions
        if output.format == .text { output.format = .markdown }
        throw try ComparisonRun(sources: sourceOptions, output: output)
            .run(arguments: pair.sides, migrationsDirectory: migrationFiles.directory).exitCode
    }
}
