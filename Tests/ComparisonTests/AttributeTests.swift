import Comparison
import SchemaModel
import Testing

@Suite("Attribute differences")
struct AttributeTests {
    /// The one attribute difference between an object with `source` and one with `target`.
    func difference(_ kind: ObjectKind, _ name: String, _ source: AttributeValue?, _ target: AttributeValue?,
                    arguments: String? = nil, relation: String? = nil) -> (Verdict?, [AttributeDifference]) {
        let sourceObject = Fixture.object(kind, "x", relation: relation, arguments: arguments, attributes: source.map { [name: $0] } ?? [:])
        let targetObject = Fixture.object(kind, "x", relation: relation, arguments: arguments, attributes: target.map { [name: $0] } ?? [:])
        let comparison = Fixture.compareOne(sourceObject, targetObject)
        return (comparison?.verdict, comparison?.attributeDifferences ?? [])
    }

    @Test("a function's volatility is named precisely and is not security-relevant")
    func volatility() {
        let (verdict, differences) = difference(.function, AttributeName.volatility, .text("volatile"), .text("stable"), arguments: "")
        #expect(verdict == .different)
        #expect(differences == [AttributeDifference(name: "volatility", source: .text("volatile"), target: .text("stable"),
                                                    isSecurityRelevant: false)])
    }

    @Test("a function's SET search_path is a security-relevant configuration difference")
    func searchPath() {
        let (verdict, differences) = difference(.function, AttributeName.configuration,
                                                .list(["search_path=public"]), .list(["search_path=public, extensions"]), arguments: "")
        #expect(verdict == .different)
        #expect(differences == [AttributeDifference(name: "configuration", source: .list(["search_path=public"]),
                                                    target: .list(["search_path=public, extensions"]), isSecurityRelevant: true)])
    }

    @Test("a function that gains SET search_path differs from one without")
    func searchPathAdded() {
        let (verdict, differences) = difference(.function, AttributeName.configuration, nil, .list(["search_path=''"]), arguments: "")
        #expect(verdict == .different)
        #expect(differences == [AttributeDifference(name: "configuration", source: nil, target: .list(["search_path=''"]),
                                                    isSecurityRelevant: true)])
    }

    @Test("a view's security_invoker is security-relevant")
    func securityInvoker() {
        let (verdict, differences) = difference(.view, AttributeName.securityInvoker, .flag(true), .flag(false))
        #expect(verdict == .different)
        #expect(differences == [AttributeDifference(name: "security_invoker", source: .flag(true), target: .flag(false),
                                                    isSecurityRelevant: true)])
    }

    @Test("grants differ when a privilege differs, not when they were granted in another order")
    func privileges() {
        let (verdict, differences) = difference(.table, AttributeName.privileges,
                                                .list(["anon=r/postgres", "authenticated=arwd/postgres"]),
                                                .list(["anon=arwd/postgres", "authenticated=arwd/postgres"]))
        #expect(verdict == .different)
        #expect(differences.map(\.name) == ["privileges"])
        #expect(differences.first?.isSecurityRelevant == true)

        let (reordered, none) = difference(.table, AttributeName.privileges,
                                           .list(["anon=r/postgres", "authenticated=arwd/postgres"]),
                                           .list(["authenticated=arwd/postgres", "anon=r/postgres"]))
        #expect(reordered == .identical)
        #expect(none.isEmpty)
    }

    @Test("owners differ as a security-relevant attribute")
    func owner() {
        let (verdict, differences) = difference(.table, AttributeName.owner, .text("postgres"), .text("supabase_admin"))
        #expect(verdict == .different)
        #expect(differences == [AttributeDifference(name: "owner", source: .text("postgres"), target: .text("supabase_admin"),
                                                    isSecurityRelevant: true)])
    }

    @Test("a comment present on one side only differs, and is not security-relevant")
    func comment() {
        let (verdict, differences) = difference(.table, AttributeName.comment, .text("Calls made by agents"), .null)
        #expect(verdict == .different)
        #expect(differences == [AttributeDifference(name: "comment", source: .text("Calls made by agents"), target: .null,
                                                    isSecurityRelevant: false)])
    }

    @Test("an absent attribute equals a null one (older snapshots lack newer attributes)")
    func absentEqualsNull() {
        let (verdict, differences) = difference(.table, AttributeName.comment, nil, .null)
        #expect(verdict == .identical)
        #expect(differences.isEmpty)
    }

    @Test("a policy's roles are compared as a set and are security-relevant")
    func policyRoles() {
        let (verdict, differences) = difference(.policy, AttributeName.roles, .list(["authenticated"]),
                                                .list(["anon", "authenticated"]), relation: "clients")
        #expect(verdict == .different)
        #expect(differences == [AttributeDifference(name: "roles", source: .list(["authenticated"]),
                                                    target: .list(["anon", "authenticated"]), isSecurityRelevant: true)])
    }

    @Test("SQL expressions that differ only in formatting make the object equivalent, not different")
    func formattingOnlyExpression() throws {
        let (verdict, differences) = difference(.policy, AttributeName.usingExpression,
                                                .sql("(auth.uid() = user_id)"), .sql("( AUTH.UID() = user_id )"), relation: "clients")
        #expect(verdict == .equivalent(reasons: ["whitespace", "identifier case"]))
        let difference = try #require(differences.first)
        #expect(differences.count == 1)
        #expect(difference.name == "using")
        #expect(difference.isFormattingOnly)
        #expect(difference.isSecurityRelevant)
    }

    @Test("SQL expressions that differ in meaning make the object different")
    func changedExpression() {
        let (verdict, differences) = difference(.column, AttributeName.defaultExpression,
                                                .sql("now()"), .sql("clock_timestamp()"), relation: "t")
        #expect(verdict == .different)
        #expect(differences == [AttributeDifference(name: "default", source: .sql("now()"), target: .sql("clock_timestamp()"),
                                                    isSecurityRelevant: false, isFormattingOnly: false)])
    }

    @Test("a formatting-only expression and a real attribute difference make the object different")
    func formattingAndRealDifference() throws {
        let source = Fixture.object(.policy, "p", relation: "t", attributes: [
            AttributeName.usingExpression: .sql("(a = 1)"), AttributeName.command: .text("SELECT")])
        let target = Fixture.object(.policy, "p", relation: "t", attributes: [
            AttributeName.usingExpression: .sql("(a=1)"), AttributeName.command: .text("ALL")])
        let comparison = try #require(Fixture.compareOne(source, target))
        #expect(comparison.verdict == .different)
        #expect(comparison.attributeDifferences.map(\.name) == ["command", "using"])
        #expect(comparison.attributeDifferences.map(\.isFormattingOnly) == [false, true])
    }

    @Test("column positions are not compared per column")
    func positionNotPerColumn() {
        let result = Fixture.compare([Fixture.column("t", "a", position: 1)], [Fixture.column("t", "a", position: 2)])
        #expect(result.objects.map(\.verdict) == [.identical])
    }
}

