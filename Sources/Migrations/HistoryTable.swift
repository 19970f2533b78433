import Catalog
import PostgresClient
import SchemaModel

/// A table found in a database that holds one tool's migration history, with the query that reads it.
struct HistoryTable: Hashable, Sendable {
    /// The tool that keeps it.
    let framework: MigrationFramework
    /// Its schema.
    let schema: String
    /// Its name.
    let name: String
    /// Its columns' names.
    let columns: Set<String>

    /// Every table whose name some tool uses, in any schema, with its columns and column types, in one
    /// query. Platform schemas (Supabase's `auth`, `realtime`, … keep their own `schema_migrations`)
    /// are left out, except `supabase_migrations`.
    static let detectionQuery = """
        SELECT n.nspname AS schema, c.relname AS name,
               ARRAY(SELECT a.attname::text FROM pg_catalog.pg_attribute a
                     WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS column_names,
               ARRAY(SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a
                     WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS column_types,
               EXISTS (SELECT 1 FROM pg_catalog.pg_class m
                       WHERE m.relnamespace = c.relnamespace AND m.relname = 'ar_internal_metadata') AS beside_rails_metadata
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v')
          AND c.relname IN ('schema_migrations', 'flyway_schema_history', 'databasechangelog', '_prisma_migrations',
                            'alembic_version', 'django_migrations')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg\\_temp\\_%'
          AND (n.nspname = 'supabase_migrations' OR n.nspname <> ALL ($1::text[]))
        ORDER BY n.nspname, c.relname
        """

    /// The schemas whose `schema_migrations` belong to a platform, as a text-array parameter.
    static var platformSchemasParameter: String {
        "{" + ScopePreset.supabase.managedSchemas.map { "\"\($0)\"" }.joined(separator: ",") + "}"
    }

    /// The history table a detection row describes, or nil when the table lacks the columns its tool
    /// would have made (a table that merely has the same name).
    init?(detectionRow row: Row) throws(PostgresError) {
        schema = try row.string("schema")
        name = try row.string("name")
        let names = try row.stringArray("column_names"), types = try row.stringArray("column_types")
        let typeOf = Dictionary(zip(names, types), uniquingKeysWith: { first, _ in first })
        columns = Set(names)
        let framework: MigrationFramework
        switch name {
        case "schema_migrations" where schema == "supabase_migrations":
            framework = .supabase
        case "schema_migrations" where typeOf["dirty"] == "boolean" && typeOf["version"] == "bigint":
            framework = .golangMigrate
        case "schema_migrations" where try row.bool("beside_rails_metadata") || typeOf["version"] == "character varying":
            framework = .rails
        case "schema_migrations":
            framework = .dbmate
        case "flyway_schema_history": framework = .flyway
        case "databasechangelog": framework = .liquibase
        case "_prisma_migrations": framework = .prisma
        case "alembic_version": framework = .alembic
        case "django_migrations": framework = .django
        default: return nil
        }
        self.framework = framework
        guard Self.requiredColumns(framework).isSubset(of: columns) else { return nil }
    }

    /// The columns the row query needs.
    static func requiredColumns(_ framework: MigrationFramework) -> Set<String> {
        switch framework {
        case .supabase, .dbmate, .rails: ["version"]
        case .golangMigrate: ["version", "dirty"]
        case .flyway: ["installed_rank", "version", "description", "script", "success"]
        case .liquibase: ["id", "author", "filename", "orderexecuted", "description"]
        case .prisma: ["migration_name", "started_at", "finished_at", "rolled_back_at"]
        case .alembic: ["version_num"]
        case .django: ["id", "app", "name"]
        }
    }

    /// `schema.name` as people read it.
    var qualifiedName: String { "\(schema).\(name)" }

    /// The query reading every applied migration as `version`, `name`, `statements` (text[]), in the
    /// tool's order. Supabase's optional columns (their set changed across CLI versions) are read
    /// only when present.
    var rowQuery: String {
        let table = "\(Self.quoted(schema)).\(Self.quoted(name))"
        switch framework {
        case .supabase:
            let name = columns.contains("name") ? "name::text" : "NULL::text"
            let statements = columns.contains("statements") ? "statements::text[]" : "NULL::text[]"
            return "SELECT version::text AS version, \(name) AS name, \(statements) AS statements FROM \(table) ORDER BY version"
        case .flyway:
            // Repeatable migrations have no version; their script names them. Failed attempts stay out.
            return """
                SELECT coalesce(version::text, script::text) AS version, description::text AS name, NULL::text[] AS statements
                FROM \(table) WHERE success ORDER BY installed_rank
                """
        case .liquibase:
            // A changeset is identified by its file, id and author together.
            return """
                SELECT filename || '::' || id || '::' || author AS version, description::text AS name, NULL::text[] AS statements
                FROM \(table) ORDER BY orderexecuted
                """
        case .golangMigrate:
            return """
                SELECT version::text AS version, CASE WHEN dirty THEN 'dirty' END AS name, NULL::text[] AS statements
                FROM \(table) ORDER BY version
                """
        case .dbmate, .rails:
            return "SELECT version::text AS version, NULL::text AS name, NULL::text[] AS statements FROM \(table) ORDER BY version"
        case .prisma:
            return """
                SELECT migration_name::text AS version, NULL::text AS name, NULL::text[] AS statements FROM \(table)
                WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY started_at, migration_name
                """
        case .alembic:
            return "SELECT version_num::text AS version, NULL::text AS name, NULL::text[] AS statements FROM \(table) ORDER BY version_num"
        case .django:
            return """
                SELECT app || '.' || name AS version, name::text AS name, NULL::text[] AS statements FROM \(table) ORDER BY id
                """
        }
    }

    /// The migration a row of `rowQuery` describes.
    static func record(from row: Row) throws(PostgresError) -> MigrationRecord {
        let statements = try row.optionalStringArray("statements")
        return MigrationRecord(version: try row.string("version"), name: try row.optionalString("name"),
                               statementsFingerprint: statements.flatMap(SQLStatement.fingerprint(of:)), statements: statements)
    }

    /// `text` as a quoted SQL identifier.
    static func quoted(_ text: String) -> String {
        "\"\(UTF8Bytes.replacing("\"", with: "\"\"", in: text))\""
    }
}
