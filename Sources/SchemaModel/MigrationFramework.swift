/// A migration tool whose history table deepdiff can read.
public enum MigrationFramework: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
    /// Supabase's CLI: `supabase_migrations.schema_migrations`.
    case supabase
    /// Flyway: `flyway_schema_history`.
    case flyway
    /// Liquibase: `databasechangelog`.
    case liquibase
    /// golang-migrate: `schema_migrations (version bigint, dirty boolean)`, one row for the current version.
    case golangMigrate = "golang-migrate"
    /// dbmate: `schema_migrations (version varchar(128))`.
    case dbmate
    /// Ruby on Rails (Active Record): `schema_migrations (version character varying)` beside `ar_internal_metadata`.
    case rails
    /// Prisma Migrate: `_prisma_migrations`.
    case prisma
    /// Alembic: `alembic_version`.
    case alembic
    /// Django: `django_migrations`.
    case django

    /// The name people know the tool by, e.g. "golang-migrate".
    public var displayName: String {
        switch self {
        case .supabase: "Supabase"
        case .flyway: "Flyway"
        case .liquibase: "Liquibase"
        case .golangMigrate: "golang-migrate"
        case .dbmate: "dbmate"
        case .rails: "Rails"
        case .prisma: "Prisma"
        case .alembic: "Alembic"
        case .django: "Django"
        }
    }

    public static func < (lhs: MigrationFramework, rhs: MigrationFramework) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
