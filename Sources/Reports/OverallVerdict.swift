import Comparison

/// The verdict on a whole comparison as every report states it: the schemas' verdict, whether the
/// migration histories (when compared) record the same migrations and whether the migration files
/// (when given) are applied unchanged on both sides; and the exit status it maps to (1 when objects
/// fail the gate or either of the others is out of sync).
public struct OverallVerdict: Hashable, Sendable {
    /// The verdict on the schema objects alone.
    public var schemas: SchemaVerdict
    /// Whether the migration histories record the same migrations; nil when none was compared.
    public var historiesInSync: Bool?
    /// Whether every migration file (`--migrations-dir`) is applied unchanged on both sides; nil when
    /// no folder was given.
    public var migrationFilesApplied: Bool?

    /// Creates a verdict from its parts.
    public init(schemas: SchemaVerdict, historiesInSync: Bool?, migrationFilesApplied: Bool? = nil) {
        self.schemas = schemas
        self.historiesInSync = historiesInSync
        self.migrationFilesApplied = migrationFilesApplied
    }

    /// The verdict on `result` under `options.strict`.
    public init(_ result: ComparisonResult, options: ReportOptions) {
        self.init(result, options: options, oneSided: OneSidedRelations(result))
    }

    /// The verdict, with the one-sided relations already found.
    init(_ result: ComparisonResult, options: ReportOptions, oneSided: OneSidedRelations) {
        self.init(schemas: SchemaVerdict(result, strict: options.strict, oneSided: oneSided),
                  historiesInSync: result.migrationHistory?.isInSync,
                  migrationFilesApplied: result.migrationFiles.map { !$0.hasFindings })
    }

    /// The stable name used in JSON's `verdict`, about the schemas only: `identical`, `equivalent`
    /// or `different` (JSON's `auditVerdict` adds the histories).
    public var name: String { schemas.name }

    /// Whether the histories were compared and differ.
    public var historiesOutOfSync: Bool { historiesInSync == false }

    /// Whether a migration files folder was given and some file is not applied or edited since
    /// applied on a side.
    public var migrationFilesOutOfSync: Bool { migrationFilesApplied == false }

    /// deepdiff's exit status for this verdict: 0 when nothing fails the gate and the histories and
    /// migration files (if compared) are in sync, 1 otherwise.
    public var exitStatus: Int32 {
        schemas.isDifferent || historiesOutOfSync || migrationFilesOutOfSync ? 1 : 0
    }

    /// The number of objects the verdict line counts as failing (children of one-sided relations
    /// counted under them); 0 unless the schemas differ.
    public var failingCount: Int {
        if case .different(let count, _) = schemas { count } else { 0 }
    }

    /// The one-line verdict people read, e.g. `DIFFERENT: 4 objects differ` or
    /// `IDENTICAL SCHEMAS, MIGRATION HISTORIES OUT OF SYNC: every object is the same (…)`: never a
    /// plain `IDENTICAL` when the histories or the migration files differ.
    public var line: String {
        let findings = [historiesOutOfSync ? "migration histories out of sync" : nil,
                        migrationFilesOutOfSync ? "migration files out of sync" : nil].compactMap { $0 }
        guard !findings.isEmpty else { return schemas.line }
        if schemas.isDifferent { return ([schemas.line] + findings).joined(separator: "; ") }
        return schemas.word + " SCHEMAS, " + findings.joined(separator: ", ").uppercased() + ": " + schemas.detail
    }

    /// `1 object`, `2 objects`.
    static func count(_ n: Int, _ noun: String) -> String {
        SchemaVerdict.count(n, noun)
    }
}
