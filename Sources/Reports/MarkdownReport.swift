import Comparison
import SchemaModel

/// The audit report for people preparing a release, in GitHub/GitLab Markdown: the two sides,
/// the overall verdict, security-relevant differences first, a table of counts per kind, the real
/// differences with their diffs, the formatting-only ones, the objects proven identical with their
/// fingerprints, and recommended actions.
///
/// Database-derived text is sanitized and shown only as inline code, in fenced blocks or in
/// escaped table cells, so no name can break a table or inject markup.
public enum MarkdownReport {
    /// Longer lists of identical objects go inside a collapsed `<details>` block.
    static let collapseAbove = 10

    /// The report, ending with a line break.
    public static func render(_ result: ComparisonResult, options: ReportOptions, title: String = "deepdiff audit") -> String {
        let oneSided = OneSidedRelations(result)
        let overall = OverallVerdict(result, options: options, oneSided: oneSided)
        var lines = ["# " + MarkdownText.plain(title), ""]
        lines.append(contentsOf: MarkdownText.header(["", "source", "target"]))
        lines.append(MarkdownText.row(["label", MarkdownText.code(result.source.label), MarkdownText.code(result.target.label)]))
        lines.append(MarkdownText.row(["database", MarkdownText.code(result.source.database), MarkdownText.code(result.target.database)]))
        lines.append(MarkdownText.row(["PostgreSQL", MarkdownText.code(result.source.server.version), MarkdownText.code(result.target.server.version)]))
        lines.append("")
        lines.append("**" + overall.line + "**" + (options.strict ? " (strict: formatting differences count)" : ""))
        lines.append("")

        let failing = result.objects(where: { $1.isDifference(strict: options.strict) }).filter { !oneSided.isFolded($0) }
        let security = securityFindings(result, oneSided: oneSided)
        if !security.isEmpty {
            lines.append(contentsOf: ["## Security-relevant differences", ""] + security.map { "- " + $0 } + [""])
        }

        lines.append(contentsOf: ["## Summary by kind", ""])
        lines.append(contentsOf: summaryTable(result.summary))
        lines.append("")
        if let unmodeled = TextReport.unmodeledLine(result.unmodeledObjects) {
            lines.append(contentsOf: [unmodeled, ""])
        }
        let audit = HistoryAudit(result, strict: options.strict, schemas: overall.schemas)
        if let audit { lines.append(contentsOf: migrationHistory(audit)) }
        let files = MigrationFilesAudit(result)
        if let files { lines.append(contentsOf: migrationFiles(files)) }

        if !failing.isEmpty {
            lines.append(contentsOf: ["## Differences (\(failing.count))", ""])
            for object in failing { lines.append(contentsOf: difference(object, in: result, holdings: oneSided.holdings(of: object))) }
        }
        lines.append(contentsOf: verdictTable("Equivalent: formatting only", result.objects(where: { _, verdict in
            if case .equivalent = verdict { true } else { false }
        })))
        lines.append(contentsOf: verdictTable("Printed differently by the two PostgreSQL versions", result.objects(where: { _, verdict in
            if case .printedDifferently = verdict { true } else { false }
        })))
        lines.append(contentsOf: identicalList(result.objects(where: { $1 == .identical })))
        lines.append(contentsOf: ["## Recommended actions", ""])
        lines.append(contentsOf: recommendedActions(result, options: options, securityFindings: security.count, audit: audit, files: files)
            .enumerated().map { "\($0.offset + 1). \($0.element)" })
        return lines.joined(separator: "\n") + "\n"
    }

