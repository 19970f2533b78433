import Foundation
import GoldenFiles
import Testing

/// A database whose names and literals hold newlines, quotes, markup, terminal escapes and
/// right-to-left overrides, with a 1 MB function, 2,000 overloads and twenty nested views
/// (fixtures/hostile): every report stays valid and exact, and terminal-facing reports carry no
/// control characters.
@Suite("hostile database")
struct HostileDatabaseTests {
    /// Names the fixture creates, exactly as the catalog holds them.
    static let hostileTableNames = [
        "line\nbreak", "say \"hi\"", "it's", "<b>&amp;</b>", "end]]>", "\u{1B}[31mred\u{1B}[0m",
        "abc\u{202E}txt.exe", String(repeating: "日", count: 21), "select", "TABLE", "tab\there", "bell\u{07}", "cr\rlf",
    ]

    static let formats = ["text", "markdown", "json", "junit"]

    @Test("the hostile database compared with itself is identical, exit 0, in every format", arguments: [15, 18])
    func identicalWithItself(major: Int) throws {
        let database = try HostilePair.loads.value(major)
        for format in Self.formats {
            let outcome = try DeepDiffProcess.run(["compare", database.original, database.original, "--format", format, "--quiet"])
            #expect(outcome.status == 0, "\(format): \(outcome.standardError)")
            try Self.checkReport(outcome.standardOutput, format: format)
        }
        let text = try DeepDiffProcess.run(["compare", database.original, database.original, "--quiet"])
        #expect(text.standardOutput.contains("IDENTICAL: every object is the same (2178 objects compared)"), "\(text.standardOutput)")
    }

    @Test("differences between hostile databases are shown without control characters and validly in every format", arguments: [15, 18])
    func differencesShownSafely(major: Int) throws {
        let database = try HostilePair.loads.value(major)
        for format in Self.formats {
            let outcome = try DeepDiffProcess.run(["compare", database.original, database.changed, "--format", format, "--quiet"])
            #expect(outcome.status == 1, "\(format): \(outcome.standardError)")
            try Self.checkReport(outcome.standardOutput, format: format)
            if format == "json" {
                let names = try Self.jsonStrings(outcome.standardOutput)
                for name in Self.hostileTableNames {
                    #expect(names.contains("changed \u{1B}[5m" + name), "JSON lacks the exact comment of \(name.debugDescription)")
                }
            }
        }
        let text = try DeepDiffProcess.run(["compare", database.original, database.changed, "--quiet"])
        for shown in ["table hostile.line\\nbreak: different", "table hostile.\\x1b[31mred\\x1b[0m: different", "table hostile.end]]>: different"] {
            #expect(text.standardOutput.contains(shown), "text report lacks \(shown)")
        }
    }

    /// Checks what each format promises: text and Markdown hold no control character other than
    /// newline and no bidirectional override; JSON parses; JUnit validates against schemas/junit.xsd.
    static func checkReport(_ report: String, format: String) throws {
        switch format {
        case "text", "markdown":
            let unsafe = report.unicodeScalars.filter { scalar in
                (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
                    || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            }
            #expect(unsafe.isEmpty, "\(format) report holds raw control characters: \(unsafe.map { String($0.value, radix: 16) })")
        case "json":
            _ = try jsonStrings(report)
        default:
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString).xml")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(report.utf8).write(to: file)
            #expect(throws: Never.self) { try XMLSchemaCheck.validate(file) }
        }
    }

    /// Every string value anywhere in a JSON document.
    static func jsonStrings(_ json: String) throws -> Set<String> {
        var strings = Set<String>()
        func collect(_ value: Any) {
            if let string = value as? String { strings.insert(string) }
            if let array = value as? [Any] { array.forEach(collect) }
            if let object = value as? [String: Any] { object.values.forEach(collect) }
        }
        collect(try JSONSerialization.jsonObject(with: Data(json.utf8)))
        return strings
    }
}

/// The hostile fixture loaded once per cluster, and a copy with fixtures/hostile/changes.sql applied.
struct HostilePair: Sendable {
    let original: String
    let changed: String

    static let loads = OncePerCluster<HostilePair> { cluster in
        let fixtures = GoldenFile.repositoryRoot.appendingPathComponent("fixtures/hostile")
        try cluster.createDatabase("hd_hostile_template")
        try cluster.runFile(fixtures.appendingPathComponent("hostile.sql").path, in: "hd_hostile_template")
        try cluster.createDatabase("hd_hostile", template: "hd_hostile_template")
        try cluster.createDatabase("hd_hostile_changed", template: "hd_hostile_template")
        try cluster.runFile(fixtures.appendingPathComponent("changes.sql").path, in: "hd_hostile_changed")
        return HostilePair(original: cluster.connection(to: "hd_hostile"), changed: cluster.connection(to: "hd_hostile_changed"))
    }
}
