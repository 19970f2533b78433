import ArgumentParser
import SchemaModel

/// `deepdiff snapshot DATABASE -o FILE`: writes a database's schema model to a snapshot file that
/// can stand in for the database in a later comparison.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Write a database's schema to a deterministic JSON snapshot file (no secrets)."
    )

    @Argument(help: "The database: a connection string, service=NAME or an environment of deepdiff.toml.")
    var database: String

    @Option(name: [.short, .long], help: "The snapshot file to write.")
    var output: String

    @OptionGroup var sourceOptions: SourceOptions

    func run() throws {
        let context = SideContext(options: sourceOptions)
        let config = try context.loadConfig()
        let snapshot = try context.loader(config: config).load(try context.resolve(database, config: config))
        KeptUntilExit.keep(snapshot)
        try SnapshotFile.write(snapshot, to: output)
        if !sourceOptions.quiet {
            StandardStream.error.write("deepdiff: wrote \(snapshot.objects.count) objects to \(output)\n")
        }
    }
}
