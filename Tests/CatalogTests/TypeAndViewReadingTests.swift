import Catalog
import GoldenFiles
import SchemaModel
import Testing

@Suite("Reading types, sequences, views and database-wide objects")
struct TypeAndViewReadingTests {
    @Test("enums keep label order; domains and composite types carry their parts", arguments: Cluster.allCases)
    func types(cluster: Cluster) throws {
        try withSnapshot(on: cluster) { snapshot in
            let mood = try #require(snapshot.object(.enumType, "app", "mood"))
            #expect(mood.attributes[AttributeName.labels] == .list(["sad", "meh", "ok", "happy"]))
            #expect(mood.attributes[AttributeName.privileges] == .list(["=U/postgres", "postgres=U/postgres"]))

            let positive = try #require(snapshot.object(.domain, "app", "positive_int"))
            #expect(positive.attributes[AttributeName.baseType] == .text("integer"))
            #expect(positive.attributes[AttributeName.notNull] == .flag(true))
            #expect(positive.attributes[AttributeName.defaultExpression] == .sql("1"))
            #expect(positive.attributes[AttributeName.collation] == .null)

            let pair = try #require(snapshot.object(.compositeType, "app", "pair"))
            #expect(pair.attributes[AttributeName.fields] == .list(["left_value integer", "right_value text COLLATE \"C\""]))
            // A table's row type is not a composite type of its own.
            #expect(snapshot.object(.compositeType, "app", "clients") == nil)

            let binary = try #require(snapshot.object(.collation, "app", "binary"))
            guard case .list(let options) = binary.attributes[AttributeName.options] else {
                Issue.record("collation options are not a list")
                return
            }
            #expect(options.contains("provider=c"))
            #expect(options.contains("lc_collate=C"))
            #expect(options.contains("deterministic=true"))
        }
    }

    @Test("sequences carry their parameters and owning column", arguments: Cluster.allCases)
    func sequences(cluster: Cluster) throws {
        try withSnapshot(on: cluster) { snapshot in
            let invoices = try #require(snapshot.object(.sequence, "app", "invoice_numbers"))
            #expect(invoices.attributes[AttributeName.dataType] == .text("integer"))
            #expect(invoices.attributes[AttributeName.start] == .number(1000))
            #expect(invoices.attributes[AttributeName.increment] == .number(10))
            #expect(invoices.attributes[AttributeName.minimum] == .number(1000))
            #expect(invoices.attributes[AttributeName.maximum] == .number(999_999))
            #expect(invoices.attributes[AttributeName.cache] == .number(5))
            #expect(invoices.attributes[AttributeName.cycle] == .flag(true))
            #expect(invoices.attributes[AttributeName.ownedBy] == .text("app.invoices.number"))
            let identity = try #require(snapshot.object(.sequence, "app", "clients_id_seq"))
            #expect(identity.attributes[AttributeName.ownedBy] == .text("app.clients.id"))
            #expect(identity.attributes[AttributeName.maximum] == .number(Int64.max))
        }
    }

    @Test("views and materialized views carry definitions, options and columns", arguments: Cluster.allCases)
    func views(cluster: Cluster) throws {
        try withSnapshot(on: cluster) { snapshot in
            let happy = try #require(snapshot.object(.view, "app", "happy_clients"))
            let definition = try #require(happy.definition?.text)
            #expect(definition.contains("FROM app.clients"))
            #expect(happy.attributes[AttributeName.securityBarrier] == .flag(true))
            #expect(happy.attributes[AttributeName.securityInvoker] == .flag(false))
            #expect(happy.attributes[AttributeName.checkOption] == .text("cascaded"))
            #expect(happy.attributes[AttributeName.options] == .list([]))
            #expect(happy.attributes[AttributeName.comment] == .text("only the happy ones"))
            let viewColumns = snapshot.objects(.column, in: "app").filter { $0.identity.relation == "happy_clients" }
            #expect(viewColumns.sorted { $0.position < $1.position }.map(\.identity.name) == ["id", "name"])

            let totals = try #require(snapshot.object(.materializedView, "app", "client_totals"))
            #expect(totals.attributes[AttributeName.populated] == .flag(false))
            #expect(totals.definition?.text.contains("count(*) AS how_many") == true)
            #expect(snapshot.object(.column, "app", "how_many", relation: "client_totals")?.attributes[AttributeName.dataType]
                == .text("bigint"))
        }
    }

    @Test("extensions are read, their objects are not, and unmodeled kinds are counted", arguments: Cluster.allCases)
    func extensionsAndUnmodeled(cluster: Cluster) throws {
        try withSnapshot(on: cluster) { snapshot in
            let trigram = try #require(snapshot.object(.extension, nil, "pg_trgm"))
            #expect(trigram.attributes[AttributeName.schema] == .text("public"))
            #expect(trigram.attributes[AttributeName.version] != .null)
            // pg_trgm puts dozens of functions, operators and types into public: none is read or counted.
            #expect(snapshot.objects.filter { $0.identity.schema == "public" }.isEmpty)
            #expect(snapshot.unmodeledObjects == [
                "foreign table": 1, "foreign-data wrapper": 1, "foreign server": 1, "text search configuration": 1,
                "statistics object": 1, "range type": 1, "base type": 1, "operator": 1, "operator family": 1, "operator class": 1,
                "text search dictionary": 1, "text search parser": 1, "text search template": 1, "conversion": 1,
                "cast": 1, "access method": 1, "procedural language": 1,
            ])
            // The range type's constructor functions belong to the type.
            #expect(snapshot.objects(.function, in: "app").allSatisfy { $0.identity.name != "int_range" })

            let publication = try #require(snapshot.object(.publication, nil, "app_changes"))
            #expect(publication.attributes[AttributeName.tables] == .list(["app.clients", "app.invoices"]))
            guard case .list(let options) = publication.attributes[AttributeName.options] else {
                Issue.record("publication options are not a list")
                return
            }
            #expect(options.contains("publish=insert, update"))
            #expect(options.contains("all_tables=false"))
        }
    }
}