    /// The migration-history section: a table of counts per tool, the audit's sentence, the versions
    /// that differ and the repair of the record, collapsed.
    static func migrationHistory(_ audit: HistoryAudit) -> [String] {
        var lines = ["## Migration history", ""]
        lines.append(contentsOf: MarkdownText.header(["framework", "table", "in source", "in target", "in both", "only in source",
                                                      "only in target", "other name", "other statements"], numeric: Set(2...8)))
        for history in audit.comparison.histories {
            let counts = [history.sourceCount, history.targetCount, history.inBothCount, history.onlyInSource.count,
                          history.onlyInTarget.count, history.differentNames.count, history.differentStatements.count]
            lines.append(MarkdownText.row([history.framework.displayName, MarkdownText.code(HistoryAudit.table(history))] + counts.map(String.init)))
        }
        lines.append(contentsOf: ["", "**" + MarkdownText.plain(audit.sentence) + "**", ""])
        for history in audit.comparison.histories where !history.isInSync {
            lines.append(contentsOf: ["<details><summary>" + MarkdownText.plain(history.framework.displayName) + ": versions that differ</summary>", ""])
            for list in audit.versionLists(history) {
                lines.append(contentsOf: ["- " + MarkdownText.plain(list.heading) + ":"] + list.items.map { "  - " + MarkdownText.code($0) })
            }
            lines.append(contentsOf: ["", "</details>", ""])
        }
        for repair in audit.repairs {
            lines.append(contentsOf: ["<details><summary>To repair the record: " + MarkdownText.plain(audit.repairHeading(repair))
                + " (deepdiff never runs this)</summary>", ""])
            lines.append(contentsOf: MarkdownText.fenced(HistoryAudit.sqlLines(repair), info: "sql"))
            lines.append(contentsOf: ["", "Or with Supabase's CLI (add `--db-url` or `--linked`):", ""])
            lines.append(contentsOf: MarkdownText.fenced(HistoryAudit.commandLines(repair), info: "sh"))
            lines.append(contentsOf: ["", "</details>", ""])
        }
        return lines
    }

    /// The migration-files section: per side its counts and a table of the files not applied or
    /// edited since applied and the versions recorded without a file (collapsed when long).
    static func migrationFiles(_ audit: MigrationFilesAudit) -> [String] {
        var lines = ["## Migration files (" + MarkdownText.code(audit.report.directory) + ")", ""]
        for side in audit.report.sides {
            lines.append("**" + MarkdownText.code(side.label) + "** (" + (side.historyTable.map(MarkdownText.code) ?? "no Supabase migration history")
                + "): " + MigrationFilesAudit.counts(side))
            lines.append("")
            let rows = MigrationFilesAudit.categories(side).dropFirst().flatMap { category in
                category.records.map { MarkdownText.row([MarkdownText.code($0.version), $0.name.map(MarkdownText.code) ?? "*(no name)*", category.name]) }
            }
            guard !rows.isEmpty else { continue }
            let table = MarkdownText.header(["version", "name", "status"]) + rows
            if rows.count > collapseAbove {
                lines.append(contentsOf: ["<details><summary>" + MarkdownText.plain(side.label) + ": "
                    + OverallVerdict.count(rows.count, "version") + " not applied, edited or without a file</summary>", ""])
                lines.append(contentsOf: table + ["", "</details>"])
            } else {
                lines.append(contentsOf: table)
            }
            lines.append("")
        }
        if let skipped = audit.skipped { lines.append(contentsOf: [MarkdownText.plain(skipped), ""]) }
        return lines
    }

    /// `function `public.f(integer)``: kind in words, name as code.
    static func title(_ object: ObjectComparison) -> String {
        object.identity.kind.displayName + " " + MarkdownText.code(object.identity.qualifiedName)
    }

    /// Every security-relevant attribute difference that is more than formatting, and every
    /// policy that is missing on one side or differs otherwise; a policy missing with its table is
    /// counted in the table's entry instead.
    static func securityFindings(_ result: ComparisonResult, oneSided: OneSidedRelations) -> [String] {
        var findings: [String] = []
        for object in result.objects where !oneSided.isFolded(object) {
            let differences = object.attributeDifferences.filter { $0.isSecurityRelevant && !$0.isFormattingOnly }
            for difference in differences {
                findings.append(title(object) + ": " + MarkdownText.code(difference.name) + " "
                    + attributeValue(difference.source) + " → " + attributeValue(difference.target))
            }
            if object.identity.kind == .policy, object.verdict.isDifference(), differences.isEmpty {
                findings.append(title(object) + ": " + object.verdict.displayName)
            }
        }
        return findings
    }

    static func attributeValue(_ value: AttributeValue?) -> String {
        value.map { MarkdownText.code($0.description) } ?? "*(absent)*"
    }

    static func summaryTable(_ summary: [KindSummary]) -> [String] {
        var lines = MarkdownText.header(["kind", "source", "target", "identical", "equivalent", "printed differently",
                                         "different", "only in source", "only in target"], numeric: Set(1...8))
        var totals = Array(repeating: 0, count: 8)
        for line in summary {
            let counts = TextReport.counts(line)
            for (index, value) in counts.enumerated() { totals[index] += value }
            lines.append(MarkdownText.row([line.kind.pluralDisplayName] + counts.map(String.init)))
        }
        lines.append(MarkdownText.row(["**total**"] + totals.map { "**\($0)**" }))
        return lines
    }

