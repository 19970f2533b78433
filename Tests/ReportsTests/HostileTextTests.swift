import Comparison
import Foundation
import SchemaModel
import Testing
@testable import Reports

/// What a database may hold, aimed at every report: XML and Markdown syntax, CDATA's end,
/// controls XML forbids, terminal escapes, bidirectional overrides, invalid UTF-8 (arriving as
/// U+FFFD), line breaks in names, and a 1 MB function body.
@Suite("Reports with hostile database text")
struct HostileTextTests {
    static let hostile = "x]]><y a=\"1\" & 'z'\u{0}\u{1}\u{8}\u{B}\u{C}\u{1B}[31mred\u{1B}[0m\u{7F}\u{9B}\u{202E}evil\u{FFFD}\u{FFFE}\r\nsecond | line `tick` ```"
    static let bigBody = String(repeating: "SELECT '\u{1B}]0;pwned\u{7}' || $$ ]]> $$; -- <b>&amp;</b>\n", count: 1_048_576 / 48)

    static let result: Comparison.ComparisonResult = {
        let name = "fn" + hostile
        let removed = "  RETURN '" + hostile + "';"
        let diff = DefinitionDiff(hunks: [
            DiffHunk(sourceStart: 1, sourceCount: 2, targetStart: 1, targetCount: 1, isFormattingOnly: false, lines: [
                DiffLine(change: .removed, text: removed, changedTokens: [ByteRange(start: 9, end: removed.utf8.count - 1)]),
                DiffLine(change: .removed, text: bigBody),
                DiffLine(change: .added, text: "  RETURN 1;", changedTokens: [ByteRange(start: 9, end: 10)]),
            ]),
        ], omittedFormattingHunks: 0)
        let objects = [
            ObjectComparison(identity: ObjectIdentity(kind: .function, schema: "s" + hostile, name: name, arguments: "text" + hostile),
                             verdict: .different, source: ResultFixture.proof("f1", "a1"), target: ResultFixture.proof("f2", "a2"),
                             attributeDifferences: [AttributeDifference(name: "comment" + hostile, source: .text(hostile),
                                                                        target: .list([hostile, bigBody]), isSecurityRelevant: true)],
                             diff: diff),
            ObjectComparison(identity: ObjectIdentity(kind: .view, schema: "public", name: "v" + hostile), verdict: .equivalent(reasons: [hostile]),
                             source: ResultFixture.proof("e1", "c0"), target: ResultFixture.proof("e2", "c0")),
            ObjectComparison(identity: ObjectIdentity(kind: .table, schema: "public", name: "t" + hostile), verdict: .identical),
            ObjectComparison(identity: ObjectIdentity(kind: .policy, schema: nil, relation: hostile, name: hostile), verdict: .onlyInTarget),
        ]
        return ComparisonResult(
            source: SideDescription(label: "prod" + hostile, database: "db" + hostile, server: ServerInfo(versionNumber: 150018, version: "15.18" + hostile)),
            target: SideDescription(label: "stage" + hostile, database: "db", server: ServerInfo(versionNumber: 180001, version: "18.1")),
            objects: objects, unmodeledObjects: UnmodeledCounts(source: [hostile: 1], target: [:]))
    }()

    /// Whether `text` holds anything a terminal or a page would act on: C0 controls other than
    /// line feed and tab, DEL, C1 controls, bidirectional controls.
    static func containsUnsafeCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { TerminalText.needsEscape($0, keepingLayout: true) }
    }

    /// `text` without SGR sequences (`ESC [ digits/semicolons m`), the only escapes the text
    /// report writes itself.
    static func withoutStyles(_ text: String) -> String {
        var result = "", scalars = Array(text.unicodeScalars), index = 0
        while index < scalars.count {
            if scalars[index] == "\u{1B}", index + 1 < scalars.count, scalars[index + 1] == "[" {
                var end = index + 2
                while end < scalars.count, "0123456789;".unicodeScalars.contains(scalars[end]) { end += 1 }
                if end < scalars.count, scalars[end] == "m" { index = end + 1; continue }
            }
            result.unicodeScalars.append(scalars[index])
            index += 1
        }
        return result
    }

    @Test("JUnit stays well-formed and valid against the schema, with exact counts")
    func junit() throws {
        for strict in [false, true] {
            let xml = JUnitReport.render(Self.result, options: ReportOptions(strict: strict))
            #expect(xml.utf8.count > 1_000_000)
            let outcome = try XMLLint.validate(xml)
            #expect(outcome.status == 0, "xmllint: \(outcome.output.prefix(2000))")
            #expect(try XMLLint.value(of: "concat(/testsuites/@tests,' ',/testsuites/@failures,' ',/testsuites/@skipped)", in: xml)
                == (strict ? "5 3 1" : "5 2 1"))
        }
        let error = JUnitReport.renderError(Self.hostile + "\n" + Self.bigBody, source: Self.hostile, target: "t")
        let outcome = try XMLLint.validate(error)
        #expect(outcome.status == 0, "xmllint: \(outcome.output.prefix(2000))")
    }

    @Test("JUnit names and messages show the hostile text on one line, escaped visibly")
    func junitNames() throws {
        let xml = JUnitReport.render(Self.result, options: ReportOptions())
        let name = try XMLLint.value(of: "string(//testsuite[@name='deepdiff.views']/testcase/@name)", in: xml)
        #expect(name == "public.v" + TerminalText.sanitized(Self.hostile))
        #expect(!name.contains("\n"))
    }

    @Test("JSON parses back with the exact strings")
    func json() throws {
        let json = JSONReport.render(Self.result, options: ReportOptions())
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let document = try #require(parsed as? [String: Any])
        let objects = try #require(document["objects"] as? [[String: Any]])
        let names = objects.compactMap { ($0["identity"] as? [String: Any])?["name"] as? String }
        #expect(names == ["t" + Self.hostile, "v" + Self.hostile, "fn" + Self.hostile, Self.hostile])
        struct Objects: Decodable { var objects: [ObjectComparison] }
        #expect(try JSONDecoder().decode(Objects.self, from: Data(json.utf8)).objects == Self.result.objects)
        let attribute = try #require((objects[2]["attributeDifferences"] as? [[String: Any]])?.first)
        #expect(attribute["target"] as? [String] == [Self.hostile, Self.bigBody])
        #expect((document["source"] as? [String: Any])?["label"] as? String == "prod" + Self.hostile)
    }

    @Test("the text report holds no raw control, escape or bidirectional character")
    func text() {
        for options in [ReportOptions(), ReportOptions(verbose: true)] {
            let output = TextReport.render(Self.result, options: options)
            #expect(!Self.containsUnsafeCharacter(output))
            #expect(output.contains("\\x1b[31mred\\x1b[0m"))
            #expect(output.contains("\\u{202E}evil"))
        }
        // With colour, the only escapes are the report's own styles.
        let coloured = TextReport.render(Self.result, options: ReportOptions(color: true))
        #expect(!Self.containsUnsafeCharacter(Self.withoutStyles(coloured)))
        #expect(!coloured.contains("\u{1B}[31mred"))
    }

    @Test("the Markdown report holds no raw control character and its tables stay well-formed")
    func markdown() {
        let output = MarkdownReport.render(Self.result, options: ReportOptions(), title: "audit " + Self.hostile)
        #expect(!Self.containsUnsafeCharacter(output))
        expectWellFormedTables(output)
        #expect(output.hasPrefix("# audit x]]&gt;&lt;y a=\"1\" &amp; 'z'\\x00"))
    }
}
