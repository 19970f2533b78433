import Catalog
import GoldenFiles
import SchemaModel
import Testing

@Suite("Reading functions, procedures, aggregates and triggers")
struct RoutineReadingTests {
    @Test("each overload is its own object, keyed by its identity arguments", arguments: Cluster.allCases)
    func overloads(cluster: Cluster) throws {
        try withSnapshot(on: cluster) { snapshot in
            let adds = snapshot.objects(.function, in: "app").filter { $0.identity.name == "add" }
            #expect(adds.map(\.identity.arguments).sorted { ($0 ?? "") < ($1 ?? "") } == ["a integer, b integer", "a numeric, b numeric"])
            let integers = try #require(snapshot.object(.function, "app", "add", arguments: "a integer, b integer"))
            #expect(integers.attributes[AttributeName.volatility] == .text("immutable"))
            #expect(integers.attributes[AttributeName.strict] == .flag(true))
            #expect(integers.attributes[AttributeName.parallel] == .text("safe"))
            #expect(integers.attributes[AttributeName.returnType] == .text("integer"))
            #expect(integers.attributes[AttributeName.language] == .text("sql"))
            // Never granted: reads as the default (EXECUTE for PUBLIC and the owner).
            #expect(integers.attributes[AttributeName.privileges] == .list(["=X/postgres", "postgres=X/postgres"]))
            let numerics = try #require(snapshot.object(.function, "app", "add", arguments: "a numeric, b numeric"))
            #expect(numerics.attributes[AttributeName.strict] == .flag(false))
            #expect(numerics.definition?.text.contains("SELECT a + b") == true)
        }
    }

    @Test("a BEGIN ATOMIC body, security definer and SET search_path are read", arguments: Cluster.allCases)
    func atomicBody(cluster: Cluster) throws {
        try withSnapshot(on: cluster) { snapshot in
            let count = try #require(snapshot.object(.function, "app", "client_count", arguments: ""))
            let definition = try #require(count.definition)
            #expect(definition.text.hasPrefix("CREATE OR REPLACE FUNCTION app.client_count()"))
            #expect(definition.text.contains("BEGIN ATOMIC"))
            #expect(definition.text.contains("FROM app.clients"))
            #expect(count.attributes[AttributeName.securityDefiner] == .flag(true))
            #expect(count.attributes[AttributeName.configuration] == .list(["search_path=app, pg_temp"]))
            #expect(count.attributes[AttributeName.volatility] == .text("stable"))
            #expect(count.attributes[AttributeName.comment] == .text("how many clients"))
            #expect(count.attributes[AttributeName.privileges] == .list(["postgres=X/postgres"]))

            let touch = try #require(snapshot.object(.function, "app", "touch", arguments: ""))
            #expect(touch.attributes[AttributeName.language] == .text("plpgsql"))
            #expect(touch.attributes[AttributeName.cost] == .text("5"))
            #expect(touch.attributes[AttributeName.returnType] == .text("trigger"))

            let forget = try #require(snapshot.object(.procedure, "app", "forget", arguments: "IN p_id bigint"))
            #expect(forget.definition?.text.hasPrefix("CREATE OR REPLACE PROCEDURE app.forget(IN p_id bigint)") == true)
            #expect(forget.attributes[AttributeName.returnType] == .null)
        }
    }

    @Test("aggregates are read from pg_aggregate", arguments: Cluster.allCases)
    func aggregates(cluster: Cluster) throws {
        try withSnapshot(on: cluster) { snapshot in
            let total = try #require(snapshot.object(.aggregate, "app", "total", arguments: "integer"))
            #expect(total.definition == nil)
            #expect(total.attributes[AttributeName.transitionFunction] == .text("app.add(integer,integer)"))
            #expect(total.attributes[AttributeName.stateType] == .text("integer"))
            #expect(total.attributes[AttributeName.initialCondition] == .text("0"))
            #expect(total.attributes[AttributeName.finalFunction] == .null)
            #expect(total.attributes[AttributeName.aggregateKind] == .text("normal"))
            #expect(total.attributes[AttributeName.returnType] == .text("integer"))
            // The aggregate is not also read as a function.
            #expect(snapshot.object(.function, "app", "total", arguments: "integer") == nil)
        }
    }

    @Test("triggers, rules and event triggers carry definitions and firing modes", arguments: Cluster.allCases)
    func triggers(cluster: Cluster) throws {
        try withSnapshot(on: cluster) { snapshot in
            let touch = try #require(snapshot.object(.trigger, "app", "clients_touch", relation: "clients"))
            #expect(touch.definition?.text
                == "CREATE TRIGGER clients_touch BEFORE INSERT ON app.clients FOR EACH ROW EXECUTE FUNCTION app.touch()")
            #expect(touch.attributes[AttributeName.enabled] == .text("origin"))
            let disabled = try #require(snapshot.object(.trigger, "app", "clients_touch_disabled", relation: "clients"))
            #expect(disabled.attributes[AttributeName.enabled] == .text("disabled"))
            // Foreign keys' internal triggers are not user triggers.
            #expect(snapshot.objects(.trigger, in: "app").count == 2)

            let rule = try #require(snapshot.object(.rule, "app", "scratch_no_delete", relation: "scratch"))
            #expect(rule.definition?.text.contains("DO INSTEAD NOTHING") == true)

            let ddl = try #require(snapshot.object(.eventTrigger, nil, "app_ddl"))
            #expect(ddl.attributes[AttributeName.event] == .text("ddl_command_end"))
            #expect(ddl.attributes[AttributeName.function] == .text("app.on_ddl()"))
            #expect(ddl.attributes[AttributeName.tags] == .list(["ALTER TABLE", "CREATE TABLE"]))
            #expect(ddl.attributes[AttributeName.enabled] == .text("origin"))
        }
    }
}
