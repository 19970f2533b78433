import ArgumentParser

/// The option of the full comparisons (`compare`, `audit`) that sets a folder of migration files
/// against each side's migration history.
struct MigrationFilesOptions: ParsableArguments {
    @Option(name: .customLong("migrations-dir"),
            help: ArgumentHelp("A folder of migration files named <version>_<name>.sql (e.g. supabase/migrations): show, per side, which are applied, not applied, edited since applied, or recorded without a file.",
                               valueName: "dir"))
    var directory: String?
}
