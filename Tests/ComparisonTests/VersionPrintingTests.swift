import Comparison
import SchemaModel
import Testing

@Suite("Printed differently by PostgreSQL versions")
struct VersionPrintingTests {
    /// The verdict for a view printed as `pg15` by PostgreSQL 15 and as `pg18` by PostgreSQL 18.
    func verdict(_ pg15: String, _ pg18: String, kind: ObjectKind = .view, sourceMajor: Int = 15, targetMajor: Int = 18) -> Verdict? {
        Fixture.compareOne(Fixture.object(kind, "v", definition: pg15), Fixture.object(kind, "v", definition: pg18),
                           sourceMajor: sourceMajor, targetMajor: targetMajor)?.verdict
    }

    @Test("PostgreSQL 15's qualified columns of a single-table view versus 18's bare ones")
    func issueExample() {
        #expect(verdict("SELECT t1.id, t1.name FROM public.t1 WHERE (t1.id > 0)",
                        "SELECT id, name FROM public.t1 WHERE (id > 0)") == .printedDifferently(sourceMajor: 15, targetMajor: 18))
    }

    @Test("the pretty-printed form pg_get_viewdef returns, in either direction")
    func prettyPrinted() {
        let pg15 = " SELECT t1.id,\n    t1.name\n   FROM t1\n  WHERE t1.id > 0\n  ORDER BY t1.name;"
        let pg18 = " SELECT id,\n    name\n   FROM t1\n  WHERE id > 0\n  ORDER BY name;"
        #expect(verdict(pg15, pg18) == .printedDifferently(sourceMajor: 15, targetMajor: 18))
        #expect(verdict(pg18, pg15, sourceMajor: 18, targetMajor: 15) == .printedDifferently(sourceMajor: 18, targetMajor: 15))
    }

    @Test("an alias is the qualifier PostgreSQL 15 prints")
    func alias() {
        #expect(verdict("SELECT c.id, c.name FROM public.clients c WHERE c.active",
                        "SELECT id, name FROM public.clients c WHERE active") == .printedDifferently(sourceMajor: 15, targetMajor: 18))
    }

    @Test("a quoted relation name is matched as the qualifier")
    func quotedRelation() {
        #expect(verdict("SELECT \"Orders\".id FROM public.\"Orders\"",
                        "SELECT id FROM public.\"Orders\"") == .printedDifferently(sourceMajor: 15, targetMajor: 18))
        #expect(verdict("SELECT orders.id FROM public.\"Orders\"", "SELECT id FROM public.\"Orders\"") == .different)
    }

    @Test("a printed-differently view with a changed attribute is different")
    func attributeStillCounts() {
        let source = Fixture.object(.view, "v", definition: "SELECT t1.id FROM public.t1",
                                    attributes: [AttributeName.securityInvoker: .flag(true)])
        let target = Fixture.object(.view, "v", definition: "SELECT id FROM public.t1",
                                    attributes: [AttributeName.securityInvoker: .flag(false)])
        #expect(Fixture.compareOne(source, target, targetMajor: 18)?.verdict == .different)
    }

    @Test("materialized views and rules get the same allowance; the verdict does not fail the gate")
    func otherQueryKinds() {
        let pg15 = "SELECT t1.id FROM public.t1", pg18 = "SELECT id FROM public.t1"
        #expect(verdict(pg15, pg18, kind: .materializedView) == .printedDifferently(sourceMajor: 15, targetMajor: 18))
        #expect(Verdict.printedDifferently(sourceMajor: 15, targetMajor: 18).isDifference(strict: true) == false)
    }

    @Test("a real change in a single-table view across versions is still different")
    func realChangeAcrossVersions() {
        #expect(verdict("SELECT t1.id, t1.name FROM public.t1 WHERE (t1.id > 0)",
                        "SELECT id, name FROM public.t1 WHERE (id > 1)") == .different)
        #expect(verdict("SELECT t1.id, t1.name FROM public.t1 WHERE (t1.id > 0)",
                        "SELECT id, email FROM public.t1 WHERE (id > 0)") == .different)
        #expect(verdict("SELECT t1.id FROM public.t1", "SELECT id FROM public.t2") == .different)
    }

    @Test("the alias of a single subquery in FROM is the qualifier PostgreSQL 15 prints; the subquery is compared as it is")
    func subqueryAlias() {
        let pg15 = " SELECT u.day,\n    count(*) AS volume\n   FROM ( SELECT t.day FROM public.t) u\n  GROUP BY u.day;"
        let pg18 = " SELECT day,\n    count(*) AS volume\n   FROM ( SELECT t.day FROM public.t) u\n  GROUP BY day;"
        #expect(verdict(pg15, pg18) == .printedDifferently(sourceMajor: 15, targetMajor: 18))
        #expect(verdict(pg15, pg18.replacingOccurrences(of: "SELECT t.day", with: "SELECT day")) == .different)
        #expect(verdict(pg15, pg18.replacingOccurrences(of: "GROUP BY day", with: "GROUP BY volume")) == .different)
        // Another SELECT outside the subquery makes the query ineligible.
        #expect(verdict("SELECT u.a FROM (SELECT a FROM t) u WHERE u.a IN (SELECT b FROM s)",
                        "SELECT a FROM (SELECT a FROM t) u WHERE a IN (SELECT b FROM s)") == .different)
    }

    @Test("a different qualifier is not stripped: t2.id in a view over t1 stays different")
    func otherQualifier() {
        #expect(verdict("SELECT t2.id FROM public.t1", "SELECT id FROM public.t1") == .different)
    }

    @Test("a join view keeps its qualifiers: a.id versus b.id stays different")
    func joinView() {
        #expect(verdict("SELECT a.id FROM (public.a JOIN public.b ON ((a.id = b.a_id)))",
                        "SELECT b.id FROM (public.a JOIN public.b ON ((a.id = b.a_id)))") == .different)
        #expect(verdict("SELECT a.id FROM public.a JOIN public.b ON a.id = b.a_id",
                        "SELECT id FROM public.a JOIN public.b ON a.id = b.a_id") == .different)
    }

    @Test("a comma-separated FROM list or a subquery disables the allowance")
    func multiRelation() {
        #expect(verdict("SELECT a.id FROM public.a, public.b WHERE (a.id = b.id)",
                        "SELECT id FROM public.a, public.b WHERE (id = b.id)") == .different)
        #expect(verdict("SELECT t1.id FROM public.t1 WHERE (t1.id IN (SELECT t2.id FROM public.t2))",
                        "SELECT id FROM public.t1 WHERE (id IN (SELECT t2.id FROM public.t2))") == .different)
        #expect(verdict("SELECT s.id FROM (SELECT t1.id FROM public.t1) s",
                        "SELECT id FROM (SELECT id FROM public.t1) s") == .different)
    }

    @Test("a schema-qualified function call named like the table is left alone")
    func functionCallNotStripped() {
        #expect(verdict("SELECT t1.f(t1.id) FROM public.t1", "SELECT f(id) FROM public.t1") == .different)
    }

    @Test("on the same major version the allowance does not apply")
    func sameMajorVersion() {
        #expect(verdict("SELECT t1.id FROM public.t1", "SELECT id FROM public.t1", sourceMajor: 18, targetMajor: 18) == .different)
    }

    @Test("functions get no allowance even across versions")
    func functionsExcluded() {
        #expect(verdict("SELECT t1.id FROM public.t1", "SELECT id FROM public.t1", kind: .function) == .different)
    }

    @Test("a printed-differently view carries a diff only when formatting hunks are asked for")
    func diffOnlyWhenAsked() throws {
        let source = Fixture.object(.view, "v", definition: "SELECT t1.id FROM public.t1")
        let target = Fixture.object(.view, "v", definition: "SELECT id FROM public.t1")
        #expect(Fixture.compareOne(source, target, targetMajor: 18)?.diff == nil)
        let shown = try #require(Fixture.compareOne(source, target, targetMajor: 18, options: ComparisonOptions(showFormattingHunks: true)))
        #expect(shown.diff?.hunks.count == 1)
    }
}
