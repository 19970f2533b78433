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
}
