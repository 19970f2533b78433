import Foundation
import GoldenFiles
import Testing

/// `deepdiff compare` on the demo databases, as a user runs it: exit codes, verdicts, reports.
@Suite("deepdiff compare, end to end")
struct CompareCommandTests {
    /// A config file naming the demo databases `production` and `staging`, so reports carry stable labels.
    static func demoConfig(_ major: Int, extra: String = "") throws -> URL {
        let demo = try TestDatabases.demo(major)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deepdiff-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = """
            [defaults]
            source = "production"
            target = "staging"
            \(extra)

            [environments.production]
            url = "\(demo.production)"

            [environments.staging]
            url = "\(demo.staging)"
            """
        let url = directory.appendingPathComponent("deepdiff.toml")
        try Data(config.utf8).write(to: url)
        return url
    }

    /// `output` with the test server's exact version (which moves with Debian's point releases)
    /// replaced by a placeholder, so golden files stay valid across minor upgrades.
    static func maskingServerVersion(_ output: String, major: Int) throws -> String {
        let demo = try TestDatabases.demo(major)
        let probe = try DeepDiffProcess.run(["table", "clients", demo.staging, demo.staging, "--format", "json"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(probe.standardOutput.utf8)) as? [String: Any])
        let server = try #require((root["source"] as? [String: Any])?["server"] as? [String: Any])
        let version = try #require(server["version"] as? String)
        let number = try #require(server["versionNumber"] as? Int)
        return output
            .replacingOccurrences(of: version, with: "<server version>")
            .replacingOccurrences(of: "\"versionNumber\" : \(number)", with: "\"versionNumber\" : <server version number>")
            .replacingOccurrences(of: "\"versionNumber\":\(number)", with: "\"versionNumber\":<server version number>")
    }

    /// Every object whose verdict is not `identical`, as "kind qualified-name: verdict".
    static func nonIdenticalObjects(inJSON json: String) throws -> [String] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let objects = try #require(root["objects"] as? [[String: Any]])
        return objects.compactMap { object in
            guard let identity = object["identity"] as? [String: Any],
                  let verdict = (object["verdict"] as? [String: Any])?["verdict"] as? String,
                  verdict != "identical" else { return nil }
            let kind = identity["kind"] as? String ?? "?"
            let relation = (identity["relation"] as? String).map { "\($0)." } ?? ""
            return "\(kind) \(relation)\(identity["name"] as? String ?? "?"): \(verdict)"
        }
    }

    @Test("finds exactly the demo's intended differences and exits 1", arguments: [15, 18])
    func demoDifferences(major: Int) throws {
        let config = try Self.demoConfig(major)
        let outcome = try DeepDiffProcess.run(["compare", "--config", config.path, "--format", "json"])
        #expect(outcome.status == 1, "\(outcome.standardError)")
        let found = try Self.nonIdenticalObjects(inJSON: outcome.standardOutput)
        let realDifferences = found.filter { !$0.hasSuffix(": equivalent") }
        #expect(realDifferences.filter { !$0.contains("agent_calls_test") && !$0.contains("v_agent_communications") } == [
            "column agent_deployments.cost_per_email: different",
            "view v_arthur_funnel: different",
            "view v_financial_metrics_enriched: different",
            "function get_financial_kpi_metrics: different",
            "function get_latency_metrics: different",
            "policy agent_sms.Users can view sms of their clients: different",
        ])
        #expect(realDifferences.contains("table agent_calls_test: only_in_target"))
        #expect(realDifferences.contains("view v_agent_communications: only_in_source"))
        #expect(found.filter { $0.hasSuffix(": equivalent") }.count == 19)
    }

    @Test("every report format of the demo matches its golden file", arguments: [
        ("text", "txt"), ("json", "json"), ("junit", "junit.xml"), ("markdown", "md"),
    ])
    func demoGolden(format: String, fileExtension: String) throws {
        let config = try Self.demoConfig(15)
        let outcome = try DeepDiffProcess.run(["compare", "--config", config.path, "--format", format])
        #expect(outcome.status == 1, "\(outcome.standardError)")
        let mismatch = GoldenFile("e2e/compare-demo.\(fileExtension)").mismatch(with: try Self.maskingServerVersion(outcome.standardOutput, major: 15))
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test("a database compared with itself is identical and exits 0", arguments: [15, 18])
    func selfComparison(major: Int) throws {
        let demo = try TestDatabases.demo(major)
        let outcome = try DeepDiffProcess.run(["compare", demo.staging, demo.staging])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("IDENTICAL"))
    }

    @Test("the same schema on PostgreSQL 15 and 18 differs only in how each prints it")
    func acrossMajorVersions() throws {
        let old = try TestDatabases.demo(15), new = try TestDatabases.demo(18)
        let outcome = try DeepDiffProcess.run(["compare", old.staging, new.staging, "--format", "json"])
        let found = try Self.nonIdenticalObjects(inJSON: outcome.standardOutput)
        #expect(found.allSatisfy { $0.hasSuffix(": printed_differently") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("view ") })
        #expect(outcome.status == 0, "\(outcome.standardError)")
    }

    @Test("--junit writes a schema-valid JUnit file beside the terminal output")
    func junitBesideText() throws {
        let config = try Self.demoConfig(15)
        let junit = config.deletingLastPathComponent().appendingPathComponent("report.xml")
        let outcome = try DeepDiffProcess.run(["compare", "--config", config.path, "--junit", junit.path])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.contains("DIFFERENT"))
        let xml = try String(contentsOf: junit, encoding: .utf8)
        #expect(xml.contains("<testsuites"))
        #expect(xml.contains("get_latency_metrics"))
        try XMLSchemaCheck.validate(junit)
    }

    @Test("--format markdown --output writes the audit report to a file", arguments: ["markdown", "json", "text"])
    func outputFile(format: String) throws {
        let config = try Self.demoConfig(15)
        let file = config.deletingLastPathComponent().appendingPathComponent("report.\(format)")
        let outcome = try DeepDiffProcess.run(["compare", "--config", config.path, "--format", format, "--output", file.path])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.isEmpty)
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.contains("v_financial_metrics_enriched"))
    }

    @Test("--strict makes a formatting-only difference fail the gate")
    func strictEquivalence() throws {
        let config = try Self.demoConfig(15)
        let relaxed = try DeepDiffProcess.run(["function", "get_kpi_metrics", "--config", config.path])
        #expect(relaxed.status == 0, "\(relaxed.standardOutput)\(relaxed.standardError)")
        #expect(relaxed.standardOutput.contains("equivalent"))
        let strict = try DeepDiffProcess.run(["function", "get_kpi_metrics", "--config", config.path, "--strict"])
        #expect(strict.status == 1)
    }
}
