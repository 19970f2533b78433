import CommandLineArguments

/// The `deepdiff` program: proves two PostgreSQL databases identical at the SQL-definition level,
/// or shows exactly where they are not.
enum DeepDiff {
    /// Every command, in the order `deepdiff --help` lists them. Add new commands here.
    static let commands: [any Command.Type] = [
        CompareCommand.self,
        FunctionCommand.self,
        ViewCommand.self,
        TableCommand.self,
        AuditCommand.self,
        SnapshotCommand.self,
        VerifyMigrationsCommand.self,
        TokensCommand.self,
        NormalizeCommand.self,
    ]

    static let program = ProgramInterface(
        name: "deepdiff",
        abstract: "Prove two PostgreSQL databases identical at the SQL-definition level, or show where they differ.",
        discussion: "Exit codes: 0 the same (identical or equivalent), 1 differences found, 2 error.",
        version: "0.1.0",
        commands: commands.map { $0.interface }
    )

    /// The command `interface` belongs to, made from `arguments`.
    static func command(_ interface: CommandInterface, _ arguments: ParsedArguments) throws(UsageError) -> any Command {
        guard let type = commands.first(where: { $0.interface.name == interface.name }) else {
            throw UsageError("unknown command '\(interface.name)'")
        }
        return try type.init(arguments)
    }
}
