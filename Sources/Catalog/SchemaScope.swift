import SchemaModel

/// Which schemas a catalog read covers.
///
/// System schemas (`pg_catalog`, `information_schema`, `pg_toast`, temporary schemas) and schemas that
/// belong to extensions are never read, whatever the scope says.
public struct SchemaScope: Sendable, Hashable {
    /// Schemas to read; empty means every non-system schema.
    public var includedSchemas: [String]
    /// Schemas to leave out, applied after `includedSchemas`.
    public var excludedSchemas: [String]
    /// A named set of schemas to leave out, such as the ones Supabase manages itself.
    public var preset: ScopePreset?

    /// Creates a scope.
    public init(includedSchemas: [String] = [], excludedSchemas: [String] = [], preset: ScopePreset? = nil) {
        self.includedSchemas = includedSchemas
        self.excludedSchemas = excludedSchemas
        self.preset = preset
    }

    /// Every non-system schema.
    public static let all = SchemaScope()

    /// Splits the schemas a database holds into the ones read in full and the preset-managed ones
    /// whose user-added triggers and policies are still read.
    public func resolve(existingSchemas: [String]) -> ResolvedScope {
        let included = Set(includedSchemas)
        let excluded = Set(excludedSchemas)
        let managed = Set(preset?.managedSchemas ?? [])
        let chosen = existingSchemas.filter { (included.isEmpty || included.contains($0)) && !excluded.contains($0) }
        return ResolvedScope(
            schemas: chosen.filter { !managed.contains($0) }.sorted(),
            managedSchemas: chosen.filter { managed.contains($0) }.sorted()
        )
    }

    /// The part of a snapshot (e.g. one loaded from a file) this scope covers, as if it had been read
    /// with this scope.
    ///
    /// Objects outside any schema (extensions, event triggers, publications) are kept. In preset-managed
    /// schemas every trigger and policy is kept: a file does not tell which function schema a trigger
    /// calls into, so platform triggers read without the preset stay.
    public func restricting(_ snapshot: Snapshot) -> Snapshot {
        // A snapshot read with a preset lists only the schemas read in full, yet holds triggers and
        // policies in managed schemas: those schemas count as present too.
        let present = Set(snapshot.schemas).union(snapshot.objects.compactMap(\.identity.schema))
        let resolved = resolve(existingSchemas: present.sorted())
        let schemas = Set(resolved.schemas)
        let managed = Set(resolved.managedSchemas)
        let objects = snapshot.objects.filter { object in
            let identity = object.identity
            if identity.kind == .schema { return schemas.contains(identity.name) }
            guard let schema = identity.schema else { return true }
            if schemas.contains(schema) { return true }
            return managed.contains(schema) && (identity.kind == .trigger || identity.kind == .policy)
        }
        var restricted = Snapshot(
            server: snapshot.server, database: snapshot.database, schemas: resolved.schemas, objects: objects,
            unmodeledObjects: snapshot.unmodeledObjects, migrationHistories: snapshot.migrationHistories
        )
        restricted.formatVersion = snapshot.formatVersion
        return restricted
    }
}

/// A named set of schemas that some platform manages itself.
public enum ScopePreset: String, Sendable, Hashable, CaseIterable {
    /// The schemas a Supabase project's platform creates and migrates (as Supabase's own diff tooling
    /// leaves them out).
    case supabase

    /// The schemas the preset leaves out; triggers and policies users put on their tables are kept.
    public var managedSchemas: [String] {
        switch self {
        case .supabase:
            [
                "_analytics", "_realtime", "_supavisor", "auth", "cron", "extensions", "graphql", "graphql_public",
                "net", "pgbouncer", "pgsodium", "pgsodium_masks", "pgtle", "realtime", "storage",
                "supabase_functions", "supabase_migrations", "vault",
            ]
        }
    }
}

/// The schemas of one database a read covers, after the scope's filters.
public struct ResolvedScope: Sendable, Hashable {
    /// Schemas read in full, sorted.
    public var schemas: [String]
    /// Preset-managed schemas present in the database: only the triggers and policies users add to
    /// their tables are read (a trigger only when its function lives in a schema read in full).
    public var managedSchemas: [String]

    /// Creates a resolved scope.
    public init(schemas: [String], managedSchemas: [String] = []) {
        self.schemas = schemas
        self.managedSchemas = managedSchemas
    }
}
