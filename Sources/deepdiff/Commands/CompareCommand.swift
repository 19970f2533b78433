import CommandLineArguments

/// `deepdiff compare [SOURCE TARGET]`: every object of two databases or snapshots.
struct CompareCommand: Command {
    static let interface = CommandInterface(
        name: "compare",
        abstract: "Compare every object of two databases (or snapshots) and prove each identical, or show what differs.",
        discussion: """
            SOURCE and TARGET are connection strings (postgresql://..., 'host=... dbname=...', \
            service=NAME), snapshot files, or environment names from deepdiff.toml. Left out, they \
            are the config file's default pair. Exit status: 0 same, 1 differences, 2 error.
            """,
        arguments: FullComparison.arguments,
        options: FullComparison.options
    )

    let comparison: FullComparison

    init(_ arguments: ParsedArguments) throws(UsageError) {
        comparison = try FullComparison(arguments)
    }

    func run() throws -> ExitStatus {
        try comparison.run()
    }
}
