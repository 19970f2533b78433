import Comparison
import GoldenFiles
import SchemaModel
import Testing
@testable import Reports

@Suite("Markdown audit report")
struct MarkdownReportTests {
    let result = ResultFixture.everyVerdict

    @Test("matches golden/reports/result.md")
    func golden() {
        #expect(GoldenFile("reports/result.md").mismatch(with: MarkdownReport.render(result, options: ReportOptions())) == nil)
    }

    @Test("security-relevant differences come before the summary and the other differences")
    func securityFirst() throws {
        let output = MarkdownReport.render(result, options: ReportOptions())
        let security = try #require(output.range(of: "## Security-relevant differences"))
        let summary = try #require(output.range(of: "## Summary by kind"))
        let differences = try #require(output.range(of: "## Differences (5)"))
        #expect(security.lowerBound < summary.lowerBound && summary.lowerBound < differences.lowerBound)
        #expect(output.contains("- function `public.get_latency_metrics(p_from timestamp with time zone)`: `security_definer` `false` → `true`\n"))
        #expect(output.contains("- policy `clients_read on public.clients`: `roles` `authenticated` → `anon, authenticated`\n"))
    }

    @Test("every table row has as many cells as its header")
    func tablesAreWellFormed() {
        expectWellFormedTables(MarkdownReport.render(result, options: ReportOptions()))
    }

    @Test("a long list of identical objects is collapsed, a short one is not")
    func collapsible() {
        let many = MarkdownReport.render(ResultFixture.result(Array(repeating: .identical, count: 11)), options: ReportOptions())
        #expect(many.contains("<details><summary>11 objects proven identical</summary>"))
        let few = MarkdownReport.render(ResultFixture.result(Array(repeating: .identical, count: 10)), options: ReportOptions())
        #expect(!few.contains("<details>"))
        #expect(few.contains("## Recommended actions\n\n1. None: the two databases are identical at the SQL-definition level.\n"))
    }

    @Test("inline code uses a fence longer than any backtick run, and table cells escape |")
    func markdownText() {
        #expect(MarkdownText.code("plain") == "`plain`")
        #expect(MarkdownText.code("a``b") == "```a``b```")
        #expect(MarkdownText.code("`x") == "`` `x ``")
        #expect(MarkdownText.code("line\nbreak") == "`line\\nbreak`")
        #expect(MarkdownText.row([MarkdownText.code("a|b"), "c"]) == "| `a\\|b` | c |")
        #expect(MarkdownText.fenced(["x ```` y"], info: "diff") == ["`````diff", "x ```` y", "`````"])
    }
}

/// Checks that each Markdown table (a header followed by a delimiter row) has rows of the same
/// width, counting only unescaped `|`.
func expectWellFormedTables(_ markdown: String, sourceLocation: SourceLocation = #_sourceLocation) {
    func cells(_ line: Substring) -> Int {
        var count = 0, escaped = false
        for character in line {
            if character == "|" && !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count
    }
    var width: Int?
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("|") {
            if let width {
                #expect(cells(line) == width, "\(line.prefix(200))", sourceLocation: sourceLocation)
            } else {
                width = cells(line)
            }
        } else {
            width = nil
        }
    }
}