    /// One real difference: verdict (with what a one-sided relation holds), proofs, attribute
    /// differences, collapsible diff.
    static func difference(_ object: ObjectComparison, in result: ComparisonResult, holdings: String = "") -> [String] {
        var lines = ["### " + title(object) + ": " + ObjectDescription.verdict(object.verdict) + holdings, ""]
        if ObjectDescription.hasProof(object) {
            lines.append(contentsOf: MarkdownText.header(["side", "exact fingerprint", "normalized fingerprint"]))
            for (label, proof, present) in [(result.source.label, object.source, object.verdict != .onlyInTarget),
                                            (result.target.label, object.target, object.verdict != .onlyInSource)] {
                let cells: [String] = switch (present, proof) {
                case (false, _): ["*(absent)*", "*(absent)*"]
                case (true, nil): ["*(no definition)*", "*(no definition)*"]
                case (true, let proof?): [MarkdownText.code(proof.exact.hex), MarkdownText.code(proof.normalized.hex)]
                }
                lines.append(MarkdownText.row([MarkdownText.code(label)] + cells))
            }
            lines.append("")
        }
        if !object.attributeDifferences.isEmpty {
            lines.append(contentsOf: MarkdownText.header(["attribute", "source", "target"]))
            for difference in object.attributeDifferences {
                let name = MarkdownText.code(difference.name) + (difference.isSecurityRelevant ? " **security**" : "")
                    + (difference.isFormattingOnly ? " (formatting only)" : "")
                lines.append(MarkdownText.row([name, attributeValue(difference.source), attributeValue(difference.target)]))
            }
            lines.append("")
        }
        if let diff = object.diff, !diff.hunks.isEmpty {
            lines.append(contentsOf: ["<details><summary>Definition diff (\(OverallVerdict.count(diff.hunks.count, "hunk")))</summary>", ""])
            lines.append(contentsOf: MarkdownText.fenced(DiffText.lines(diff, color: false), info: "diff"))
            lines.append(contentsOf: ["", "</details>", ""])
        }
        if let hidden = ObjectDescription.hiddenHunks(object.diff) {
            lines.append(contentsOf: [hidden + ".", ""])
        }
        return lines
    }

    /// A table of objects that pass the gate with a difference: what differs and the normalized
    /// fingerprint both sides share.
    static func verdictTable(_ heading: String, _ objects: [ObjectComparison]) -> [String] {
        guard !objects.isEmpty else { return [] }
        var lines = ["## \(heading) (\(objects.count))", ""]
        lines.append(contentsOf: MarkdownText.header(["kind", "object", "what differs", "normalized fingerprint"]))
        for object in objects {
            var differs = ObjectDescription.verdict(object.verdict)
            let attributes = object.attributeDifferences.map(ObjectDescription.attributeLabel)
            if !attributes.isEmpty { differs += "; attributes " + attributes.joined(separator: ", ") }
            lines.append(MarkdownText.row([object.identity.kind.displayName, MarkdownText.code(object.identity.qualifiedName),
                                           differs, normalized(object)]))
        }
        return lines + [""]
    }

    /// The objects proven identical, with the fingerprint both sides share; collapsed when long.
    static func identicalList(_ objects: [ObjectComparison]) -> [String] {
        guard !objects.isEmpty else { return [] }
        var table = MarkdownText.header(["kind", "object", "fingerprint (exact, both sides)"])
        for object in objects {
            table.append(MarkdownText.row([object.identity.kind.displayName, MarkdownText.code(object.identity.qualifiedName),
                                           object.source.map { MarkdownText.code($0.exact.hex) } ?? "*(no definition; attributes equal)*"]))
        }
        var lines = ["## Proven identical (\(objects.count))", ""]
        if objects.count > collapseAbove {
            lines.append(contentsOf: ["<details><summary>\(OverallVerdict.count(objects.count, "object")) proven identical</summary>", ""])
            lines.append(contentsOf: table)
            lines.append(contentsOf: ["", "</details>"])
        } else {
            lines.append(contentsOf: table)
        }
        return lines + [""]
    }

