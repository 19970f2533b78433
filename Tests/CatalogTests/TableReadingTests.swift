import Catalog
import GoldenFiles
import SchemaModel
import Testing

@Suite("Reading tables, columns, constraints and indexes")
struct TableReadingTests {
    @Test("columns are read in order, without dropped columns, with every property", arguments: Cluster.allCases)
    func columns(cluster: Cluster) throws {
        try withSnapshot(on: cluster) { snapshot in
            let columns = snapshot.objects(.column, in: "app").filter { $0.identity.relation == "clients" }
                .sorted { $0.position < $1.position }
            #expect(columns.map(\.identity.name) == ["id", "name", "email", "mood", "score", "name_length", "created_at"])
            #expect(columns.map { $0.attributes[AttributeName.position] } == (1...7).map { .number(Int64($0)) })

            let id = try #require(snapshot.object(.column, "app", "id", relation: "clients"))
            #expect(id.attributes[AttributeName.dataType] == .text("bigint"))
            #expect(id.attributes[AttributeName.identity] == .text("always"))
            #expect(id.attributes[AttributeName.notNull] == .flag(true))
            #expect(id.attributes[AttributeName.defaultExpression] == .null)

            let name = try #require(snapshot.object(.column, "app", "name", relation: "clients"))
            #expect(name.attributes[AttributeName.defaultExpression] == .sql("'anonymous'::text"))
            #expect(name.attributes[AttributeName.identity] == .null)
            #expect(name.attributes[AttributeName.privileges] == .list(["catalog_fixture_reader=w/postgres"]))

            let email = try #require(snapshot.object(.column, "app", "email", relation: "clients"))
            #expect(email.attributes[AttributeName.collation] == .text("\"C\""))
            #expect(email.attributes[AttributeName.notNull] == .flag(false))
            #expect(email.attributes[AttributeName.comment] == .text("where invoices go"))
            #expect(email.attributes[AttributeName.privileges] == .list([]))

            let length = try #require(snapshot.object(.column, "app", "name_length", relation: "clients"))
            #expect(length.attributes[AttributeName.generatedExpression] == .sql("length(name)"))
            #expect(length.attributes[AttributeName.defaultExpression] == .null)

            let score = try #require(snapshot.object(.column, "app", "score", relation: "clients"))
            #expect(score.attributes[AttributeName.dataType] == .text("app.positive_int"))
        }
    }

    @Test("tables carry RLS, partitioning, inheritance, persistence, options, owner, grants and comment", arguments: Cluster.allCases)
    func tables(cluster: Cluster) throws {
        try withSnapshot(on: cluster) { snapshot in
            let clients = try #require(snapshot.object(.table, "app", "clients"))
            #expect(clients.definition == nil)
            #expect(clients.attributes[AttributeName.rowSecurityEnabled] == .flag(true))
            #expect(clients.attributes[AttributeName.rowSecurityForced] == .flag(true))
            #expect(clients.attributes[AttributeName.owner] == .text("postgres"))
            #expect(clients.attributes[AttributeName.comment] == .text("people we work for"))
            let ownerPrivileges = snapshot.hasMaintainPrivilege ? "postgres=arwdDxtm/postgres" : "postgres=arwdDxt/postgres"
            #expect(clients.attributes[AttributeName.privileges] == .list(["catalog_fixture_reader=r/postgres", ownerPrivileges]))
            #expect(clients.attributes[AttributeName.persistence] == nil)

            // No explicit grant reads the same as the owner's default grant.
            let invoices = try #require(snapshot.object(.table, "app", "invoices"))
            #expect(invoices.attributes[AttributeName.privileges] == .list([ownerPrivileges]))
            #expect(invoices.attributes[AttributeName.comment] == .null)

            let calls = try #require(snapshot.object(.table, "app", "calls"))
            #expect(calls.attributes[AttributeName.partitionKey] == .text("RANGE (happened_on)"))
            #expect(calls.attributes[AttributeName.partitionBound] == .null)
            let partition = try #require(snapshot.object(.table, "app", "calls_2024"))
            #expect(partition.attributes[AttributeName.partitionBound] == .text("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"))
            #expect(partition.attributes[AttributeName.inheritsFrom] == .list(["app.calls"]))

            let scratch = try #require(snapshot.object(.table, "app", "scratch"))
            #expect(scratch.attributes[AttributeName.persistence] == .text("unlogged"))
            #expect(scratch.attributes[AttributeName.options] == .list(["fillfactor=70"]))
            let child = try #require(snapshot.object(.table, "app", "scratch_child"))
            #expect(child.attributes[AttributeName.inheritsFrom] == .list(["app.scratch"]))
        }
    }

    @Test("constraints, domain checks and indexes carry the server's definitions", arguments: Cluster.allCases)
    func constraintsAndIndexes(cluster: Cluster) throws {
        try withSnapshot(on: cluster) { snapshot in
            let constraints = snapshot.objects(.constraint, in: "app")
            // NOT NULL constraints (in pg_constraint on 18 only) are left out so both versions read alike.
            #expect(constraints.map { "\($0.identity.relation ?? "?").\($0.identity.name)" }.sorted() == [
                "calls.calls_client_id_fkey", "calls.calls_pkey", "calls_2024.calls_2024_pkey",
                "calls_2024.calls_client_id_fkey",
                "clients.clients_email_key", "clients.clients_pkey", "clients.name_not_blank", "positive_int.positive",
            ])
            let check = try #require(snapshot.object(.constraint, "app", "name_not_blank", relation: "clients"))
            #expect(check.definition?.text == "CHECK (name <> ''::text)")
            #expect(check.definition?.fingerprint.hex.isEmpty == false)
            let foreignKey = try #require(snapshot.object(.constraint, "app", "calls_client_id_fkey", relation: "calls"))
            #expect(foreignKey.definition?.text == "FOREIGN KEY (client_id) REFERENCES app.clients(id) ON DELETE CASCADE")
            let domainCheck = try #require(snapshot.object(.constraint, "app", "positive", relation: "positive_int"))
            #expect(domainCheck.definition?.text == "CHECK (VALUE > 0)")

            let partial = try #require(snapshot.object(.index, "app", "clients_created"))
            #expect(partial.definition?.text
                == "CREATE INDEX clients_created ON app.clients USING btree (created_at DESC) WHERE (mood IS NOT NULL)")
            #expect(partial.attributes[AttributeName.table] == .text("clients"))
            let trigram = try #require(snapshot.object(.index, "app", "clients_name_trgm"))
            #expect(trigram.definition?.text == "CREATE INDEX clients_name_trgm ON app.clients USING gin (name public.gin_trgm_ops)")
            let onMatview = try #require(snapshot.object(.index, "app", "client_totals_mood"))
            #expect(onMatview.attributes[AttributeName.table] == .text("client_totals"))
        }
    }
}
