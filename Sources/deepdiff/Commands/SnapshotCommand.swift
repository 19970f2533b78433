import CommandLineArguments
import SchemaModel

/// `deepdiff snapshot DATABASE -o FILE`: writes a database's schema model to a snapshot file that
/// can stand in for the database in a later comparison.
struct SnapshotCommand: Command {
    static let database = PositionalArgument.one("database", help: "The database: a connection string, service=NAME or an environment of deepdiff.toml.")
    static let output = CommandOption.value("output", short: "o", help: "The snapshot file to write.", required: true)

    static let interface = CommandInterface(
        name: "snapshot",
        abstract: "Write a database's schema to a deterministic JSON snapshot file (no secrets).",
        arguments: [database],
        options: [output] + SourceOptions.options
    )

    let database: String
    let output: String
    let sourceOptions: SourceOptions

    init(_ arguments: ParsedArguments) throws(UsageError) {
        database = arguments.value(Self.database)
        output = try arguments.requiredValue(Self.output)
        sourceOptions = try SourceOptions(arguments)
    }

    func run() throws -> ExitStatus {
        let context = SideContext(options: sourceOptions)
        let config = try context.loadConfig()
        let snapshot = try context.loader(config: config).load(try context.resolve(database, config: config))
        KeptUntilExit.keep(snapshot)
        try SnapshotFile.write(snapshot, to: output)
        if !sourceOptions.quiet {
            StandardStream.error.write("deepdiff: wrote \(snapshot.objects.count) objects to \(output)\n")
        }
        return .same
    }
}