@Suite("Column order")
struct ColumnOrderTests {
    func table(_ columns: [String]) -> [SchemaObject] {
        [Fixture.object(.table, "t")] + columns.enumerated().map { Fixture.column("t", $0.element, position: Int64($0.offset + 1)) }
    }

    @Test("columns in another order are a column-order difference on the table")
    func reordered() throws {
        let result = Fixture.compare(table(["id", "name", "email"]), table(["id", "email", "name"]))
        let table = try #require(result.comparison(of: ObjectIdentity(kind: .table, schema: "public", name: "t")))
        #expect(table.verdict == .different)
        #expect(table.attributeDifferences == [AttributeDifference(
            name: ColumnOrder.attributeName, source: .list(["id", "name", "email"]), target: .list(["id", "email", "name"]),
            isSecurityRelevant: false)])
        #expect(ColumnOrder.attributeName == "column order")
        #expect(result.objects.filter { $0.identity.kind == .column }.allSatisfy { $0.verdict == .identical })
    }

    @Test("an added or dropped column does not make the others look reordered")
    func addedAndDropped() throws {
        let result = Fixture.compare(table(["id", "legacy", "name", "email"]), table(["id", "name", "email", "created_at"]))
        let table = try #require(result.comparison(of: ObjectIdentity(kind: .table, schema: "public", name: "t")))
        #expect(table.verdict == .identical)
        #expect(table.attributeDifferences.isEmpty)
        #expect(result.verdictsByObject["column public.t.legacy"] == "only_in_source")
        #expect(result.verdictsByObject["column public.t.created_at"] == "only_in_target")
    }

    @Test("in a snapshot file whose objects are out of order, each relation's columns are still gathered whole")
    func unsortedSnapshot() throws {
        // Columns of two tables interleaved, as a hand-edited file might hold them.
        func interleaved(_ first: [String], _ second: [String]) -> Snapshot {
            var snapshot = Fixture.snapshot([])
            snapshot.objects = [Fixture.object(.table, "t"), Fixture.object(.table, "u")]
                + zip(first.enumerated(), second.enumerated()).flatMap { a, b in
                    [Fixture.column("t", a.element, position: Int64(a.offset + 1)), Fixture.column("u", b.element, position: Int64(b.offset + 1))]
                }
            return snapshot
        }
        let result = Comparator.compare(source: interleaved(["id", "name", "email"], ["id", "total", "paid"]),
                                        target: interleaved(["id", "email", "name"], ["id", "total", "paid"]),
                                        sourceLabel: "production", targetLabel: "staging")
        let t = try #require(result.comparison(of: ObjectIdentity(kind: .table, schema: "public", name: "t")))
        let u = try #require(result.comparison(of: ObjectIdentity(kind: .table, schema: "public", name: "u")))
        #expect(t.attributeDifferences.map(\.target) == [.list(["id", "email", "name"])])
        #expect(u.verdict == .identical)
        #expect(result.objects.map(\.identity) == result.objects.map(\.identity).sorted())
    }

    @Test("a view's columns are checked for order too")
    func viewColumns() throws {
        let source = [Fixture.object(.view, "v", definition: "SELECT 1"),
                      Fixture.column("v", "a", position: 1), Fixture.column("v", "b", position: 2)]
        let target = [Fixture.object(.view, "v", definition: "SELECT 1"),
                      Fixture.column("v", "b", position: 1), Fixture.column("v", "a", position: 2)]
        let view = try #require(Fixture.compare(source, target).comparison(of: ObjectIdentity(kind: .view, schema: "public", name: "v")))
        #expect(view.verdict == .different)
        #expect(view.attributeDifferences.map(\.name) == ["column order"])
    }

    @Test("among hundreds of objects, compared on several threads, a reordered table is still found and the rest are not")
    func reorderedAmongMany() throws {
        // Far more objects than one chunk of the comparison's parallel work (128).
        let padding = (0..<300).map { Fixture.object(.table, "pad\($0)") }
        let result = Fixture.compare(padding + table(["id", "name", "email"]), padding + table(["id", "email", "name"]))
        let reordered = result.objects.filter { $0.attributeDifferences.map(\.name) == [ColumnOrder.attributeName] }
        #expect(reordered.map(\.identity) == [ObjectIdentity(kind: .table, schema: "public", name: "t")])
        #expect(result.objects.filter { $0.verdict != .identical }.count == 1)
    }
}
