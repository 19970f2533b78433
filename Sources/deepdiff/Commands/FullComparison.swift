import CommandLineArguments

/// What the comparisons of whole databases (`compare`, `audit`) take and do: both sides or neither,
/// every option of reading and reporting, and a folder of migration files.
struct FullComparison {
    static let arguments = [SidePairArguments.sides]
    static let options = SourceOptions.options + OutputOptions.options + MigrationFilesOptions.options

    let pair: SidePairArguments
    let sourceOptions: SourceOptions
    var outputOptions: OutputOptions
    let migrationFiles: MigrationFilesOptions

    init(_ arguments: ParsedArguments) throws(UsageError) {
        pair = try SidePairArguments(arguments)
        sourceOptions = try SourceOptions(arguments)
        outputOptions = try OutputOptions(arguments)
        migrationFiles = MigrationFilesOptions(arguments)
    }

    /// Reads both sides, compares them and writes the reports.
    func run() throws -> ExitStatus {
        try ComparisonRun(sources: sourceOptions, output: outputOptions)
            .run(arguments: pair.sides, migrationsDirectory: migrationFiles.directory)
    }
}
