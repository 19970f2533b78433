import CommandLineArguments
import FoundationEssentials
import Migrations
import PostgresClient

/// `deepdiff verify-migrations DIR --against DATABASE`: applies the migration files to a scratch
/// database and proves, migration by migration, whether their effects are present exactly in DATABASE.
struct VerifyMigrationsCommand: Command {
    static let directory = PositionalArgument.one("directory", help: "The folder of migration files.")
    static let against = CommandOption.value("against", help: "The database to check: a connection string, service=NAME or an environment of deepdiff.toml.",
                                             required: true)
    static let shadow = CommandOption.value("shadow", help: "A PostgreSQL server (connection string) for the scratch database, instead of a throwaway local one.")
    static let setup = CommandOption.repeatedValue("setup", help: "SQL run before the migrations, e.g. roles and schemas the platform provides (repeatable, in order).")

    static let interface = CommandInterface(
        name: "verify-migrations",
        abstract: "Apply migration files to a scratch database and check that each one's effects are present exactly in a database.",
        discussion: """
            The files (<version>_<name>.sql, as in supabase/migrations) are applied in order, each in one \
            transaction, to a scratch database: a throwaway local PostgreSQL that deepdiff starts and removes, \
            or a new database on the --shadow server (dropped afterwards; an empty --shadow database is used \
            as it is when no database may be created there). The objects each migration created, changed or \
            dropped last are then compared with DATABASE. Nothing is written to DATABASE.

            Exit codes: 0 every migration's effects are present exactly, 1 some are not (or a file failed \
            to apply), 2 error.
            """,
        arguments: [directory],
        options: [against, shadow, setup] + SourceOptions.options
    )

    let directory: String
    let against: String
    let shadow: String?
    let setup: [String]
    let sourceOptions: SourceOptions

    init(_ arguments: ParsedArguments) throws(UsageError) {
        directory = arguments.value(Self.directory)
        against = try arguments.requiredValue(Self.against)
        shadow = arguments.value(Self.shadow)
        setup = arguments.values(Self.setup)
        sourceOptions = try SourceOptions(arguments)
        var isFolder = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder else {
            throw UsageError("\(directory) is not a folder")
        }
        for file in setup where !FileManager.default.isReadableFile(atPath: file) {
            throw UsageError("cannot read setup file \(file)")
        }
    }

    func run() throws -> ExitStatus {
        let context = SideContext(options: sourceOptions)
        let config = try context.loadConfig()
        let side = try context.resolve(against, config: config)
        guard case .database(let connectionString, let password) = side.origin else {
            throw UsageError("--against must be a database, not a snapshot file: migrations are compared with a live catalog")
        }
        let migrations = try MigrationDirectory(path: directory)
        guard !migrations.files.isEmpty else {
            throw UsageError("\(directory) holds no migration files named <version>_<name>.sql")
        }
        let connection: PostgresConnection
        do {
            connection = try PostgresConnection(connectionString, password: password, connectTimeoutSeconds: sourceOptions.connectTimeout)
        } catch {
            throw SideReadError(side: side.label, underlying: error)
        }
        if !sourceOptions.quiet {
            StandardStream.error.write("deepdiff: applying \(migrations.files.count) migrations to a scratch database…\n")
        }
        let verification = try ShadowVerification(directory: migrations, setupFiles: setup, shadowURL: shadow,
                                                  scope: context.scope(config: config),
                                                  statementTimeoutMilliseconds: sourceOptions.statementTimeout * 1000,
                                                  connectTimeoutSeconds: sourceOptions.connectTimeout)
            .verify(against: connection, label: side.label)
        StandardStream.output.write(MigrationVerificationText.render(verification, directory: migrations, label: side.label))
        return verification.allPresentExactly ? .same : .different
    }
}
