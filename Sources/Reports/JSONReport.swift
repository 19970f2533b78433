import Comparison
import class FoundationEssentials.JSONEncoder
import SchemaModel

/// The machine-readable report: the whole result, its summary and the overall verdict with the
/// exit status it means, as pretty-printed JSON with sorted keys (the same result always gives
/// the same bytes). The structure is documented in docs/json-format.md.
///
/// Strings are exactly as read from the database (JSON escapes control characters itself), so
/// scripts can match names byte for byte.
public enum JSONReport {
    /// Bumped when a field is removed, renamed or changes meaning; new fields do not bump it.
    public static let formatVersion = 1
    /// The marker that tells this document from other JSON.
    public static let formatName = "deepdiff-comparison"

    /// The JSON document, ending with a line break.
    public static func render(_ result: ComparisonResult, options: ReportOptions) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(Document(result, options: options))
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            // Only non-finite floating-point numbers make JSONEncoder fail, and the result holds none;
            // still, a script must get JSON it can recognise as a failure.
            return "{\"error\":\"could not encode the comparison result\",\"format\":\"\(formatName)\",\"formatVersion\":\(formatVersion)}\n"
        }
    }

    /// The top-level object.
    struct Document: Encodable {
        let format = JSONReport.formatName
        let formatVersion = JSONReport.formatVersion
        let source: SideDescription
        let target: SideDescription
        let verdict: String
        let strict: Bool
        let exitStatus: Int32
        let failingObjects: Int
        let summary: [KindSummary]
        let objects: [Entry]
        let unmodeledObjects: UnmodeledCounts
        let migrationHistory: MigrationHistoryComparison?
        let auditVerdict: Audit?
        let repairs: [Repair]?
        let migrationFiles: MigrationFilesReport?

        init(_ result: ComparisonResult, options: ReportOptions) {
            let overall = OverallVerdict(result, options: options)
            let audit = HistoryAudit(result, strict: options.strict, schemas: overall.schemas)
            source = result.source
            target = result.target
            verdict = overall.name
            strict = options.strict
            exitStatus = overall.exitStatus
            // As the verdict line counts them: the children of a one-sided relation count under it.
            failingObjects = overall.failingCount
            summary = result.summary
            objects = result.objects.map { Entry(object: $0, fails: $0.verdict.isDifference(strict: options.strict)) }
            unmodeledObjects = result.unmodeledObjects
            migrationHistory = result.migrationHistory
            auditVerdict = audit.map { Audit($0.verdict) }
            repairs = audit.map { $0.repairs.map(Repair.init) }
            migrationFiles = result.migrationFiles
        }
    }

    /// The audit's verdict: its stable name, its summary and, when the histories may explain schema
    /// differences, the migrations recorded on one side only.
    struct Audit: Encodable {
        let name: String
        let summary: String
        let missing: [MissingMigration]?

        init(_ verdict: AuditVerdict) {
            name = verdict.name
            summary = verdict.summary
            if case .schemaDifferencesExplainedByHistory(let missing) = verdict { self.missing = missing } else { missing = nil }
        }
    }

    /// How to repair one side's history, exactly as deepdiff would have a person run it.
    struct Repair: Encodable {
        let side: ComparisonSide
        let table: String
        let sql: String
        let commands: [String]
        let revertSuggestions: [String]

        init(_ repair: MigrationRepair) {
            side = repair.side
            table = repair.table
            sql = repair.sql
            commands = repair.commands
            revertSuggestions = repair.revertSuggestions
        }
    }

    /// One object: the comparison's own fields, plus the name people read and whether it fails
    /// the gate, so scripts need not rebuild either.
    struct Entry: Encodable {
        let object: ObjectComparison
        let fails: Bool

        private enum ExtraKeys: String, CodingKey { case qualifiedName, fails }

        func encode(to encoder: any Encoder) throws {
            try object.encode(to: encoder)
            var container = encoder.container(keyedBy: ExtraKeys.self)
            try container.encode(object.identity.qualifiedName, forKey: .qualifiedName)
            try container.encode(fails, forKey: .fails)
        }
    }
}
