import Comparison
import SchemaModel
import SQLFingerprint
import Testing

@Suite("Verdicts")
struct VerdictTests {
    let view = ObjectIdentity(kind: .view, schema: "public", name: "v_active")

    @Test("the same text on both sides is identical, with one proof for both")
    func identicalText() throws {
        let text = "SELECT id FROM public.t WHERE (id > 0)"
        let comparison = try #require(Fixture.compareOne(Fixture.object(.view, "v_active", definition: text),
                                                         Fixture.object(.view, "v_active", definition: text)))
        #expect(comparison.verdict == .identical)
        #expect(comparison.source == DefinitionProof(exact: Fingerprint(exactText: text), normalized: Fingerprint(normalizing: text)))
        #expect(comparison.target == comparison.source)
        #expect(comparison.diff == nil)
        #expect(comparison.attributeDifferences.isEmpty)
    }

    @Test("formatting-only differences are equivalent and say which kinds of formatting differ")
    func equivalentReasons() throws {
        let comparison = try #require(Fixture.compareOne(
            Fixture.object(.view, "v_active", definition: "SELECT id FROM public.t WHERE (id > 0)"),
            Fixture.object(.view, "v_active", definition: "select id\n  from public.t -- active rows\n where (id > 0)")))
        #expect(comparison.verdict == .equivalent(reasons: ["whitespace", "comments", "keyword case"]))
        #expect(comparison.source?.normalized == comparison.target?.normalized)
        #expect(comparison.source?.exact != comparison.target?.exact)
        #expect(comparison.diff == nil)
    }

    @Test("a changed token makes a definition different, with a diff")
    func differentDefinition() throws {
        let comparison = try #require(Fixture.compareOne(
            Fixture.object(.view, "v_active", definition: "SELECT id FROM public.t WHERE (id > 0)"),
            Fixture.object(.view, "v_active", definition: "SELECT id FROM public.t WHERE (id > 1)")))
        #expect(comparison.verdict == .different)
        #expect(comparison.source?.normalized != comparison.target?.normalized)
        #expect(comparison.diff?.hunks.count == 1)
    }

    @Test("the stored fingerprint is not trusted: proofs are recomputed from the text")
    func proofsAreRecomputed() throws {
        let text = "SELECT 1"
        var stale = Fixture.object(.view, "v_active", definition: text)
        stale.definition?.fingerprint = Fingerprint(hex: String(repeating: "0", count: 64))
        let comparison = try #require(Fixture.compareOne(stale, Fixture.object(.view, "v_active", definition: text)))
        #expect(comparison.source?.normalized == Fingerprint(normalizing: text))
        #expect(comparison.verdict == .identical)
    }

    @Test("a fingerprint forged to match cannot make different texts identical unless this process computed it")
    func forgedFingerprintsAreRecomputed() throws {
        var forged = Fixture.object(.view, "v_active", definition: "SELECT 1")
        let target = Fixture.object(.view, "v_active", definition: "SELECT 2")
        forged.definition?.fingerprint = try #require(target.definition?.fingerprint)
        let comparison = try #require(Fixture.compareOne(forged, target))
        #expect(comparison.verdict == .different)
        #expect(comparison.source?.normalized == Fingerprint(normalizing: "SELECT 1"))
    }

    @Test("fingerprints a live read computed in this process are used as they are, not computed again")
    func fingerprintsComputedHereAreUsed() throws {
        let stored = Fingerprint(hex: String(repeating: "a", count: 64))
        var object = Fixture.object(.view, "v_active", definition: "SELECT 1")
        object.definition?.fingerprint = stored
        var live = Fixture.snapshot([object])
        live.fingerprintsComputedHere = true
        let result = Comparator.compare(source: live, target: Fixture.snapshot([Fixture.object(.view, "v_active", definition: "SELECT  1")]),
                                        sourceLabel: "production", targetLabel: "staging")
        let comparison = try #require(result.objects.first)
        #expect(comparison.source?.normalized == stored)
        #expect(comparison.target?.normalized == Fingerprint(normalizing: "SELECT 1"))
    }

    @Test("objects on one side only are reported as such, with that side's proof")
    func missingObjects() throws {
        let result = Fixture.compare([Fixture.object(.view, "v_old", definition: "SELECT 1")],
                                     [Fixture.object(.view, "v_new", definition: "SELECT 2")])
        let old = try #require(result.comparison(of: ObjectIdentity(kind: .view, schema: "public", name: "v_old")))
        let new = try #require(result.comparison(of: ObjectIdentity(kind: .view, schema: "public", name: "v_new")))
        #expect(old.verdict == .onlyInSource)
        #expect(old.source?.exact == Fingerprint(exactText: "SELECT 1"))
        #expect(old.target == nil)
        #expect(new.verdict == .onlyInTarget)
        #expect(new.source == nil)
        #expect(new.target?.exact == Fingerprint(exactText: "SELECT 2"))
    }

    @Test("a definition present on one side only is a difference")
    func definitionOnOneSide() throws {
        let comparison = try #require(Fixture.compareOne(Fixture.object(.view, "v_active", definition: "SELECT 1"),
                                                         Fixture.object(.view, "v_active")))
        #expect(comparison.verdict == .different)
        #expect(comparison.target == nil)
        #expect(comparison.diff?.hunks.first?.lines.map(\.change) == [.removed])
    }

    @Test("overloads are matched by their argument types, whatever order they were created in")
    func overloadsMatchByArguments() {
        let integerBody = "CREATE FUNCTION public.f(integer) RETURNS integer LANGUAGE sql AS $$SELECT $1$$"
        let textBody = "CREATE FUNCTION public.f(text) RETURNS text LANGUAGE sql AS $$SELECT $1$$"
        let source = [Fixture.object(.function, "f", arguments: "integer", definition: integerBody),
                      Fixture.object(.function, "f", arguments: "text", definition: textBody)]
        let target = [Fixture.object(.function, "f", arguments: "text", definition: textBody),
                      Fixture.object(.function, "f", arguments: "integer", definition: integerBody)]
        #expect(Fixture.compare(source, target).verdictsByObject == [
            "function public.f(integer)": "identical", "function public.f(text)": "identical",
        ])
    }

    @Test("an overload only one side has is missing, not a changed function")
    func extraOverload() {
        let result = Fixture.compare(
            [Fixture.object(.function, "f", arguments: "integer", definition: "SELECT 1")],
            [Fixture.object(.function, "f", arguments: "integer", definition: "SELECT 1"),
             Fixture.object(.function, "f", arguments: "integer, integer", definition: "SELECT 2")])
        #expect(result.verdictsByObject == [
            "function public.f(integer)": "identical", "function public.f(integer, integer)": "only_in_target",
        ])
    }

    @Test("the summary counts each kind's objects on both sides and by verdict")
    func summaryCounts() throws {
        let result = Fixture.compare(
            [Fixture.object(.view, "same", definition: "SELECT 1"),
             Fixture.object(.view, "formatted", definition: "SELECT 1"),
             Fixture.object(.view, "changed", definition: "SELECT 1"),
             Fixture.object(.view, "dropped", definition: "SELECT 1"),
             Fixture.object(.table, "t")],
            [Fixture.object(.view, "same", definition: "SELECT 1"),
             Fixture.object(.view, "formatted", definition: "select  1"),
             Fixture.object(.view, "changed", definition: "SELECT 2"),
             Fixture.object(.view, "added", definition: "SELECT 1"),
             Fixture.object(.table, "t")])
        var tables = KindSummary(kind: .table)
        tables.sourceCount = 1
        tables.targetCount = 1
        tables.identical = 1
        var views = KindSummary(kind: .view)
        views.sourceCount = 4
        views.targetCount = 4
        views.identical = 1
        views.equivalent = 1
        views.different = 1
        views.onlyInSource = 1
        views.onlyInTarget = 1
        #expect(result.summary == [tables, views])
        #expect(result.source.label == "production")
        #expect(result.target.label == "staging")
        #expect(result.source.server.majorVersion == 15)
    }

    @Test("the gate fails on real differences; formatting fails it only when strict")
    func hasDifferencesStrict() {
        let formattingOnly = Fixture.compare([Fixture.object(.view, "v", definition: "SELECT 1")],
                                             [Fixture.object(.view, "v", definition: "select 1")])
        #expect(formattingOnly.hasDifferences() == false)
        #expect(formattingOnly.hasDifferences(strict: true) == true)

        let identical = Fixture.compare([Fixture.object(.view, "v", definition: "SELECT 1")],
                                        [Fixture.object(.view, "v", definition: "SELECT 1")])
        #expect(identical.hasDifferences(strict: true) == false)

        let missing = Fixture.compare([Fixture.object(.view, "v", definition: "SELECT 1")], [])
        #expect(missing.hasDifferences() == true)
    }

    @Test("unmodeled object counts of both sides are carried into the result")
    func unmodeledCounts() {
        let result = Comparator.compare(source: Fixture.snapshot([], unmodeled: ["foreign table": 2]),
                                        target: Fixture.snapshot([]), sourceLabel: "s", targetLabel: "t")
        #expect(result.unmodeledObjects == UnmodeledCounts(source: ["foreign table": 2], target: [:]))
    }
}

@Suite("Objects present on one side only")
struct OneSidedObjectTests {
    @Test("a one-sided column, constraint or index names the relation it belongs to; an index by its table attribute")
    func owningRelation() {
        let result = Fixture.compare([], [
            Fixture.object(.table, "t"),
            Fixture.column("t", "id", position: 1),
            Fixture.object(.constraint, "t_pkey", relation: "t"),
            Fixture.object(.index, "t_idx", attributes: [AttributeName.table: .text("public.t")]),
            Fixture.object(.function, "f", arguments: ""),
        ])
        let relations = Dictionary(uniqueKeysWithValues: result.objects.map { ($0.identity.description, $0.owningRelation) })
        let t = RelationReference(schema: "public", name: "t")
        #expect(relations == ["table public.t": nil, "column public.t.id": t, "constraint t_pkey on public.t": t,
                              "index public.t_idx": t, "function public.f()": nil])
    }
}
