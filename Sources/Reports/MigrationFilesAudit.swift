import Comparison
import SchemaModel

/// What every report says about the migration files (`--migrations-dir`): per side the counts of
/// each status and the versions not applied, edited since applied or recorded without a file.
/// Database- and file-derived text in the lines it returns is sanitized.
struct MigrationFilesAudit {
    /// The files set against each side's history.
    let report: MigrationFilesReport

    /// The audit of `result`'s migration files; nil when no folder was given.
    init?(_ result: ComparisonResult) {
        guard let report = result.migrationFiles else { return nil }
        self.report = report
    }

    /// The folder, sanitized.
    var directory: String { TerminalText.sanitized(report.directory) }

    /// `supabase/migrations, 17 files`.
    var title: String {
        directory + ", " + SchemaVerdict.count(report.source.comparison.files.count, "file")
    }

    /// The side's label, sanitized.
    static func label(_ side: SideMigrationFiles) -> String { TerminalText.sanitized(side.label) }

    /// The history compared with: `supabase_migrations.schema_migrations`, or a note that there is none.
    static func history(_ side: SideMigrationFiles) -> String {
        side.historyTable.map(TerminalText.sanitized) ?? "no Supabase migration history"
    }

    /// The four categories, in the order reports show them, with the records of each.
    static func categories(_ side: SideMigrationFiles) -> [(name: String, records: [MigrationRecord])] {
        [("applied", side.files(.applied)), ("not applied", side.files(.notApplied)),
         ("edited since applied", side.files(.editedSinceApplied)), ("recorded without a file", side.comparison.recordedWithoutFile)]
    }

    /// `0 applied, 17 not applied, 0 edited since applied, 1 recorded without a file`.
    static func counts(_ side: SideMigrationFiles) -> String {
        categories(side).map { "\($0.records.count) \($0.name)" }.joined(separator: ", ")
    }

    /// `production (no Supabase migration history): 0 applied, 17 not applied, …`.
    static func headline(_ side: SideMigrationFiles) -> String {
        label(side) + " (" + history(side) + "): " + counts(side)
    }

    /// The versions of every category but `applied` that has some, e.g. `not applied (17)`.
    static func versionLists(_ side: SideMigrationFiles) -> [HistoryAudit.VersionList] {
        categories(side).dropFirst().filter { !$0.records.isEmpty }.map {
            HistoryAudit.VersionList(heading: "\($0.name) (\($0.records.count))", items: $0.records.map(HistoryAudit.record))
        }
    }

    /// `staging: 1 edited since applied; production: 17 not applied`: the findings of every side, or
    /// nil when there are none.
    var findings: String? {
        let parts = report.sides.filter(\.hasFindings).map { side in
            Self.label(side) + ": " + Self.categories(side).dropFirst().prefix(2).filter { !$0.records.isEmpty }
                .map { "\($0.records.count) \($0.name)" }.joined(separator: ", ")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// `skipped (not named <version>_<name>.sql): notes.sql`, or nil.
    var skipped: String? {
        report.skippedFiles.isEmpty ? nil
            : "skipped (not named <version>_<name>.sql): " + report.skippedFiles.map(TerminalText.sanitized).joined(separator: ", ")
    }
}
