import ArgumentParser

/// `deepdiff compare [SOURCE TARGET]`: every object of two databases or snapshots.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare every object of two databases (or snapshots) and prove each identical, or show what differs.",
        discussion: """
            SOURCE and TARGET are connection strings (postgresql://..., 'host=... dbname=...', \
            service=NAME), snapshot files, or environment names from deepdiff.toml. Left out, they \
            are the config file's default pair. Exit status: 0 same, 1 differences, 2 error.
            """
    )

    @OptionGroup var pair: SidePairArguments
    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var migrationFiles: MigrationFilesOptions

    func run() throws {
        let status = try ComparisonRun(sources: sourceOptions, output: outputOptions)
            .run(arguments: pair.sides, migrationsDirectory: migrationFiles.directory)
        throw status.exitCode
    }
}
