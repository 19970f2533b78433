import Comparison
import SchemaModel
import Testing

@Suite("Relation privileges across PostgreSQL 17's MAINTAIN privilege")
struct PrivilegePrintingTests {
    /// The comparison of a `kind` object whose privileges are `source` on a server of
    /// `sourceMajor` and `target` on one of `targetMajor`.
    func compare(_ source: [String], _ target: [String], kind: ObjectKind = .table, sourceMajor: Int = 15, targetMajor: Int = 18,
                 definition: String? = nil) -> ObjectComparison? {
        Fixture.compareOne(Fixture.object(kind, "t", definition: definition, attributes: [AttributeName.privileges: .list(source)]),
                           Fixture.object(kind, "t", definition: definition, attributes: [AttributeName.privileges: .list(target)]),
                           sourceMajor: sourceMajor, targetMajor: targetMajor)
    }

    let pg15 = ["authenticated=r/postgres", "postgres=arwdDxt/postgres", "service_role=arwdDxt/postgres"]
    let pg18 = ["authenticated=r/postgres", "postgres=arwdDxtm/postgres", "service_role=arwdDxtm/postgres"]

    @Test("GRANT ALL on a table, view or materialized view printed by 15 and by 18 is printed differently, in either direction")
    func grantAll() throws {
        for kind in [ObjectKind.table, .view, .materializedView] {
            let comparison = try #require(compare(pg15, pg18, kind: kind))
            #expect(comparison.verdict == .printedDifferently(sourceMajor: 15, targetMajor: 18))
            #expect(comparison.attributeDifferences == [AttributeDifference(
                name: "privileges", source: .list(pg15), target: .list(pg18), isSecurityRelevant: true, isFormattingOnly: true)])
        }
        #expect(compare(pg18, pg15, sourceMajor: 18, targetMajor: 15)?.verdict == .printedDifferently(sourceMajor: 18, targetMajor: 15))
        #expect(compare(pg15, pg18, sourceMajor: 16, targetMajor: 17)?.verdict == .printedDifferently(sourceMajor: 16, targetMajor: 17))
    }

    @Test("a grant that still differs once MAINTAIN is set aside is different")
    func realDifference() {
        let missingSelect = ["postgres=arwdDxtm/postgres", "service_role=arwdDxtm/postgres"]
        #expect(compare(pg15, missingSelect)?.verdict == .different)
        // MAINTAIN granted alone lets its grantee vacuum on 18; 15 has no such grant.
        #expect(compare(pg15, pg18 + ["anon=m/postgres"])?.verdict == .different)
    }

    @Test("MAINTAIN is set aside only on the newer side, with its grant option")
    func onlyNewerSide() {
        #expect(compare(["app=arwdDxt*/postgres"], ["app=arwdDxt*m*/postgres"])?.verdict == .printedDifferently(sourceMajor: 15, targetMajor: 18))
        // A 15 side never prints `m`: an `m` there is not removed, so the items stay different.
        #expect(compare(["app=arwdDxtm/postgres"], ["app=arwdDxt/postgres"])?.verdict == .different)
    }

    @Test("a grantee whose name holds m or = keeps its name")
    func granteeNames() {
        #expect(compare(["mm=r/postgres"], ["mm=rm/postgres"])?.verdict == .printedDifferently(sourceMajor: 15, targetMajor: 18))
        #expect(compare(["\"a=m\"=r/postgres"], ["\"a=m\"=rm/postgres"])?.verdict == .printedDifferently(sourceMajor: 15, targetMajor: 18))
        #expect(compare(["\"a=m\"=r/postgres"], ["\"a=\"=rm/postgres"])?.verdict == .different)
    }

    @Test("servers on the same side of 17 compare privileges as they are")
    func sameMajors() {
        #expect(compare(pg15, pg18, sourceMajor: 17, targetMajor: 18)?.verdict == .different)
        #expect(compare(pg15, pg18, sourceMajor: 15, targetMajor: 16)?.verdict == .different)
        #expect(compare(pg18, pg18, sourceMajor: 17, targetMajor: 18)?.verdict == .identical)
    }

    @Test("other kinds' privileges are compared as they are")
    func otherKinds() {
        #expect(compare(["app=rU/postgres"], ["app=rUm/postgres"], kind: .sequence)?.verdict == .different)
    }

    @Test("a view printed differently by both its definition and its privileges is printed differently")
    func viewDefinitionAndPrivileges() {
        let comparison = Fixture.compareOne(
            Fixture.object(.view, "v", definition: "SELECT t.id FROM public.t", attributes: [AttributeName.privileges: .list(pg15)]),
            Fixture.object(.view, "v", definition: "SELECT id FROM public.t", attributes: [AttributeName.privileges: .list(pg18)]),
            sourceMajor: 15, targetMajor: 18)
        #expect(comparison?.verdict == .printedDifferently(sourceMajor: 15, targetMajor: 18))
    }
}
