import Comparison
import Foundation
import SchemaModel
import Testing
@testable import Reports

@Suite("Children of a relation present on one side only")
struct OneSidedRelationTests {
    /// A table only in the target with 3 columns, 1 constraint and 1 index; a column only in the
    /// target of a table both sides have; a different function.
    let result: Comparison.ComparisonResult = {
        let table = RelationReference(schema: "public", name: "calls_test")
        func child(_ kind: ObjectKind, _ name: String, relation: String? = "calls_test") -> ObjectComparison {
            ObjectComparison(identity: ObjectIdentity(kind: kind, schema: "public", relation: kind == .index ? nil : relation, name: name),
                             verdict: .onlyInTarget, owningRelation: table)
        }
        let objects = [
            ObjectComparison(identity: ObjectIdentity(kind: .table, schema: "public", name: "calls_test"), verdict: .onlyInTarget),
            child(.column, "id"), child(.column, "started_at"), child(.column, "cost"),
            child(.constraint, "calls_test_pkey"), child(.index, "calls_test_started_idx"),
            ObjectComparison(identity: ObjectIdentity(kind: .column, schema: "public", relation: "calls", name: "note"),
                             verdict: .onlyInTarget, owningRelation: RelationReference(schema: "public", name: "calls")),
            ObjectComparison(identity: ObjectIdentity(kind: .table, schema: "public", name: "calls"), verdict: .identical),
            ObjectComparison(identity: ObjectIdentity(kind: .function, schema: "public", name: "f", arguments: ""), verdict: .different),
        ]
        return ComparisonResult(source: ResultFixture.production, target: ResultFixture.staging, objects: objects,
                                unmodeledObjects: UnmodeledCounts(source: [:], target: [:]))
    }()

    let verdictLine = "DIFFERENT: 3 objects differ (plus 5 columns, constraints and indexes of tables present on one side only)"

    @Test("the text report shows the relation once, with what it holds, and counts its children under it")
    func text() {
        let report = TextReport.render(result, options: ReportOptions())
        #expect(report.contains("\n" + verdictLine + "\n"))
        #expect(report.contains("\ntable public.calls_test: only in target, with 3 columns, 1 constraint, 1 index\n"))
        #expect(report.contains("column public.calls.note: only in target"))
        for hidden in ["public.calls_test.id", "calls_test_pkey", "calls_test_started_idx"] {
            #expect(!report.contains(hidden), "\(hidden) has its own entry")
        }
        // The summary still counts every column.
        #expect(report.contains("\ncolumns           0       4          0           0                    0          0               0               4\n"))
    }

    @Test("the Markdown report shows the relation once, with what it holds")
    func markdown() {
        let report = MarkdownReport.render(result, options: ReportOptions())
        #expect(report.contains("**" + verdictLine + "**"))
        #expect(report.contains("## Differences (3)"))
        #expect(report.contains("### table `public.calls_test`: only in target, with 3 columns, 1 constraint, 1 index\n"))
        #expect(!report.contains("calls_test_pkey"))
    }

    @Test("JSON keeps every object and counts failing objects as the verdict line does")
    func json() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport.render(result, options: ReportOptions()).utf8))
            as? [String: Any])
        #expect(document["failingObjects"] as? Int == 3)
        #expect((document["objects"] as? [Any])?.count == 9)
    }

    @Test("a child missing on the other side than its relation, or of a relation both sides have, keeps its entry")
    func notFolded() {
        var mixed = result
        if let index = mixed.objects.firstIndex(where: { $0.identity.name == "cost" }) { mixed.objects[index].verdict = .onlyInSource }
        let report = TextReport.render(mixed, options: ReportOptions())
        #expect(report.contains("column public.calls_test.cost: only in source"))
        #expect(report.contains("with 2 columns, 1 constraint, 1 index"))
        #expect(report.contains("DIFFERENT: 4 objects differ (plus 4 columns"))
    }
}
