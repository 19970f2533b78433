import Comparison
import SchemaModel

/// The CI-gate report in JUnit XML: one `<testsuite>` per object kind, one `<testcase>` per
/// object, a `<failure>` for every object that fails the gate, and the fingerprints of both sides
/// in each test case's `<system-out>`.
///
/// Written with `XMLWriter` (deterministic attribute order, no CDATA, forbidden characters
/// replaced); validates against schemas/junit.xsd, which follows what Jenkins' JUnit plugin,
/// GitLab and the GitHub test-report actions read. Names are sanitized onto one line.
public enum JUnitReport {
    /// The report for a finished comparison.
    public static func render(_ result: ComparisonResult, options: ReportOptions) -> String {
        var suites: [TestSuite] = []
        for kind in ObjectKind.allCases {
            let objects = result.objects(where: { objectKind, _ in objectKind == kind })
            guard !objects.isEmpty else { continue }
            suites.append(TestSuite(name: "deepdiff." + kind.pluralDisplayName.replacing(" ", with: "_"),
                                    cases: objects.map { testCase($0, in: result, options: options) }))
        }
        if let unmodeled = unmodeledSuite(result.unmodeledObjects) { suites.append(unmodeled) }
        let schemas = SchemaVerdict(result, strict: options.strict, oneSided: OneSidedRelations(result))
        let historyCases = HistoryAudit(result, strict: options.strict, schemas: schemas).map(historyCases) ?? []
        let fileCases = MigrationFilesAudit(result).map(migrationFileCases) ?? []
        if !historyCases.isEmpty || !fileCases.isEmpty {
            suites.append(TestSuite(name: "deepdiff.migration_history", cases: historyCases + fileCases))
        }
        return write(suites)
    }

    /// One test case per side for the migration files, failing when a file is not applied there or
    /// was edited since it was applied.
    static func migrationFileCases(_ audit: MigrationFilesAudit) -> [TestCase] {
        audit.report.sides.map { side in
            let name = "migration files " + audit.directory + " on " + MigrationFilesAudit.label(side)
            let classname = "deepdiff.migration_history.files"
            let lists = MigrationFilesAudit.versionLists(side).flatMap { [$0.heading + ":"] + $0.items.map { "  " + $0 } }
            let out = ([MigrationFilesAudit.headline(side)] + lists).joined(separator: "\n") + "\n"
            guard side.hasFindings else { return TestCase(name: name, classname: classname, outcome: .passed, systemOut: out) }
            return TestCase(name: name, classname: classname,
                            outcome: .failure(message: "migration files out of sync on " + MigrationFilesAudit.label(side) + ": "
                                                + MigrationFilesAudit.counts(side),
                                              type: "migration_files_out_of_sync", body: out),
                            systemOut: nil)
        }
    }

    /// One test case per tool's history, failing when the two sides record different migrations, so
    /// a CI gate shows an out-of-sync history even when the schemas are identical.
    static func historyCases(_ audit: HistoryAudit) -> [TestCase] {
        audit.comparison.histories.map { history in
            let name = history.framework.displayName + " " + HistoryAudit.table(history)
            let classname = "deepdiff.migration_history." + history.framework.rawValue
            guard !history.isInSync else {
                return TestCase(name: name, classname: classname, outcome: .passed, systemOut: audit.counts(history) + "\n")
            }
            var body = [audit.headline(history)]
            for list in audit.versionLists(history) {
                body.append(list.heading + ":")
                body.append(contentsOf: list.items.map { "  " + $0 })
            }
            body.append(contentsOf: ["", audit.sentence])
            for repair in audit.repairs where history.framework == .supabase {
                body.append(contentsOf: ["", "To repair the record (deepdiff never runs this), " + audit.repairHeading(repair) + ":"])
                body.append(contentsOf: HistoryAudit.sqlLines(repair))
                body.append("or with Supabase's CLI:")
                body.append(contentsOf: HistoryAudit.commandLines(repair).map { "  " + $0 })
            }
            return TestCase(name: name, classname: classname,
                            outcome: .failure(message: "migration history out of sync: " + audit.counts(history),
                                              type: audit.verdict.name, body: body.joined(separator: "\n") + "\n"),
                            systemOut: nil)
        }
    }

    /// A report for a comparison that could not run (a connection or read failure): one test case
    /// with an `<error>`, so the CI gate shows the failure instead of an empty, passing report.
    public static func renderError(_ message: String, source: String, target: String) -> String {
        let firstLine = message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first.map(String.init) ?? ""
        let name = "compare \(TerminalText.sanitized(source)) with \(TerminalText.sanitized(target))"
        let failed = TestCase(name: name, classname: "deepdiff",
                              outcome: .error(message: TerminalText.sanitized(firstLine), type: "error",
                                              body: TerminalText.sanitized(message, keepingLayout: true)),
                              systemOut: nil)
        return write([TestSuite(name: "deepdiff.comparison", cases: [failed])])
    }

    /// A test case as this report writes it.
    struct TestCase {
        /// How the test case ended.
        enum Outcome {
            case passed
            case failure(message: String, type: String, body: String)
            case error(message: String, type: String, body: String)
            case skipped(message: String)
        }

