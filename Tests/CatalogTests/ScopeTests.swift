import Catalog
import GoldenFiles
import SchemaModel
import Testing

@Suite("Choosing which schemas are read")
struct ScopeTests {
    private let existing = ["app", "auth", "public", "reporting", "storage"]

    @Test("all reads every schema the database holds")
    func all() {
        #expect(SchemaScope.all.resolve(existingSchemas: existing) == ResolvedScope(schemas: existing))
    }

    @Test("included schemas narrow the read and excluded schemas are removed from it")
    func includeAndExclude() {
        let scope = SchemaScope(includedSchemas: ["app", "reporting", "missing"], excludedSchemas: ["reporting"])
        #expect(scope.resolve(existingSchemas: existing) == ResolvedScope(schemas: ["app"]))
    }

    @Test("the Supabase preset moves the schemas it manages aside, unless excluded outright")
    func supabasePreset() {
        let scope = SchemaScope(excludedSchemas: ["storage"], preset: .supabase)
        #expect(scope.resolve(existingSchemas: existing)
            == ResolvedScope(schemas: ["app", "public", "reporting"], managedSchemas: ["auth"]))
    }

    @Test("the Supabase preset keeps users' triggers and policies on the tables it manages", arguments: Cluster.allCases)
    func supabaseUserObjects(cluster: Cluster) throws {
        try withSnapshot(on: cluster, loading: ["supabase.sql"], scope: SchemaScope(preset: .supabase)) { snapshot in
            #expect(snapshot.schemas == ["public"])
            #expect(snapshot.object(.table, "auth", "users") == nil)
            #expect(snapshot.object(.function, "auth", "uid", arguments: "") == nil)
            let trigger = try #require(snapshot.object(.trigger, "auth", "on_auth_user_created", relation: "users"))
            #expect(trigger.definition?.text
                == "CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION public.handle_new_user()")
            // The platform's own trigger calls a function in its own schema.
            #expect(snapshot.object(.trigger, "auth", "users_audit", relation: "users") == nil)
            let policies = snapshot.objects(.policy, in: "storage").map(\.identity.name).sorted()
            #expect(policies == ["avatars_are_public", "own_avatar"])
            let own = try #require(snapshot.object(.policy, "storage", "own_avatar", relation: "objects"))
            #expect(own.attributes[AttributeName.roles] == .list(["authenticated"]))
            #expect(own.attributes[AttributeName.checkExpression] == .sql("(owner = auth.uid())"))
            #expect(snapshot.object(.table, "public", "profiles") != nil)
        }
    }

    @Test("without the preset, the managed schemas are read in full", arguments: Cluster.allCases)
    func withoutPreset(cluster: Cluster) throws {
        try withSnapshot(on: cluster, loading: ["supabase.sql"]) { snapshot in
            #expect(snapshot.schemas == ["auth", "public", "storage"])
            #expect(snapshot.object(.trigger, "auth", "users_audit", relation: "users") != nil)
            #expect(snapshot.object(.table, "storage", "objects") != nil)
        }
    }
}

@Suite("Restricting a snapshot file to a scope")
struct SnapshotRestrictionTests {
    private func object(_ kind: ObjectKind, _ schema: String?, _ name: String, relation: String? = nil) -> SchemaObject {
        SchemaObject(identity: ObjectIdentity(kind: kind, schema: schema, relation: relation, name: name))
    }

    @Test("restricting keeps what a read with the same scope would have read")
    func restricting() {
        let snapshot = Snapshot(
            server: ServerInfo(versionNumber: 150_018, version: "15.18"), database: "app",
            schemas: ["app", "auth", "public"],
            objects: [
                object(.schema, nil, "app"), object(.schema, nil, "auth"), object(.schema, nil, "public"),
                object(.table, "app", "clients"), object(.table, "auth", "users"), object(.table, "public", "notes"),
                object(.trigger, "auth", "on_signup", relation: "users"), object(.extension, nil, "pg_trgm"),
            ],
            unmodeledObjects: ["cast": 1]
        )
        let restricted = SchemaScope(excludedSchemas: ["public"], preset: .supabase).restricting(snapshot)
        #expect(restricted.schemas == ["app"])
        #expect(restricted.objects.map(\.identity.qualifiedName) == ["app", "pg_trgm", "app.clients", "on_signup on auth.users"])
        #expect(restricted.unmodeledObjects == ["cast": 1])
    }
}
