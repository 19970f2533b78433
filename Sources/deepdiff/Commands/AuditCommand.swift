import CommandLineArguments

/// `deepdiff audit [SOURCE TARGET] -o report.md`: the pre-release audit report in Markdown — counts
/// and verdicts per kind, the objects proven identical with their fingerprints, the formatting-only
/// ones, the real differences with their diffs, and what to do next.
struct AuditCommand: Command {
    static let interface = CommandInterface(
        name: "audit",
        abstract: "Write a Markdown audit report of two databases (or snapshots), with proof for every object.",
        arguments: [SidePairArguments.sides],
        options: SourceOptions.options + OutputOptions.options + MigrationFilesOptions.options
    )

    let pair: SidePairArguments
    let sourceOptions: SourceOptions
    let outputOptions: OutputOptions
    let migrationFiles: MigrationFilesOptions

    init(_ arguments: ParsedArguments) throws(UsageError) {
        pair = try SidePairArguments(arguments)
        sourceOptions = try SourceOptions(arguments)
        var output = try OutputOptions(arguments)
        if output.format == .text { output.format = .markdown }
        outputOptions = output
        migrationFiles = MigrationFilesOptions(arguments)
    }

    func run() throws -> ExitStatus {
        try ComparisonRun(sources: sourceOptions, output: outputOptions)
            .run(arguments: pair.sides, migrationsDirectory: migrationFiles.directory)
    }
}