    static func normalized(_ object: ObjectComparison) -> String {
        object.source.map { MarkdownText.code($0.normalized.hex) } ?? "*(no definition)*"
    }

    /// What to do about histories that differ: record migrations whose effects are already there
    /// (never re-run them), or apply the ones that may be missing from the schema.
    static func historyActions(_ audit: HistoryAudit) -> [String] {
        switch audit.verdict {
        case .inSync, .schemaDifferencesUnexplained:
            return audit.comparison.isInSync ? [] : ["Bring the migration histories in line (" + MarkdownText.plain(audit.facts) + ")."]
        case .historiesOutOfSync where !audit.repairs.isEmpty:
            let sides = audit.repairs.map { "\(MarkdownText.plain(audit.label($0.side))): \(OverallVerdict.count($0.missing.count, "migration"))" }
            return ["Record the missing migrations (" + sides.joined(separator: ", ") + ") with the repair SQL or the "
                + "`supabase migration repair` commands under *Migration history*; do not re-run them: the schema already has their effects."]
        case .historiesOutOfSync:
            return ["Correct the migration histories by hand (" + MarkdownText.plain(audit.facts) + "); the schemas need no change."]
        case .schemaDifferencesExplainedByHistory:
            return ["Apply the migrations one side lacks through the migration tool, after `deepdiff verify-migrations` "
                + "shows what they change; do not merely record them (" + MarkdownText.plain(audit.facts) + ")."]
        }
    }

    /// What a person should do next, most urgent first.
    static func recommendedActions(_ result: ComparisonResult, options: ReportOptions, securityFindings: Int,
                                   audit: HistoryAudit? = nil, files: MigrationFilesAudit? = nil) -> [String] {
        let summary = result.summary
        let different = summary.reduce(0) { $0 + $1.different }
        let onlyInSource = summary.reduce(0) { $0 + $1.onlyInSource }
        let onlyInTarget = summary.reduce(0) { $0 + $1.onlyInTarget }
        let equivalent = summary.reduce(0) { $0 + $1.equivalent }
        let printedDifferently = summary.reduce(0) { $0 + $1.printedDifferently }
        var actions: [String] = []
        if securityFindings > 0 {
            actions.append("Review the security-relevant differences first (\(OverallVerdict.count(securityFindings, "finding"))): "
                + "owners, grants, row-level security, policies, `SECURITY DEFINER` and `search_path` decide who may see or do what.")
        }
        if different > 0 {
            actions.append("Reconcile the real differences in definitions or attributes (\(OverallVerdict.count(different, "object"))) "
                + "with a migration rather than by hand.")
        }
        if onlyInSource > 0 {
            actions.append("Create what is missing from the target (\(OverallVerdict.count(onlyInSource, "object"))), "
                + "or confirm that the drop was intended.")
        }
        if onlyInTarget > 0 {
            actions.append("Review what exists only in the target (\(OverallVerdict.count(onlyInTarget, "object"))): "
                + "drop leftovers from tests, or add the objects to the source's migrations.")
        }
        if let audit { actions.append(contentsOf: historyActions(audit)) }
        if let findings = files?.findings {
            actions.append("Bring the migration files and the databases together (" + MarkdownText.plain(findings) + "): apply a file "
                + "not applied through the migration tool, or record it if `deepdiff verify-migrations` shows its effects are already "
                + "there; restore an edited file to the text that was applied, or put the change in a new migration.")
        }
        if equivalent > 0 {
            let count = OverallVerdict.count(equivalent, "object")
            actions.append(options.strict
                ? "Make the formatting-only differences byte-identical (\(count)), or drop `--strict` if formatting may differ."
                : "Nothing to do for the formatting-only differences (\(count)); use `--strict` to require byte-identical definitions.")
        }
        if printedDifferently > 0 {
            actions.append("Nothing to do for definitions that differ only in how PostgreSQL \(result.source.server.majorVersion) "
                + "and \(result.target.server.majorVersion) print them (\(OverallVerdict.count(printedDifferently, "object"))).")
        }
        if !result.unmodeledObjects.source.isEmpty || !result.unmodeledObjects.target.isEmpty {
            actions.append("Check the objects deepdiff does not model by hand (see the line under the summary).")
        }
        if actions.isEmpty {
            actions.append("None: the two databases are identical at the SQL-definition level.")
        }
        return actions
    }
}
