import Foundation
import GoldenFiles
import Testing

/// One meaningful token changed in a real definition of the demo: deepdiff must report exactly
/// that object as different and exit 1, never "identical".
struct SingleTokenChange: Sendable, CustomTestStringConvertible {
    /// What changed, for the test's name.
    let what: String
    /// The SQL that makes the change in a copy of the demo.
    let change: String
    /// The `qualifiedName` of the one object that must then differ.
    let object: String

    var testDescription: String { what }

    /// `text` as a SQL string constant.
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Rewrites a routine's definition with one text replacement and recreates it.
    static func routine(_ what: String, _ signature: String, replacing old: String, with new: String, object: String) -> Self {
        let change = """
            DO $change$
            DECLARE
              definition text := pg_get_functiondef('\(signature)'::regprocedure);
            BEGIN
              IF strpos(definition, \(literal(old))) = 0 THEN RAISE EXCEPTION 'text to change not found'; END IF;
              EXECUTE replace(definition, \(literal(old)), \(literal(new)));
            END
            $change$;
            """
        return Self(what: what, change: change, object: object)
    }

    /// Rewrites a view's query with one text replacement and recreates it.
    static func view(_ what: String, _ name: String, replacing old: String, with new: String) -> Self {
        let change = """
            DO $change$
            DECLARE
              query text := pg_get_viewdef('\(name)'::regclass);
            BEGIN
              IF strpos(query, \(literal(old))) = 0 THEN RAISE EXCEPTION 'text to change not found'; END IF;
              EXECUTE 'CREATE OR REPLACE VIEW \(name) AS ' || replace(query, \(literal(old)), \(literal(new)));
            END
            $change$;
            """
        return Self(what: what, change: change, object: name)
    }
}

@Suite("never a false identical")
struct FalseIdenticalTests {
    static let kpi = "public.get_kpi_metrics(timestamptz, timestamptz, uuid)"
    static let kpiName = "public.get_kpi_metrics(p_start timestamp with time zone, p_end timestamp with time zone, p_client_id uuid)"
    static let chart = "public.get_chart_data(timestamptz, timestamptz, text)"
    static let chartName = "public.get_chart_data(p_start timestamp with time zone, p_end timestamp with time zone, p_granularity text)"

    static let changes: [SingleTokenChange] = [
        .routine("a string literal", chart, replacing: "'week'", with: "'weeks'", object: chartName),
        .routine("a comparison operator", kpi, replacing: "c.started_at < p_end", with: "c.started_at <= p_end", object: kpiName),
        .routine("a number literal", kpi, replacing: "60.0, 1)", with: "60.0, 2)", object: kpiName),
        .routine("a quoted identifier's case", kpi, replacing: "public.agent_calls c", with: "public.\"Agent_calls\" c", object: kpiName),
        .routine("whitespace inside a string", chart, replacing: "unsupported granularity", with: "unsupported  granularity", object: chartName),
        .view("a string literal in a view", "public.v_agent_communications_unified", replacing: "'call'::text", with: "'Call'::text"),
        .view("an operator in a view", "public.v_agent_calls_enriched", replacing: "c.cost_llm + c.cost_tts", with: "c.cost_llm - c.cost_tts"),
        SingleTokenChange(what: "a function's SET search_path", change: "ALTER FUNCTION public.is_admin() SET search_path = public, pg_temp;",
                          object: "public.is_admin()"),
        SingleTokenChange(what: "a view's security_invoker", change: "ALTER VIEW public.v_user_accessible_clients RESET (security_invoker);",
                          object: "public.v_user_accessible_clients"),
        SingleTokenChange(what: "a grant on a table", change: "GRANT SELECT ON public.agent_types TO anon;", object: "public.agent_types"),
        SingleTokenChange(what: "a table's owner", change: "ALTER TABLE public.profiles OWNER TO service_role;", object: "public.profiles"),
        SingleTokenChange(what: "a policy's expression", change: "ALTER POLICY \"Users can view own profile\" ON public.profiles USING (id <> auth.uid());",
                          object: "Users can view own profile on public.profiles"),
    ]

    @Test("one changed token makes exactly that object different, exit 1", arguments: [15, 18], changes)
    func oneTokenChanged(major: Int, _ change: SingleTokenChange) throws {
        let cluster = try TestCluster(major)
        let base = try DemoCopies.base(cluster)
        let changed = try DemoCopies.copy(cluster, "changed", change: change.change)
        defer { try? cluster.run("DROP DATABASE IF EXISTS \(changed) WITH (FORCE)", in: "postgres") }
        let outcome = try DeepDiffProcess.run(["compare", cluster.connection(to: base), cluster.connection(to: changed), "--format", "json", "--quiet"])
        #expect(outcome.status == 1, "\(outcome.standardError)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let objects = report["objects"] as? [[String: Any]] ?? []
        let failing = objects.filter { $0["fails"] as? Bool == true }.compactMap { $0["qualifiedName"] as? String }
        #expect(failing == [change.object])
        let verdict = objects.first { $0["qualifiedName"] as? String == change.object }?["verdict"] as? [String: Any]
        #expect(verdict?["verdict"] as? String == "different")
    }
}
