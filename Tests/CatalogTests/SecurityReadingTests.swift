import Catalog
import GoldenFiles
import SchemaModel
import Testing

@Suite("Reading policies, grants, default privileges and comments")
struct SecurityReadingTests {
    @Test("policies carry command, sorted roles, permissiveness and expressions", arguments: Cluster.allCases)
    func policies(cluster: Cluster) throws {
        try withSnapshot(on: cluster) { snapshot in
            let read = try #require(snapshot.object(.policy, "app", "clients_read", relation: "clients"))
            #expect(read.attributes[AttributeName.command] == .text("SELECT"))
            #expect(read.attributes[AttributeName.roles] == .list(["catalog_fixture_reader", "postgres"]))
            #expect(read.attributes[AttributeName.permissive] == .flag(true))
            #expect(read.attributes[AttributeName.usingExpression] == .sql("(mood IS DISTINCT FROM 'sad'::app.mood)"))
            #expect(read.attributes[AttributeName.checkExpression] == .null)

            let write = try #require(snapshot.object(.policy, "app", "clients_write", relation: "clients"))
            #expect(write.attributes[AttributeName.command] == .text("INSERT"))
            #expect(write.attributes[AttributeName.roles] == .list(["public"]))
            #expect(write.attributes[AttributeName.permissive] == .flag(false))
            #expect(write.attributes[AttributeName.usingExpression] == .null)
            #expect(write.attributes[AttributeName.checkExpression] == .sql("(length(name) < 100)"))
        }
    }

    @Test("schemas carry owner, grants and comment", arguments: Cluster.allCases)
    func schemas(cluster: Cluster) throws {
        try withSnapshot(on: cluster) { snapshot in
            #expect(snapshot.schemas == ["app", "public"])
            let app = try #require(snapshot.object(.schema, nil, "app"))
            #expect(app.attributes[AttributeName.owner] == .text("postgres"))
            #expect(app.attributes[AttributeName.privileges] == .list(["=U/postgres", "postgres=UC/postgres"]))
            #expect(app.attributes[AttributeName.comment] == .text("application objects"))
        }
    }

    @Test("default privileges are objects per role, schema and object type", arguments: Cluster.allCases)
    func defaultPrivileges(cluster: Cluster) throws {
        try withSnapshot(on: cluster) { snapshot in
            let tables = try #require(snapshot.object(.defaultPrivileges, "app", "postgres on tables"))
            #expect(tables.attributes[AttributeName.privileges] == .list(["catalog_fixture_reader=r/postgres"]))
            let functions = try #require(snapshot.object(.defaultPrivileges, nil, "postgres on functions"))
            #expect(functions.attributes[AttributeName.privileges] == .list(["postgres=X/postgres"]))
            #expect(snapshot.objects.filter { $0.identity.kind == .defaultPrivileges }.count == 2)
            // A function made after the default changed gets the new grant explicitly.
            let onDDL = try #require(snapshot.object(.function, "app", "on_ddl", arguments: ""))
            #expect(onDDL.attributes[AttributeName.privileges] == .list(["postgres=X/postgres"]))
        }
    }

    @Test("every commented object carries its own comment, and no other object carries one", arguments: Cluster.allCases)
    func comments(cluster: Cluster) throws {
        try withSnapshot(on: cluster, loading: ["everything.sql", "comments.sql"]) { snapshot in
            var commented: [String] = []
            for object in snapshot.objects {
                guard case .text(let comment) = object.attributes[AttributeName.comment] else { continue }
                let identity = object.identity
                let relation = identity.relation.map { "\($0)." } ?? ""
                let arguments = identity.arguments.map { "(\($0))" } ?? ""
                commented.append("\(identity.kind.rawValue) \(identity.schema ?? "-") \(relation)\(identity.name)\(arguments): \(comment)")
            }
            #expect(commented.sorted() == [
                "aggregate app total(integer): aggregate total",
                "collation app binary: collation binary",
                "column app client_totals.how_many: column client_totals.how_many",
                "column app clients.email: where invoices go",
                "column app clients.name: column clients.name",
                "constraint app clients.name_not_blank: constraint name_not_blank",
                "constraint app positive_int.positive: domain constraint positive",
                "domain app positive_int: domain positive_int",
                "enum app mood: type mood",
                "event_trigger - app_ddl: event trigger app_ddl",
                "function app add(a integer, b integer): function add(integer, integer)",
                "function app client_count(): how many clients",
                "index app clients_created: index clients_created",
                "materialized_view app client_totals: materialized view client_totals",
                "policy app clients.clients_write: policy clients_write",
                "procedure app forget(IN p_id bigint): procedure forget",
                "publication - app_changes: publication app_changes",
                "rule app scratch.scratch_no_delete: rule scratch_no_delete",
                "schema - app: application objects",
                "schema - public: schema public",
                "sequence app invoice_numbers: sequence invoice_numbers",
                "table app calls: table calls",
                "table app clients: people we work for",
                "trigger app clients.clients_touch: trigger clients_touch",
                "view app happy_clients: only the happy ones",
            ])
        }
    }
}
