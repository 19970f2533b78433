import Comparison
import Foundation
import GoldenFiles
import SchemaModel
import Testing

@Suite("Result encoding")
struct GoldenResultTests {
    /// A small comparison touching every verdict, attribute differences, column order and a diff.
    static func sampleResult() -> Comparison.ComparisonResult {
        let function15 = """
            CREATE OR REPLACE FUNCTION public.get_latency_metrics()
             RETURNS TABLE(p50 numeric)
             LANGUAGE sql
             STABLE
            AS $function$
              SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms)
                FROM public.agent_calls
            $function$
            """
        let function18 = function15.replacingOccurrences(of: "0.5", with: "0.95")
        let source: [SchemaObject] = [
            Fixture.object(.table, "agent_calls", attributes: [AttributeName.owner: .text("postgres"), AttributeName.rowSecurityEnabled: .flag(true)]),
            Fixture.column("agent_calls", "id", position: 1, type: "uuid"),
            Fixture.column("agent_calls", "latency_ms", position: 2),
            Fixture.column("agent_calls", "agent", position: 3, type: "text"),
            Fixture.object(.policy, "own calls", relation: "agent_calls", attributes: [
                AttributeName.roles: .list(["authenticated"]), AttributeName.usingExpression: .sql("(auth.uid() = user_id)")]),
            Fixture.object(.view, "v_agents", definition: "SELECT agent_calls.agent FROM public.agent_calls",
                           attributes: [AttributeName.securityInvoker: .flag(true)]),
            Fixture.object(.view, "v_latency", definition: "SELECT latency_ms FROM public.agent_calls WHERE (latency_ms > 0)"),
            Fixture.object(.function, "get_latency_metrics", arguments: "", definition: function15,
                           attributes: [AttributeName.volatility: .text("stable")]),
            Fixture.object(.function, "debug_dump", arguments: "", definition: "SELECT 1"),
        ]
        let target: [SchemaObject] = [
            Fixture.object(.table, "agent_calls", attributes: [AttributeName.owner: .text("postgres"), AttributeName.rowSecurityEnabled: .flag(true)]),
            Fixture.column("agent_calls", "id", position: 1, type: "uuid"),
            Fixture.column("agent_calls", "agent", position: 2, type: "text"),
            Fixture.column("agent_calls", "latency_ms", position: 3),
            Fixture.object(.policy, "own calls", relation: "agent_calls", attributes: [
                AttributeName.roles: .list(["anon", "authenticated"]), AttributeName.usingExpression: .sql("( auth.uid() = user_id )")]),
            Fixture.object(.view, "v_agents", definition: "SELECT agent FROM public.agent_calls",
                           attributes: [AttributeName.securityInvoker: .flag(true)]),
            Fixture.object(.view, "v_latency", definition: "select latency_ms from public.agent_calls where (latency_ms > 0)"),
            Fixture.object(.function, "get_latency_metrics", arguments: "", definition: function18,
                           attributes: [AttributeName.volatility: .text("stable")]),
            Fixture.object(.table, "agent_calls_test"),
        ]
        return Fixture.compare(source, target, sourceMajor: 15, targetMajor: 18)
    }

    @Test("a result encodes to the recorded JSON")
    func goldenJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let json = String(decoding: try encoder.encode(Self.sampleResult()), as: UTF8.self) + "\n"
        let mismatch = GoldenFile("comparison/result.json").mismatch(with: json)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test("a result survives a JSON round trip unchanged")
    func roundTrip() throws {
        let result = Self.sampleResult()
        let decoded = try JSONDecoder().decode(Comparison.ComparisonResult.self, from: try JSONEncoder().encode(result))
        #expect(decoded == result)
    }

    @Test("the sample holds the verdicts the golden file is meant to show")
    func sampleVerdicts() {
        #expect(Self.sampleResult().verdictsByObject == [
            "table public.agent_calls": "different",
            "column public.agent_calls.id": "identical",
            "column public.agent_calls.latency_ms": "identical",
            "column public.agent_calls.agent": "identical",
            "policy own calls on public.agent_calls": "different",
            "view public.v_agents": "printed_differently",
            "view public.v_latency": "equivalent",
            "function public.get_latency_metrics()": "different",
            "function public.debug_dump()": "only_in_source",
            "table public.agent_calls_test": "only_in_target",
        ])
    }
}
