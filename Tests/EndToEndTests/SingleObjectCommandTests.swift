import Foundation
import GoldenFiles
import Testing

/// `deepdiff function|view|table NAME`, with the config file's default pair.
@Suite("single-object commands, end to end")
struct SingleObjectCommandTests {
    @Test("deepdiff function get_latency_metrics shows the one real change, with fingerprints")
    func latencyMetrics() throws {
        let config = try CompareCommandTests.demoConfig(15)
        let outcome = try DeepDiffProcess.run(["function", "get_latency_metrics"], in: config.deletingLastPathComponent())
        #expect(outcome.status == 1, "\(outcome.standardError)")
        let mismatch = GoldenFile("e2e/function-get_latency_metrics.txt")
            .mismatch(with: try CompareCommandTests.maskingServerVersion(outcome.standardOutput, major: 15))
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test("every overload of a function is compared")
    func overloads() throws {
        let config = try CompareCommandTests.demoConfig(15)
        let outcome = try DeepDiffProcess.run(["function", "public.get_financial_timeseries", "--config", config.path, "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let objects = try #require(root["objects"] as? [[String: Any]])
        #expect(objects.count == 2)
    }

    @Test("deepdiff view and deepdiff table compare one object and what belongs to it")
    func viewAndTable() throws {
        let config = try CompareCommandTests.demoConfig(15)
        let view = try DeepDiffProcess.run(["view", "v_financial_metrics_enriched", "--config", config.path])
        #expect(view.status == 1)
        #expect(view.standardOutput.contains("cost_per_email"))
        let table = try DeepDiffProcess.run(["table", "agent_deployments", "--config", config.path, "--format", "json"])
        #expect(table.status == 1)
        #expect(table.standardOutput.contains("\"cost_per_email\""))
        let same = try DeepDiffProcess.run(["table", "agent_calls", "--config", config.path])
        #expect(same.status == 0, "\(same.standardOutput)")
    }

    @Test("an unknown name is an error that suggests the closest names")
    func unknownName() throws {
        let config = try CompareCommandTests.demoConfig(15)
        let outcome = try DeepDiffProcess.run(["function", "get_latency_metric", "--config", config.path])
        #expect(outcome.status == 2)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains("no function named 'get_latency_metric'"))
        #expect(outcome.standardError.contains("get_latency_metrics"))
    }
}
