import CommandLineArguments

/// The option of the full comparisons (`compare`, `audit`) that sets a folder of migration files
/// against each side's migration history.
struct MigrationFilesOptions {
    static let directory = CommandOption.value(
        "migrations-dir", valueName: "dir",
        help: "A folder of migration files named <version>_<name>.sql (e.g. supabase/migrations): show, per side, which are applied, not applied, edited since applied, or recorded without a file.")
    /// Every option of the group.
    static let options = [directory]

    let directory: String?

    init(_ arguments: ParsedArguments) {
        directory = arguments.value(Self.directory)
    }
}
