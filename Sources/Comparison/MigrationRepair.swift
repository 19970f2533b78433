import SchemaModel

/// What to run, by hand, so one side's Supabase migration history records the migrations the other
/// side records: idempotent SQL and the equivalent `supabase migration repair` commands.
///
/// deepdiff only writes these; it never runs them. They change the record, never the schema.
public struct MigrationRepair: Hashable, Sendable {
    /// The side whose history is repaired.
    public var side: ComparisonSide
    /// The migrations recorded on the other side only, as the other side holds them.
    public var missing: [MigrationRecord]
    /// Migrations recorded on the repaired side only: perhaps never applied there, or recorded by
    /// hand; marking them reverted is a suggestion to weigh, not part of the repair.
    public var recordedOnlyHere: [MigrationRecord]
    /// The history table the SQL writes to.
    public var table: String

    /// The repair of `side`'s Supabase history from `comparison`; nil when there is no Supabase history
    /// on either side or nothing is missing on `side`.
    public init?(repairing side: ComparisonSide, from comparison: MigrationHistoryComparison) {
        guard let history = comparison.histories.first(where: { $0.framework == .supabase }) else { return nil }
        missing = side == .source ? history.onlyInTarget : history.onlyInSource
        guard !missing.isEmpty else { return nil }
        recordedOnlyHere = side == .source ? history.onlyInSource : history.onlyInTarget
        table = (side == .source ? history.sourceTable : history.targetTable) ?? Self.supabaseTable
        self.side = side
    }

    /// Where Supabase's CLI keeps its history.
    public static let supabaseTable = "supabase_migrations.schema_migrations"

    /// One `INSERT … ON CONFLICT (version) DO NOTHING` recording every missing migration with its name
    /// and statements; running it twice changes nothing the second time.
    public var sql: String {
        let rows = missing.map { record in
            let statements = record.statements.map { statements in
                statements.isEmpty ? "'{}'::text[]" : "ARRAY[\(statements.map(Self.literal).joined(separator: ", "))]::text[]"
            } ?? "NULL"
            return "  (\(Self.literal(record.version)), \(record.name.map(Self.literal) ?? "NULL"), \(statements))"
        }
        return """
            -- Records \(missing.count) migration\(missing.count == 1 ? "" : "s") as applied; changes no schema object.
            INSERT INTO \(table) (version, name, statements)
            VALUES
            \(rows.joined(separator: ",\n"))
            ON CONFLICT (version) DO NOTHING;

            """
    }

    /// `supabase migration repair --status applied VERSION`, one per missing migration, to run against
    /// the repaired side (add `--db-url` or `--linked`).
    public var commands: [String] {
        missing.map { "supabase migration repair --status applied \(Self.shellWord($0.version))" }
    }

    /// `supabase migration repair --status reverted VERSION` for each version only the repaired side
    /// records: a suggestion, for versions that were never really applied.
    public var revertSuggestions: [String] {
        recordedOnlyHere.map { "supabase migration repair --status reverted \(Self.shellWord($0.version))" }
    }

    /// `text` as a SQL string literal that reads the same whatever `standard_conforming_strings` is:
    /// plain quotes when it holds no quote or backslash, else dollar quotes with a tag the text
    /// does not contain.
    public static func literal(_ text: String) -> String {
        if !text.contains("'") && !text.contains("\\") { return "'\(text)'" }
        // A tag absent from the text can neither close the literal early nor be formed by the text's
        // end together with the closing tag.
        var tag = "deepdiff", counter = 0
        while text.contains(tag) {
            counter += 1
            tag = "deepdiff_\(counter)"
        }
        return "$\(tag)$\(text)$\(tag)$"
    }

    /// A version as one shell word: left bare when it is only letters, digits, `.`, `_` or `-`.
    static func shellWord(_ text: String) -> String {
        let safe = !text.isEmpty && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)
        }
        return safe ? text : "'\(UTF8Bytes.replacing("'", with: "'\\''", in: text))'"
    }
}
