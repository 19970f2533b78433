import Comparison
import SchemaModel

/// What every report says about the migration histories: per tool the counts and the versions that
/// differ, the audit's verdict in one sentence, and how to repair the record. Database-derived text
/// in the lines it returns is sanitized.
///
/// The record is repaired only when the schemas match: then the missing migrations' effects are
/// already there, and recording them (not re-running them) is the fix. When the schemas differ, the
/// missing migrations may be what is missing from the schema, so no repair SQL is offered.
struct HistoryAudit {
    /// The histories compared.
    let comparison: MigrationHistoryComparison
    /// The audit's verdict, schemas and histories together.
    let verdict: AuditVerdict
    /// One repair per side whose Supabase history lacks migrations the other records (source first);
    /// empty unless the verdict is `historiesOutOfSync`.
    let repairs: [MigrationRepair]
    private let sourceLabel: String
    private let targetLabel: String
    /// `identical` or `equivalent`: how the sentence names schemas that pass the gate.
    private let schemasName: String

    /// Longer lists of versions are cut in the text report.
    static let listedVersions = 10

    /// The audit of `result`, whose schemas got `schemas`; nil when no history was compared.
    init?(_ result: ComparisonResult, strict: Bool, schemas: SchemaVerdict) {
        guard let comparison = result.migrationHistory, let verdict = result.auditVerdict(strict: strict) else { return nil }
        self.comparison = comparison
        self.verdict = verdict
        repairs = verdict == .historiesOutOfSync
            ? [ComparisonSide.source, .target].compactMap { MigrationRepair(repairing: $0, from: comparison) }
            : []
        sourceLabel = TerminalText.sanitized(result.source.label)
        targetLabel = TerminalText.sanitized(result.target.label)
        schemasName = schemas.name
    }

    /// A side's label, sanitized.
    func label(_ side: ComparisonSide) -> String {
        side == .source ? sourceLabel : targetLabel
    }

    /// The history table(s) compared: one name, or `source's / target's` when they differ.
    static func table(_ history: FrameworkHistoryComparison) -> String {
        let tables = [history.sourceTable, history.targetTable].compactMap { $0 }.map(TerminalText.sanitized)
        return tables.first == tables.last ? tables.first ?? "" : tables.joined(separator: " / ")
    }

    /// `Supabase (supabase_migrations.schema_migrations): production records 1 migration, staging 17; 0 in both`.
    func headline(_ history: FrameworkHistoryComparison) -> String {
        history.framework.displayName + " (" + Self.table(history) + "): " + counts(history)
    }

    /// `production records 1 migration, staging 17; 0 in both`.
    func counts(_ history: FrameworkHistoryComparison) -> String {
        "\(sourceLabel) records \(SchemaVerdict.count(history.sourceCount, "migration")), \(targetLabel) \(history.targetCount); "
            + "\(history.inBothCount) in both"
    }

    /// `20251112000000 create-staging`: a record's version and name, sanitized.
    static func record(_ record: MigrationRecord) -> String {
        TerminalText.sanitized(record.version) + (record.name.map { " " + TerminalText.sanitized($0) } ?? "")
    }

    /// One list of versions that differ, as a heading and its items.
    struct VersionList {
        /// `only in staging (17)`.
        var heading: String
        /// One line per version.
        var items: [String]
    }

    /// The versions only on one side, and those recorded with another name or other statements.
    func versionLists(_ history: FrameworkHistoryComparison) -> [VersionList] {
        let name: (MigrationRecord) -> String = { TerminalText.sanitized($0.name ?? "(no name)") }
        let lists = [
            VersionList(heading: "only in \(sourceLabel)", items: history.onlyInSource.map(Self.record)),
            VersionList(heading: "only in \(targetLabel)", items: history.onlyInTarget.map(Self.record)),
            VersionList(heading: "recorded with other names", items: history.differentNames.map {
                TerminalText.sanitized($0.version) + ": " + name($0.source) + " (\(sourceLabel)), " + name($0.target) + " (\(targetLabel))"
            }),
            VersionList(heading: "recorded with other statements", items: history.differentStatements.map { Self.record($0.source) }),
        ]
        return lists.filter { !$0.items.isEmpty }.map { VersionList(heading: $0.heading + " (\($0.items.count))", items: $0.items) }
    }

    /// `items`, cut after `limit` with a last line `… and N more`; all of them when `limit` is nil.
    static func capped(_ items: [String], limit: Int?) -> [String] {
        guard let limit, items.count > limit else { return items }
        return Array(items.prefix(limit)) + ["… and \(items.count - limit) more"]
    }

    /// The audit's verdict as one sentence, naming the sides.
    var sentence: String {
        switch verdict {
        case .inSync:
            return "The schemas match and the migration histories record the same migrations."
        case .historiesOutOfSync:
            return "The schemas are \(schemasName) but the migration histories are out of sync: SQL was applied by hand "
                + "(or history rows were written by hand), so the record, not the schema, needs repair (" + facts + ")."
        case .schemaDifferencesExplainedByHistory:
            return "The schemas differ and the migration histories may explain it (" + facts + "): "
                + "`deepdiff verify-migrations` proves whether the missing migrations account for the differences."
        case .schemaDifferencesUnexplained:
            return "The schemas differ and the migration histories do not explain it: changes were made outside any migration"
                + (comparison.isInSync ? "." : " (" + facts + ").")
        }
    }

    /// `production lacks 17 migrations that staging records; staging lacks 1 migration that production records`,
    /// summed over the tools, plus versions recorded with other names or statements.
    var facts: String {
        let histories = comparison.histories
        var parts: [String] = []
        for (side, missing) in [(ComparisonSide.source, histories.reduce(0) { $0 + $1.onlyInTarget.count }),
                                (.target, histories.reduce(0) { $0 + $1.onlyInSource.count })] where missing > 0 {
            parts.append("\(label(side)) lacks \(SchemaVerdict.count(missing, "migration")) that \(label(side.other)) records")
        }
        let names = histories.reduce(0) { $0 + $1.differentNames.count }
        if names > 0 { parts.append("\(SchemaVerdict.count(names, "version")) recorded with other names") }
        let statements = histories.reduce(0) { $0 + $1.differentStatements.count }
        if statements > 0 { parts.append("\(SchemaVerdict.count(statements, "version")) recorded with other statements") }
        return parts.joined(separator: "; ")
    }

    /// `production lacks 17 migrations that staging records; run on production`.
    func repairHeading(_ repair: MigrationRepair) -> String {
        "\(label(repair.side)) lacks \(SchemaVerdict.count(repair.missing.count, "migration")) that \(label(repair.side.other)) "
            + "records; run on \(label(repair.side))"
    }

    /// The repair SQL as lines, sanitized for display (the JSON report carries it exactly).
    static func sqlLines(_ repair: MigrationRepair) -> [String] {
        var lines = repair.sql.split(separator: "\n", omittingEmptySubsequences: false).map {
            TerminalText.sanitized(String($0), keepingLayout: true)
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The `supabase migration repair` commands, sanitized.
    static func commandLines(_ repair: MigrationRepair) -> [String] {
        repair.commands.map(TerminalText.sanitized)
    }
}
