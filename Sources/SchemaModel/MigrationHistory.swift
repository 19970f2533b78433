/// The migrations one tool recorded as applied in one database, read from its history table.
public struct MigrationHistory: Codable, Hashable, Sendable {
    /// The tool that keeps the table.
    public var framework: MigrationFramework
    /// The history table, schema-qualified, e.g. `supabase_migrations.schema_migrations`.
    public var table: String
    /// The recorded migrations in the tool's order of application.
    public var entries: [MigrationRecord]

    /// Creates a history.
    public init(framework: MigrationFramework, table: String, entries: [MigrationRecord]) {
        self.framework = framework
        self.table = table
        self.entries = entries
    }
}

/// One migration recorded in a history table (or read from a migration file).
public struct MigrationRecord: Codable, Hashable, Sendable {
    /// What identifies the migration to its tool, e.g. `20251113092934` (Liquibase: `file::id::author`,
    /// Django: `app.name`).
    public var version: String
    /// Its name, when the tool records one.
    public var name: String?
    /// SHA-256 of the normalized statements, so re-formatted SQL has the same fingerprint; nil when the
    /// tool keeps no statements or the record holds none (as `supabase migration repair` leaves it).
    public var statementsFingerprint: Fingerprint?
    /// The statements as recorded, kept to write repair SQL; nil when the tool keeps none.
    public var statements: [String]?

    /// Creates a record.
    public init(version: String, name: String? = nil, statementsFingerprint: Fingerprint? = nil, statements: [String]? = nil) {
        self.version = version
        self.name = name
        self.statementsFingerprint = statementsFingerprint
        self.statements = statements
    }
}
