import ArgumentParser

/// The `deepdiff` root command: proves two PostgreSQL databases identical at the SQL-definition
/// level, or shows exactly where they are not.
struct DeepDiff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deepdiff",
        abstract: "Prove two PostgreSQL databases identical at the SQL-definition level, or show where they differ.",
        discussion: """
            Exit codes: 0 the same (identical or equivalent), 1 differences found, 2 error.
            """,
        version: "0.1.0",
        subcommands: DeepDiff.subcommandTypes
    )
}
