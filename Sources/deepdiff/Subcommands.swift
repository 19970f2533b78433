import ArgumentParser

extension DeepDiff {
    /// Every subcommand, in the order `deepdiff --help` lists them. Add new commands here.
    static let subcommandTypes: [any ParsableCommand.Type] = [
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
}
