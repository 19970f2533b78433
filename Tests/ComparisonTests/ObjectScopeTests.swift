import Comparison
import SchemaModel
import Testing

@Suite("Ignored objects and restricted comparisons")
struct ObjectScopeTests {
    let objects: [SchemaObject] = [
        Fixture.object(.table, "agent_calls"),
        Fixture.column("agent_calls", "id", position: 1),
        Fixture.object(.table, "agent_calls_test"),
        Fixture.column("agent_calls_test", "id", position: 1),
        Fixture.object(.index, "agent_calls_test_pkey", attributes: [AttributeName.table: .text("agent_calls_test")]),
        Fixture.object(.policy, "own rows", relation: "agent_calls_test"),
        Fixture.object(.function, "debug_dump", arguments: "", definition: "SELECT 1"),
        Fixture.object(.function, "debug_dump", arguments: "integer", definition: "SELECT 1"),
        Fixture.object(.view, "debug_view", definition: "SELECT 1"),
        Fixture.object(.function, "get_kpi_metrics", arguments: "", definition: "SELECT 1"),
        Fixture.object(.function, "debug_dump", schema: "audit", arguments: "", definition: "SELECT 1"),
    ]

    /// The qualified descriptions of the objects a comparison with `options` keeps.
    func kept(_ options: ComparisonOptions) -> [String] {
        Fixture.compare(objects, objects, options: options).objects.map(\.identity.description)
    }

    func patterns(_ texts: String...) -> [ObjectPattern] { texts.compactMap(ObjectPattern.init) }

    @Test("patterns are read with an optional kind, by snapshot spelling or display name")
    func parsing() {
        #expect(ObjectPattern("public.agent_calls_test") == ObjectPattern(kind: nil, name: "public.agent_calls_test"))
        #expect(ObjectPattern("function public.debug_*") == ObjectPattern(kind: .function, name: "public.debug_*"))
        #expect(ObjectPattern("materialized view reporting.*") == ObjectPattern(kind: .materializedView, name: "reporting.*"))
        #expect(ObjectPattern("materialized_view reporting.*") == ObjectPattern(kind: .materializedView, name: "reporting.*"))
        #expect(ObjectPattern("gadget public.x") == nil)
        #expect(ObjectPattern("   ") == nil)
        #expect(ObjectPattern("function public.debug_*")?.description == "function public.debug_*")
    }

    @Test("a table pattern leaves out the table with its columns, indexes and policies")
    func ignoredTable() {
        #expect(kept(ComparisonOptions(ignoredObjects: patterns("public.agent_calls_test"))) == [
            "table public.agent_calls", "column public.agent_calls.id",
            "view public.debug_view",
            "function audit.debug_dump()", "function public.debug_dump()", "function public.debug_dump(integer)",
            "function public.get_kpi_metrics()",
        ])
    }

    @Test("a kind-limited glob leaves out every overload of the matching functions, in that schema only")
    func ignoredFunctions() {
        let kept = kept(ComparisonOptions(ignoredObjects: patterns("function public.debug_*")))
        #expect(!kept.contains("function public.debug_dump()"))
        #expect(!kept.contains("function public.debug_dump(integer)"))
        #expect(kept.contains("view public.debug_view"))
        #expect(kept.contains("function audit.debug_dump()"))
        #expect(kept.contains("function public.get_kpi_metrics()"))
    }

    @Test("a pattern without a schema matches the name in every schema")
    func unqualifiedPattern() {
        let kept = kept(ComparisonOptions(ignoredObjects: patterns("debug_?ump")))
        #expect(kept.filter { $0.contains("debug_dump") }.isEmpty)
        #expect(kept.contains("view public.debug_view"))
    }

    @Test("an ignored object that differs does not count as a difference")
    func ignoredDifference() {
        let source = [Fixture.object(.table, "agent_calls_test")]
        let result = Fixture.compare(source, [], options: ComparisonOptions(ignoredObjects: patterns("public.agent_calls_test")))
        #expect(result.objects.isEmpty)
        #expect(result.hasDifferences() == false)
    }

    @Test("a comparison restricted to a table keeps the table and what belongs to it")
    func onlyTable() {
        let table = ObjectIdentity(kind: .table, schema: "public", name: "agent_calls_test")
        #expect(kept(ComparisonOptions(onlyObjects: [table])) == [
            "table public.agent_calls_test", "column public.agent_calls_test.id",
            "index public.agent_calls_test_pkey", "policy own rows on public.agent_calls_test",
        ])
    }

    @Test("a comparison restricted to functions keeps exactly those overloads")
    func onlyFunctions() {
        let overloads = Set(ObjectLookup.objects(named: "public.debug_dump", kinds: [.function], in: [Fixture.snapshot(objects)]))
        #expect(kept(ComparisonOptions(onlyObjects: overloads)) == ["function public.debug_dump()", "function public.debug_dump(integer)"])
    }
}

