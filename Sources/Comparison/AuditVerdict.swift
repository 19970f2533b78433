import SchemaModel

/// The one-line answer of an audit, from the schema comparison and the migration-history comparison
/// together.
public enum AuditVerdict: Codable, Hashable, Sendable {
    /// The schemas are identical (or equivalent) and the histories record the same migrations.
    case inSync
    /// The schemas are identical but the histories differ: changes were applied without being recorded
    /// (SQL pasted by hand), or recorded without being applied. Repair the record, not the schema.
    case historiesOutOfSync
    /// The schemas differ and one side lacks migrations the other records: these may account for the
    /// differences (`deepdiff verify-migrations` proves whether they do).
    case schemaDifferencesExplainedByHistory(missing: [MissingMigration])
    /// The schemas differ and the histories cannot account for it: changes made outside any migration.
    case schemaDifferencesUnexplained

    /// Combines a schema verdict with a history comparison; nil when no history was compared.
    /// `strict` counts formatting-only differences as schema differences.
    public init?(result: ComparisonResult, strict: Bool = false) {
        guard let history = result.migrationHistory else { return nil }
        let schemasDiffer = result.hasDifferences(strict: strict)
        let missing = history.histories.flatMap { comparison in
            comparison.onlyInSource.map { MissingMigration(framework: comparison.framework, record: $0, recordedIn: .source) }
                + comparison.onlyInTarget.map { MissingMigration(framework: comparison.framework, record: $0, recordedIn: .target) }
        }
        switch (schemasDiffer, history.isInSync) {
        case (false, true): self = .inSync
        case (false, false): self = .historiesOutOfSync
        case (true, _) where !missing.isEmpty: self = .schemaDifferencesExplainedByHistory(missing: missing)
        case (true, _): self = .schemaDifferencesUnexplained
        }
    }

    /// The stable name used in JSON and JUnit, e.g. `histories_out_of_sync`.
    public var name: String {
        switch self {
        case .inSync: "in_sync"
        case .historiesOutOfSync: "histories_out_of_sync"
        case .schemaDifferencesExplainedByHistory: "schema_differences_explained_by_history"
        case .schemaDifferencesUnexplained: "schema_differences_unexplained"
        }
    }

    /// One sentence for people.
    public var summary: String {
        switch self {
        case .inSync: "schemas identical and migration histories in sync"
        case .historiesOutOfSync: "schemas identical but migration histories out of sync (changes applied without being recorded)"
        case .schemaDifferencesExplainedByHistory(let missing):
            "schemas differ and \(missing.count) migration\(missing.count == 1 ? " is" : "s are") recorded on one side only"
        case .schemaDifferencesUnexplained: "schemas differ and the migration histories do not explain it (manual changes)"
        }
    }

    private enum CodingKeys: String, CodingKey { case verdict, missing }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .verdict)
        switch name {
        case "in_sync": self = .inSync
        case "histories_out_of_sync": self = .historiesOutOfSync
        case "schema_differences_explained_by_history":
            self = .schemaDifferencesExplainedByHistory(missing: try container.decode([MissingMigration].self, forKey: .missing))
        case "schema_differences_unexplained": self = .schemaDifferencesUnexplained
        default:
            throw DecodingError.dataCorruptedError(forKey: .verdict, in: container, debugDescription: "unknown audit verdict \(name)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .verdict)
        if case .schemaDifferencesExplainedByHistory(let missing) = self { try container.encode(missing, forKey: .missing) }
    }
}

/// A migration one side records and the other does not.
public struct MissingMigration: Codable, Hashable, Sendable {
    /// The tool whose history records it.
    public var framework: MigrationFramework
    /// The record as the side that has it holds it.
    public var record: MigrationRecord
    /// The side that records it; the other side lacks it.
    public var recordedIn: ComparisonSide

    /// Creates a missing migration.
    public init(framework: MigrationFramework, record: MigrationRecord, recordedIn: ComparisonSide) {
        self.framework = framework
        self.record = record
        self.recordedIn = recordedIn
    }
}

/// One side of a comparison.
public enum ComparisonSide: String, Codable, Hashable, Sendable {
    /// The reference side.
    case source
    /// The side compared against it.
    case target

    /// The other side.
    public var other: ComparisonSide { self == .source ? .target : .source }
}

extension ComparisonResult {
    /// The audit's verdict, combining schemas and migration histories; nil when no history was compared.
    public func auditVerdict(strict: Bool = false) -> AuditVerdict? {
        AuditVerdict(result: self, strict: strict)
    }

    /// This result with the migration histories of the two snapshots compared and attached (nil when
    /// neither snapshot has a history).
    public func attachingMigrationHistories(source: Snapshot, target: Snapshot) -> ComparisonResult {
        var result = self
        result.migrationHistory = MigrationHistoryComparison.compare(source: source, target: target)
        return result
    }
}
