import Comparison
import GoldenFiles
import Testing
@testable import Reports

@Suite("Text report")
struct TextReportTests {
    let result = ResultFixture.everyVerdict

    @Test("matches golden/reports/result.txt")
    func golden() {
        let output = TextReport.render(result, options: ReportOptions())
        #expect(GoldenFile("reports/result.txt").mismatch(with: output) == nil)
    }

    @Test("the summary table and the verdict come before the details")
    func summaryFirst() throws {
        let lines = TextReport.render(result, options: ReportOptions()).split(separator: "\n", omittingEmptySubsequences: false)
        let table = try #require(lines.firstIndex { $0.hasPrefix("kind ") })
        let verdict = try #require(lines.firstIndex(of: "DIFFERENT: 5 objects differ"))
        let details = try #require(lines.firstIndex(of: "Details"))
        #expect(table < verdict && verdict < details)
        #expect(lines[0] == "deepdiff: source production (app, PostgreSQL 15.18) vs target staging (app, PostgreSQL 18.1)")
    }

    @Test("the summary has one row per kind and a total, with every count in its column")
    func summaryTable() {
        let table = TextReport.summaryTable(result.summary)
        #expect(table == [
            "kind       source  target  identical  equivalent  printed differently  different  only in source  only in target",
            "tables          1       2          1           0                    0          0               0               1",
            "columns         2       2          1           0                    0          1               0               0",
            "views           3       3          1           1                    1          0               0               0",
            "functions       2       1          0           0                    0          1               1               0",
            "policies        1       1          0           0                    0          1               0               0",
            "total           9       9          3           1                    1          3               1               1",
        ])
    }

    @Test("the overall verdict line names the outcome for identical, equivalent and different results")
    func verdictLines() {
        func line(_ verdicts: [Verdict], strict: Bool = false) -> String {
            OverallVerdict(ResultFixture.result(verdicts), options: ReportOptions(strict: strict)).line
        }
        #expect(line([.identical, .identical]) == "IDENTICAL: every object is the same (2 objects compared)")
        #expect(line([.identical, .equivalent(reasons: ["whitespace"])]) == "EQUIVALENT: 1 object differs only in formatting")
        #expect(line([.equivalent(reasons: []), .equivalent(reasons: []), .printedDifferently(sourceMajor: 15, targetMajor: 18)])
            == "EQUIVALENT: 2 objects differ only in formatting, 1 object only in how each PostgreSQL version prints it")
        #expect(line([.identical, .equivalent(reasons: ["whitespace"])], strict: true) == "DIFFERENT: 1 object differs")
        #expect(line([.different, .onlyInSource, .onlyInTarget]) == "DIFFERENT: 3 objects differ")
    }

    @Test("the exit status is 1 only when an object fails the gate")
    func exitStatus() {
        let equivalent = ResultFixture.result([.equivalent(reasons: [])])
        #expect(OverallVerdict(equivalent, options: ReportOptions()).exitStatus == 0)
        #expect(OverallVerdict(equivalent, options: ReportOptions(strict: true)).exitStatus == 1)
        #expect(OverallVerdict(ResultFixture.result([.printedDifferently(sourceMajor: 15, targetMajor: 18)]), options: ReportOptions()).exitStatus == 0)
        #expect(OverallVerdict(result, options: ReportOptions()).exitStatus == 1)
    }

    @Test("an identical result has no details section unless verbose lists the identical objects")
    func identicalResult() {
        let identical = ResultFixture.result([.identical])
        let plain = TextReport.render(identical, options: ReportOptions())
        #expect(!plain.contains("Details"))
        #expect(!plain.contains("view public.v0"))
        let verbose = TextReport.render(identical, options: ReportOptions(verbose: true))
        #expect(verbose.hasSuffix("Identical (1)\n  view public.v0  normalized c1c1c1c1c1c1\n"))
    }

    @Test("changed tokens are marked by a line of ^ under exactly their characters")
    func markers() {
        let lines = DiffText.lines(ResultFixture.latencyDiff, color: false)
        #expect(lines == [
            "@@ -9,3 +9,3 @@",
            "   9  9 |   SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms)",
            "- 10    |   WHERE created_at > now() - interval '7 days'",
            "        |                                       ^^^^^^^^",
            "+    10 |   WHERE created_at > now() - interval '30 days'",
            "        |                                       ^^^^^^^^^",
            "  11 11 |   GROUP BY agent_id;",
        ])
    }

    @Test("security-relevant attribute differences are marked [security]")
    func securityMarked() {
        let output = TextReport.render(result, options: ReportOptions())
        #expect(output.contains("    [security] security_definer: false -> true\n"))
        #expect(output.contains("    volatility: stable -> volatile\n"))
        #expect(output.contains("    2 formatting-only hunks hidden (--show-formatting)\n"))
    }

    @Test("without colour there is no escape sequence; with colour changed tokens are highlighted")
    func colour() {
        #expect(!TextReport.render(result, options: ReportOptions()).contains("\u{1B}"))
        let coloured = TextReport.render(result, options: ReportOptions(color: true))
        #expect(coloured.contains("\u{1B}[1;31mDIFFERENT: 5 objects differ\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[7m'30 days'\u{1B}[0m\u{1B}[32m"))
        #expect(!coloured.contains("^^^"))
    }

    @Test("segments clamp, merge and sort odd byte ranges instead of trapping")
    func oddRanges() {
        let pieces = DiffText.segments("añb", changed: [ByteRange(start: 2, end: 99), ByteRange(start: -5, end: 1), ByteRange(start: 3, end: 1)])
        // Byte 2 is inside "ñ", so the range starts after it.
        #expect(pieces == [DiffText.Segment(text: "a", isChanged: true), DiffText.Segment(text: "ñ", isChanged: false),
                           DiffText.Segment(text: "b", isChanged: true)])
    }
}
