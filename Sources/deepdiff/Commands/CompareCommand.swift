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
        let status = try ComparisonRun(sources: sourceOptions, output: outputOptions).run(arguments: sides)
        throw status.exitCode
    }
}
