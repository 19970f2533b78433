import Catalog
import Comparison
import GoldenFiles
import Migrations
import PostgresClient
import SchemaModel
import Testing

/// Reads a database's catalog and histories, as the CLI does, into one snapshot.
private func snapshot(_ database: TestDatabase) throws -> Snapshot {
    let connection = try database.connect()
    var snapshot = try CatalogReader().read(from: connection)
    snapshot.migrationHistories = try MigrationHistoryReader().read(from: connection)
    return snapshot
}

/// Compares two databases' schemas and histories.
private func compare(_ source: TestDatabase, _ target: TestDatabase) throws -> Comparison.ComparisonResult {
    let sourceSnapshot = try snapshot(source), targetSnapshot = try snapshot(target)
    return Comparator.compare(source: sourceSnapshot, target: targetSnapshot, sourceLabel: "production", targetLabel: "staging")
        .attachingMigrationHistories(source: sourceSnapshot, target: targetSnapshot)
}

@Suite(.serialized) struct HistoryReadingTests {
    @Test(arguments: Cluster.allCases)
    func theSeedsCaseIsIdenticalSchemasWithHistoriesOutOfSyncAndTheRepairSyncsThem(cluster: Cluster) throws {
        let demo = try TestDatabase.demo(on: cluster)
        defer { demo.production.drop(); demo.staging.drop() }
        let histories = try MigrationHistoryReader().read(from: try demo.staging.connect())
        let staging = try #require(histories.first)
        #expect(histories.count == 1)
        #expect(staging.framework == .supabase)
        #expect(staging.table == "supabase_migrations.schema_migrations")
        #expect(staging.entries.count == 17)
        #expect(staging.entries.first?.version == "20251113092934")
        #expect(staging.entries.first?.name == "import_from_prod")
        #expect(staging.entries.allSatisfy { $0.statementsFingerprint != nil && $0.statements?.count == 1 })
        let production = try MigrationHistoryReader().read(from: try demo.production.connect())
        #expect(production == [MigrationHistory(framework: .supabase, table: "supabase_migrations.schema_migrations",
                                                entries: [MigrationRecord(version: "20251112000000", name: "create-staging", statements: [])])])

        // The seed's schemas differ only where fixtures/demo/README.md says; restricted to what the
        // audit checked, they are identical: the verdict then is about the histories alone.
        var productionSnapshot = try snapshot(demo.production), stagingSnapshot = try snapshot(demo.staging)
        let sharedObjects = Set(productionSnapshot.objects).intersection(stagingSnapshot.objects)
        productionSnapshot.objects = productionSnapshot.objects.filter(sharedObjects.contains)
        stagingSnapshot.objects = stagingSnapshot.objects.filter(sharedObjects.contains)
        let sameSchemas = Comparator.compare(source: productionSnapshot, target: stagingSnapshot, sourceLabel: "production", targetLabel: "staging")
            .attachingMigrationHistories(source: productionSnapshot, target: stagingSnapshot)
        #expect(sameSchemas.auditVerdict() == .historiesOutOfSync)
        let history = try #require(sameSchemas.migrationHistory?.histories.first)
        #expect(history.onlyInSource.map(\.version) == ["20251112000000"])
        #expect(history.onlyInTarget.count == 17)
        #expect(history.inBothCount == 0)

        // The full comparison: real differences, and histories that record them on one side only.
        let full = try compare(demo.production, demo.staging)
        guard case .schemaDifferencesExplainedByHistory(let missing)? = full.auditVerdict() else {
            Issue.record("expected schema differences explained by history, got \(String(describing: full.auditVerdict()))")
            return
        }
        #expect(missing.count == 18)

        // The repair, applied to a copy of production, records the 17 migrations; run twice it changes nothing.
        let fullHistory = try #require(full.migrationHistory)
        let repair = try #require(MigrationRepair(repairing: .source, from: fullHistory))
        #expect(repair.missing.count == 17)
        #expect(repair.revertSuggestions == ["supabase migration repair --status reverted 20251112000000"])
        let copy = try demo.production.copy()
        defer { copy.drop() }
        try copy.execute(repair.sql)
        try copy.execute(repair.sql)
        let repaired = try #require(MigrationHistoryReader().read(from: try copy.connect()).first)
        #expect(repaired.entries.count == 18)
        let afterRepair = try #require(MigrationHistoryComparison.compare(source: [repaired], target: [staging])?.histories.first)
        #expect(afterRepair.onlyInTarget == [])
        #expect(afterRepair.differentNames == [])
        #expect(afterRepair.differentStatements == [])
        #expect(afterRepair.onlyInSource.map(\.version) == ["20251112000000"])
        // With the revert suggestion followed too, the histories are in sync.
        try copy.execute("DELETE FROM supabase_migrations.schema_migrations WHERE version = '20251112000000'")
        let reverted = try MigrationHistoryReader().read(from: try copy.connect())
        #expect(MigrationHistoryComparison.compare(source: reverted, target: [staging])?.isInSync == true)
    }

    @Test func aMissingAndAnEditedMigrationAreFound() throws {
        let demo = try TestDatabase.demo(on: .pg15)
        defer { demo.production.drop(); demo.staging.drop() }
        let copy = try demo.staging.copy()
        defer { copy.drop() }
        try copy.execute("""
            DELETE FROM supabase_migrations.schema_migrations WHERE version = '20251120095358';
            UPDATE supabase_migrations.schema_migrations SET statements = ARRAY['ALTER TABLE agent_calls ADD COLUMN x int']
            WHERE version = '20251120094954';
            UPDATE supabase_migrations.schema_migrations
            SET statements = ARRAY[E'/* reformatted; */\n' || replace(replace(statements[1], 'CREATE POLICY', 'create  policy'), ' ON ', E'\n  on ')]
            WHERE version = '20251113174002';
            """)
        let staging = try MigrationHistoryReader().read(from: try demo.staging.connect())
        let edited = try MigrationHistoryReader().read(from: try copy.connect())
        let history = try #require(MigrationHistoryComparison.compare(source: staging, target: edited)?.histories.first)
        #expect(history.onlyInSource.map(\.version) == ["20251120095358"])
        #expect(history.onlyInTarget == [])
        // Comments, keyword case and line breaks are formatting; a new statement is not.
        #expect(history.differentStatements.map(\.version) == ["20251120094954"])
        #expect(history.differentNames == [])

        // The migration files against the edited history.
        let files = try MigrationDirectory(path: TestDatabase.demoFolder.appendingPathComponent("migrations").path)
        #expect(files.files.count == 17)
        let byFile = MigrationFileComparison(files: files.history.entries, history: edited.first)
        #expect(byFile.files.filter { $0.status != .applied }.map { "\($0.file.version) \($0.status.rawValue)" }
                == ["20251120094954 edited_since_applied", "20251120095358 not_applied"])
        #expect(MigrationFileComparison(files: files.history.entries, history: staging.first).isInSync)
    }

    @Test func eachToolsHistoryTableIsDetected() throws {
        let database = try TestDatabase.create(on: .pg18)
        defer { database.drop() }
        try database.execute("""
            CREATE SCHEMA supabase_migrations;
            CREATE TABLE supabase_migrations.schema_migrations (version text PRIMARY KEY);
            INSERT INTO supabase_migrations.schema_migrations VALUES ('20240101000000');
            CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL,
              type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum int, installed_by varchar(100) NOT NULL,
              installed_on timestamp NOT NULL DEFAULT now(), execution_time int NOT NULL, success boolean NOT NULL);
            INSERT INTO flyway_schema_history VALUES (1, '1', 'init', 'SQL', 'V1__init.sql', 1, 'me', now(), 1, true),
              (2, '2', 'broken', 'SQL', 'V2__broken.sql', 2, 'me', now(), 1, false),
              (3, NULL, 'views', 'SQL', 'R__views.sql', 3, 'me', now(), 1, true);
            CREATE TABLE databasechangelog (id varchar(255) NOT NULL, author varchar(255) NOT NULL, filename varchar(255) NOT NULL,
              dateexecuted timestamp NOT NULL, orderexecuted int NOT NULL, exectype varchar(10) NOT NULL, md5sum varchar(35),
              description varchar(255), comments varchar(255), tag varchar(255), liquibase varchar(20));
            INSERT INTO databasechangelog VALUES ('1', 'ann', 'db/changelog.xml', now(), 1, 'EXECUTED', NULL, 'createTable', '', NULL, '4.0');
            CREATE SCHEMA golang;
            CREATE TABLE golang.schema_migrations (version bigint PRIMARY KEY, dirty boolean NOT NULL);
            INSERT INTO golang.schema_migrations VALUES (42, false);
            CREATE SCHEMA dbmate;
            CREATE TABLE dbmate.schema_migrations (version varchar(128) PRIMARY KEY);
            INSERT INTO dbmate.schema_migrations VALUES ('20230101120000'), ('20230102120000');
            CREATE SCHEMA rails;
            CREATE TABLE rails.schema_migrations (version character varying PRIMARY KEY);
            CREATE TABLE rails.ar_internal_metadata (key character varying PRIMARY KEY, value character varying);
            INSERT INTO rails.schema_migrations VALUES ('20230101000001');
            CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at timestamptz,
              migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(),
              applied_steps_count int NOT NULL DEFAULT 0);
            INSERT INTO _prisma_migrations VALUES ('a', 'c', now(), '20230101000000_init', NULL, NULL, now(), 1),
              ('b', 'c', now(), '20230102000000_undone', NULL, now(), now(), 1);
            CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);
            INSERT INTO alembic_version VALUES ('ae1027a6acf');
            CREATE TABLE django_migrations (id bigserial PRIMARY KEY, app varchar(255) NOT NULL, name varchar(255) NOT NULL,
              applied timestamptz NOT NULL);
            INSERT INTO django_migrations (app, name, applied) VALUES ('auth', '0001_initial', now()), ('shop', '0001_initial', now());
            CREATE SCHEMA auth;
            CREATE TABLE auth.schema_migrations (version varchar(255) PRIMARY KEY);
            CREATE TABLE public.alembic_version_lookalike (x int);
            """)
        let histories = try MigrationHistoryReader().read(from: try database.connect())
        let summary = histories.map { "\($0.framework.rawValue) \($0.table): " + $0.entries.map { [$0.version, $0.name].compactMap { $0 }.joined(separator: " ") }.joined(separator: ", ") }
        #expect(summary == [
            "supabase supabase_migrations.schema_migrations: 20240101000000",
            "flyway public.flyway_schema_history: 1 init, R__views.sql views",
            "liquibase public.databasechangelog: db/changelog.xml::1::ann createTable",
            "golang-migrate golang.schema_migrations: 42",
            "dbmate dbmate.schema_migrations: 20230101120000, 20230102120000",
            "rails rails.schema_migrations: 20230101000001",
            "prisma public._prisma_migrations: 20230101000000_init",
            "alembic public.alembic_version: ae1027a6acf",
            "django public.django_migrations: auth.0001_initial 0001_initial, shop.0001_initial 0001_initial",
        ])
    }

    @Test func aDatabaseWithoutHistoriesHasNone() throws {
        let database = try TestDatabase.create(on: .pg15)
        defer { database.drop() }
        try database.execute("CREATE TABLE schema_migrations_other (version text)")
        #expect(try MigrationHistoryReader().read(from: try database.connect()) == [])
    }
}