        var name: String
        var classname: String
        var outcome: Outcome
        var systemOut: String?
    }

    /// A suite and its cases; its counts are derived from them, so they cannot disagree.
    struct TestSuite {
        var name: String
        var cases: [TestCase]

        var failures: Int { cases.filter { if case .failure = $0.outcome { true } else { false } }.count }
        var errors: Int { cases.filter { if case .error = $0.outcome { true } else { false } }.count }
        var skipped: Int { cases.filter { if case .skipped = $0.outcome { true } else { false } }.count }
    }

    static func testCase(_ object: ObjectComparison, in result: ComparisonResult, options: ReportOptions) -> TestCase {
        let identity = object.identity
        let classname = "deepdiff." + identity.kind.rawValue + (identity.schema.map { "." + TerminalText.sanitized($0) } ?? "")
        var out = ["verdict: " + ObjectDescription.verdict(object.verdict)]
        out.append(contentsOf: ObjectDescription.proofLines(object, in: result, full: true))
        let outcome: TestCase.Outcome
        if object.verdict.isDifference(strict: options.strict) {
            var message = ObjectDescription.summary(object, in: result)
            if case .equivalent = object.verdict { message += " (strict: definitions must be byte-identical)" }
            outcome = .failure(message: message, type: object.verdict.name, body: failureBody(object, message: message, in: result))
        } else {
            out.append(contentsOf: object.attributeDifferences.map(ObjectDescription.attributeLine))
            outcome = .passed
        }
        return TestCase(name: ObjectDescription.name(object), classname: classname, outcome: outcome,
                        systemOut: out.joined(separator: "\n") + "\n")
    }

    /// What a person needs to see the failure: the summary, the proofs, the attribute differences
    /// and the diff.
    static func failureBody(_ object: ObjectComparison, message: String, in result: ComparisonResult) -> String {
        var lines = [message, ""]
        lines.append(contentsOf: ObjectDescription.proofLines(object, in: result, full: true))
        if !object.attributeDifferences.isEmpty {
            lines.append("attributes:")
            lines.append(contentsOf: object.attributeDifferences.map { "  " + ObjectDescription.attributeLine($0) })
        }
        if let diff = object.diff, !diff.hunks.isEmpty || diff.omittedFormattingHunks > 0 {
            lines.append("definition:")
            lines.append(contentsOf: DiffText.lines(diff, color: false).map { "  " + $0 })
            if let hidden = ObjectDescription.hiddenHunks(diff) { lines.append("  " + hidden) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Kinds deepdiff does not model, as skipped test cases: nothing is left out in silence.
    static func unmodeledSuite(_ counts: UnmodeledCounts) -> TestSuite? {
        let kinds = Set(counts.source.keys).union(counts.target.keys).sorted()
        guard !kinds.isEmpty else { return nil }
        return TestSuite(name: "deepdiff.unmodeled", cases: kinds.map { kind in
            let name = TerminalText.sanitized(kind)
            return TestCase(name: name, classname: "deepdiff.unmodeled",
                            outcome: .skipped(message: "not compared: deepdiff does not model \(name) objects "
                                + "(\(counts.source[kind] ?? 0) in source, \(counts.target[kind] ?? 0) in target)"),
                            systemOut: nil)
        })
    }

    static func write(_ suites: [TestSuite]) -> String {
        var xml = XMLWriter()
        func counts(tests: Int, failures: Int, errors: Int, skipped: Int) -> [XMLWriter.Attribute] {
            [("tests", String(tests)), ("failures", String(failures)), ("errors", String(errors)),
             ("skipped", String(skipped)), ("time", "0")]
        }
        xml.open("testsuites", [("name", "deepdiff")] + counts(
            tests: suites.reduce(0) { $0 + $1.cases.count }, failures: suites.reduce(0) { $0 + $1.failures },
            errors: suites.reduce(0) { $0 + $1.errors }, skipped: suites.reduce(0) { $0 + $1.skipped }))
        for suite in suites {
            xml.open("testsuite", [("name", suite.name)] + counts(
                tests: suite.cases.count, failures: suite.failures, errors: suite.errors, skipped: suite.skipped))
            for testCase in suite.cases { write(testCase, to: &xml) }
            xml.close()
        }
        return xml.finish()
    }

    static func write(_ testCase: TestCase, to xml: inout XMLWriter) {
        let attributes: [XMLWriter.Attribute] = [("name", testCase.name), ("classname", testCase.classname), ("time", "0")]
        if case .passed = testCase.outcome, testCase.systemOut == nil {
            xml.element("testcase", attributes)
            return
        }
        xml.open("testcase", attributes)
        switch testCase.outcome {
        case .passed: break
        case .failure(let message, let type, let body): xml.element("failure", [("message", message), ("type", type)], text: body)
        case .error(let message, let type, let body): xml.element("error", [("message", message), ("type", type)], text: body)
        case .skipped(let message): xml.element("skipped", [("message", message)])
        }
        if let systemOut = testCase.systemOut { xml.element("system-out", text: systemOut) }
        xml.close()
    }
}
