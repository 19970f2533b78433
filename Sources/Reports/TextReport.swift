import Comparison
import SchemaModel

/// The terminal report: the sides, a summary table per kind and the overall verdict first, then
/// the details of every object that is not identical (and, verbose, the identical ones).
///
/// Every database-derived string is sanitized (see `TerminalText`); ANSI colour appears only
/// when `options.color` is set.
public enum TextReport {
    /// The report, ending with a line break.
    public static func render(_ result: ComparisonResult, options: ReportOptions) -> String {
        let color = options.color
        let oneSided = OneSidedRelations(result)
        let overall = OverallVerdict(result, options: options, oneSided: oneSided)
        var lines: [String] = []
        lines.append(AnsiStyle.bold.apply("deepdiff: source \(side(result.source)) vs target \(side(result.target))", color: color))
        lines.append("")
        lines.append(contentsOf: summaryTable(result.summary))
        lines.append("")
        let verdictStyle: AnsiStyle = switch overall.schemas {
        case _ where overall.exitStatus != 0: .failing
        case .identical: .passing
        case .equivalent, .different: .equivalent
        }
        lines.append(verdictStyle.apply(overall.line, color: color) + (options.strict ? " (strict: formatting differences count)" : ""))
        if let unmodeled = unmodeledLine(result.unmodeledObjects) { lines.append(unmodeled) }
        if let audit = HistoryAudit(result, strict: options.strict, schemas: overall.schemas) {
            lines.append("")
            lines.append(contentsOf: migrationHistory(audit, color: color))
        }
        if let files = MigrationFilesAudit(result) {
            lines.append("")
            lines.append(contentsOf: migrationFiles(files, color: color))
        }

        let shown = result.objects(where: { $1 != .identical }).filter { !oneSided.isFolded($0) }
        if !shown.isEmpty {
            lines.append("")
            lines.append(AnsiStyle.bold.apply("Details", color: color))
            for object in shown {
                lines.append("")
                lines.append(contentsOf: details(object, in: result, options: options, holdings: oneSided.holdings(of: object)))
            }
        }
        if options.verbose {
            let identical = result.objects(where: { $1 == .identical })
            if !identical.isEmpty {
                lines.append("")
                lines.append(AnsiStyle.bold.apply("Identical (\(identical.count))", color: color))
                for object in identical {
                    let proof = object.source.map { "normalized \($0.normalized.short)" } ?? "(no definition)"
                    lines.append("  " + ObjectDescription.title(object) + "  " + proof)
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The migration-history section: per tool the counts and the versions that differ (long lists
    /// cut), the audit's sentence, and the repair of the record when there is one.
    static func migrationHistory(_ audit: HistoryAudit, color: Bool) -> [String] {
        var lines = [AnsiStyle.bold.apply("Migration history", color: color)]
        for history in audit.comparison.histories {
            lines.append("  " + audit.headline(history))
            for list in audit.versionLists(history) {
                lines.append("    " + list.heading + ":")
                lines.append(contentsOf: HistoryAudit.capped(list.items, limit: HistoryAudit.listedVersions).map { "      " + $0 })
            }
        }
        lines.append("")
        let style: AnsiStyle = audit.verdict == .inSync ? .passing : .failing
        lines.append(style.apply(audit.sentence, color: color))
        guard !audit.repairs.isEmpty else { return lines }
        lines.append("")
        lines.append(AnsiStyle.bold.apply("To repair the record (deepdiff never runs these)", color: color))
        for repair in audit.repairs {
            lines.append("")
            lines.append(audit.repairHeading(repair) + ":")
            // Flush left: a statement's own lines go into the record as they are, so indenting them
            // would change what a person copies.
            lines.append(contentsOf: HistoryAudit.sqlLines(repair))
            lines.append("or with Supabase's CLI (add --db-url or --linked for \(audit.label(repair.side))):")
            lines.append(contentsOf: HistoryAudit.commandLines(repair).map { "  " + $0 })
        }
        return lines
    }

    /// The migration-files section: per side the counts and the versions of each category but
    /// `applied` (long lists cut), and the files left out for their names.
    static func migrationFiles(_ audit: MigrationFilesAudit, color: Bool) -> [String] {
        var lines = [AnsiStyle.bold.apply("Migration files (" + audit.title + ")", color: color)]
        for side in audit.report.sides {
            let headline = "  " + MigrationFilesAudit.headline(side)
            lines.append(side.hasFindings ? AnsiStyle.failing.apply(headline, color: color) : headline)
            for list in MigrationFilesAudit.versionLists(side) {
                lines.append("    " + list.heading + ":")
                lines.append(contentsOf: HistoryAudit.capped(list.items, limit: HistoryAudit.listedVersions).map { "      " + $0 })
            }
        }
        if let skipped = audit.skipped { lines.append("  " + skipped) }
        return lines
    }

    /// `production (app, PostgreSQL 15.18)`.
    static func side(_ side: SideDescription) -> String {
        "\(TerminalText.sanitized(side.label)) (\(TerminalText.sanitized(side.database)), PostgreSQL \(TerminalText.sanitized(side.server.version)))"
    }

    /// The auditor's table: one row per kind and a total, numbers right-aligned.
    static func summaryTable(_ summary: [KindSummary]) -> [String] {
        let header = ["kind", "source", "target", "identical", "equivalent", "printed differently", "different",
                      "only in source", "only in target"]
        var rows = summary.map { [$0.kind.pluralDisplayName] + counts($0).map(String.init) }
        let totals = summary.reduce(into: Array(repeating: 0, count: header.count - 1)) { sums, line in
            for (index, value) in counts(line).enumerated() { sums[index] += value }
        }
        rows.append(["total"] + totals.map(String.init))
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func format(_ row: [String]) -> String {
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
        return ([header] + rows).map(format)
    }

    /// A summary line's numbers in the table's column order.
    static func counts(_ line: KindSummary) -> [Int] {
        [line.sourceCount, line.targetCount, line.identical, line.equivalent, line.printedDifferently, line.different,
         line.onlyInSource, line.onlyInTarget]
    }

    /// `Not compared (not modeled): foreign table 2 in source, 1 in target; ...`, or nil.
    static func unmodeledLine(_ counts: UnmodeledCounts) -> String? {
        let kinds = Set(counts.source.keys).union(counts.target.keys).sorted()
        guard !kinds.isEmpty else { return nil }
        let parts = kinds.map { kind in
            "\(TerminalText.sanitized(kind)) \(counts.source[kind] ?? 0) in source, \(counts.target[kind] ?? 0) in target"
        }
        return "Not compared (deepdiff does not model them): " + parts.joined(separator: "; ")
    }

    /// One object's block: title and verdict (with what a one-sided relation holds, see
    /// `OneSidedRelations.holdings(of:)`), proofs, attribute differences, diff.
    static func details(_ object: ObjectComparison, in result: ComparisonResult, options: ReportOptions, holdings: String = "") -> [String] {
        let color = options.color
        let failing = object.verdict.isDifference(strict: options.strict)
        var lines = [AnsiStyle.bold.apply(ObjectDescription.title(object), color: color) + ": "
            + (failing ? AnsiStyle.failing : AnsiStyle.equivalent).apply(ObjectDescription.verdict(object.verdict) + holdings, color: color)]
        if ObjectDescription.hasProof(object) {
            lines.append(contentsOf: ObjectDescription.proofLines(object, in: result).map { "  " + $0 })
        }
        if !object.attributeDifferences.isEmpty {
            lines.append("  attributes:")
            for difference in object.attributeDifferences {
                let line = ObjectDescription.attributeLine(difference)
                lines.append("    " + (difference.isSecurityRelevant ? AnsiStyle.security.apply(line, color: color) : line))
            }
        }
        if let diff = object.diff, !diff.hunks.isEmpty || diff.omittedFormattingHunks > 0 {
            lines.append("  definition:")
            lines.append(contentsOf: DiffText.lines(diff, color: color).map { "    " + $0 })
            if let hidden = ObjectDescription.hiddenHunks(diff) {
                lines.append("    " + AnsiStyle.dim.apply(hidden, color: color))
            }
        }
        return lines
    }
}
