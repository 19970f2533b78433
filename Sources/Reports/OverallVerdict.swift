import Comparison

/// The verdict on a whole comparison as every report states it: the schemas' verdict and, when the
/// migration histories were compared, whether they record the same migrations; and the exit status
/// it maps to (1 when objects fail the gate or the histories are out of sync).
public struct OverallVerdict: Hashable, Sendable {
    /// The verdict on the schema objects alone.
    public var schemas: SchemaVerdict
    /// Whether the migration histories record the same migrations; nil when none was compared.
    public var historiesInSync: Bool?

    /// Creates a verdict from its parts.
    public init(schemas: SchemaVerdict, historiesInSync: Bool?) {
        self.schemas = schemas
        self.historiesInSync = historiesInSync
    }

    /// The verdict on `result` under `options.strict`.
    public init(_ result: ComparisonResult, options: ReportOptions) {
        self.init(result, options: options, oneSided: OneSidedRelations(result))
    }

    /// The verdict, with the one-sided relations already found.
    init(_ result: ComparisonResult, options: ReportOptions, oneSided: OneSidedRelations) {
        self.init(schemas: SchemaVerdict(result, strict: options.strict, oneSided: oneSided),
                  historiesInSync: result.migrationHistory?.isInSync)
    }

    /// The stable name used in JSON's `verdict`, about the schemas only: `identical`, `equivalent`
    /// or `different` (JSON's `auditVerdict` adds the histories).
    public var name: String { schemas.name }

    /// Whether the histories were compared and differ.
    public var historiesOutOfSync: Bool { historiesInSync == false }

    /// deepdiff's exit status for this verdict: 0 when nothing fails the gate and the histories (if
    /// compared) are in sync, 1 otherwise.
    public var exitStatus: Int32 {
        schemas.isDifferent || historiesOutOfSync ? 1 : 0
    }

    /// The number of objects the verdict line counts as failing (children of one-sided relations
    /// counted under them); 0 unless the schemas differ.
    public var failingCount: Int {
        if case .different(let count, _) = schemas { count } else { 0 }
    }

    /// The one-line verdict people read, e.g. `DIFFERENT: 4 objects differ` or
    /// `IDENTICAL SCHEMAS, MIGRATION HISTORIES OUT OF SYNC: every object is the same (…)`: never a
    /// plain `IDENTICAL` when the histories differ.
    public var line: String {
        guard historiesOutOfSync else { return schemas.line }
        if schemas.isDifferent { return schemas.line + "; migration histories out of sync" }
        return schemas.word + " SCHEMAS, MIGRATION HISTORIES OUT OF SYNC: " + schemas.detail
    }

    /// `1 object`, `2 objects`.
    static func count(_ n: Int, _ noun: String) -> String {
        SchemaVerdict.count(n, noun)
    }
}
