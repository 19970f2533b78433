import SchemaModel

/// A folder of migration files (`--migrations-dir`) set against each side's Supabase migration
/// history: per side, which files are applied, not applied or edited since applied, and which
/// recorded versions have no file.
///
/// Records keep their fingerprints but not their statements: the files hold the text, and a report
/// need not repeat every migration twice per side.
public struct MigrationFilesReport: Codable, Hashable, Sendable {
    /// The folder as given.
    public var directory: String
    /// `.sql` files left out because their names lack the `<version>_<name>.sql` form.
    public var skippedFiles: [String]
    /// The files against the source's history.
    public var source: SideMigrationFiles
    /// The files against the target's history.
    public var target: SideMigrationFiles

    /// Compares `files` (the folder's migrations as records) with each side's Supabase history, given
    /// with the side's label and every history read from it (`Snapshot.migrationHistories`).
    public init(directory: String, files: [MigrationRecord], skippedFiles: [String] = [],
                source: (label: String, histories: [MigrationHistory]), target: (label: String, histories: [MigrationHistory])) {
        self.directory = directory
        self.skippedFiles = skippedFiles
        self.source = SideMigrationFiles(side: .source, label: source.label, files: files, histories: source.histories)
        self.target = SideMigrationFiles(side: .target, label: target.label, files: files, histories: target.histories)
    }

    /// Source, then target.
    public var sides: [SideMigrationFiles] { [source, target] }

    /// Whether some side has a file not applied or edited since applied (a version recorded without
    /// a file alone is not a finding: squashed or deleted files leave such rows behind).
    public var hasFindings: Bool { sides.contains(where: \.hasFindings) }
}

/// The migration files set against one side's history.
public struct SideMigrationFiles: Codable, Hashable, Sendable {
    /// Which side.
    public var side: ComparisonSide
    /// The side's label, as the reports name it.
    public var label: String
    /// The Supabase history table compared with, nil when the side has none (then no file is applied).
    public var historyTable: String?
    /// Each file's status, and the versions recorded without a file.
    public var comparison: MigrationFileComparison

    /// Compares `files` with the side's Supabase history (the files are Supabase's form), its first
    /// when there are several.
    public init(side: ComparisonSide, label: String, files: [MigrationRecord], histories: [MigrationHistory]) {
        self.side = side
        self.label = label
        let history = histories.first { $0.framework == .supabase }
        historyTable = history?.table
        var comparison = MigrationFileComparison(files: files, history: history)
        comparison.files = comparison.files.map { entry in
            var entry = entry
            entry.file = Self.withoutStatements(entry.file)
            entry.recorded = entry.recorded.map(Self.withoutStatements)
            return entry
        }
        comparison.recordedWithoutFile = comparison.recordedWithoutFile.map(Self.withoutStatements)
        self.comparison = comparison
    }

    /// The files with `status`, in version order.
    public func files(_ status: MigrationFileComparison.Status) -> [MigrationRecord] {
        comparison.files.filter { $0.status == status }.map(\.file)
    }

    /// Whether a file is not applied or edited since applied on this side.
    public var hasFindings: Bool { comparison.files.contains { $0.status != .applied } }

    private static func withoutStatements(_ record: MigrationRecord) -> MigrationRecord {
        MigrationRecord(version: record.version, name: record.name, statementsFingerprint: record.statementsFingerprint)
    }
}