@Suite("Finding objects by name")
struct ObjectLookupTests {
    let source = Fixture.snapshot([
        Fixture.object(.function, "get_latency_metrics", arguments: "", definition: "SELECT 1"),
        Fixture.object(.function, "get_latency_metrics", arguments: "p_from timestamp with time zone", definition: "SELECT 1"),
        Fixture.object(.function, "get_kpi_metrics", arguments: "", definition: "SELECT 1"),
        Fixture.object(.view, "v_financial_metrics_enriched", definition: "SELECT 1"),
        Fixture.object(.table, "agent_calls"),
        Fixture.object(.table, "Clients"),
    ])
    let target = Fixture.snapshot([
        Fixture.object(.function, "get_latency_metrics", schema: "reporting", arguments: "", definition: "SELECT 1"),
        Fixture.object(.table, "agent_calls_test"),
    ])

    @Test("a plain name finds every overload in every schema on either side")
    func plainName() {
        #expect(ObjectLookup.objects(named: "get_latency_metrics", kinds: [.function, .procedure], in: [source, target]).map(\.description) == [
            "function public.get_latency_metrics()",
            "function public.get_latency_metrics(p_from timestamp with time zone)",
            "function reporting.get_latency_metrics()",
        ])
    }

    @Test("schema.name narrows to one schema")
    func qualifiedName() {
        #expect(ObjectLookup.objects(named: "reporting.get_latency_metrics", kinds: [.function], in: [source, target]).map(\.description) == [
            "function reporting.get_latency_metrics()",
        ])
    }

    @Test("only the asked kinds are found")
    func kindsRestrict() {
        #expect(ObjectLookup.objects(named: "agent_calls", kinds: [.view], in: [source, target]).isEmpty)
        #expect(ObjectLookup.objects(named: "agent_calls", kinds: [.table], in: [source, target]).map(\.description) == ["table public.agent_calls"])
    }

    @Test("case is ignored only when nothing matches exactly")
    func caseFolding() {
        #expect(ObjectLookup.objects(named: "clients", kinds: [.table], in: [source]).map(\.description) == ["table public.Clients"])
        #expect(ObjectLookup.objects(named: "Clients", kinds: [.table], in: [source]).map(\.description) == ["table public.Clients"])
    }

    @Test("an unknown name gets the closest existing names as suggestions")
    func suggestions() {
        #expect(ObjectLookup.suggestions(for: "get_latency_metric", kinds: [.function], in: [source, target]) == [
            "public.get_latency_metrics", "reporting.get_latency_metrics",
        ])
        #expect(ObjectLookup.suggestions(for: "agent_call", kinds: [.table], in: [source, target], limit: 1) == ["public.agent_calls"])
        #expect(ObjectLookup.suggestions(for: "public.get_kpi_metric", kinds: [.function], in: [source, target]) == ["public.get_kpi_metrics"])
    }

    @Test("names far from the query are not suggested")
    func noRandomSuggestions() {
        #expect(ObjectLookup.suggestions(for: "invoices", kinds: [.function, .table, .view], in: [source, target]).isEmpty)
    }
}
