import Comparison
import Foundation
import GoldenFiles
import Migrations
import SchemaModel
import Testing

/// The demo's 17 migration files.
private func demoMigrations() throws -> MigrationDirectory {
    try MigrationDirectory(path: TestDatabase.demoFolder.appendingPathComponent("migrations").path)
}

@Suite(.serialized) struct ShadowVerificationTests {
    /// PostgreSQL 15 uses deepdiff's own throwaway cluster; 18 uses the test cluster as `--shadow` server.
    private func shadowURL(_ cluster: Cluster) throws -> String? {
        cluster == .pg15 ? nil : try cluster.keywordString()
    }

    @Test(arguments: Cluster.allCases)
    func everyMigrationsEffectsArePresentInStagingAndTheRealDifferencesOfProductionAreListed(cluster: Cluster) throws {
        let demo = try TestDatabase.demo(on: cluster)
        defer { demo.production.drop(); demo.staging.drop() }
        let verification = ShadowVerification(directory: try demoMigrations(), setupFiles: TestDatabase.demoSetupFiles,
                                              shadowURL: try shadowURL(cluster))

        let staging = try verification.verify(against: try demo.staging.connect(), label: "staging")
        #expect(staging.failure == nil)
        #expect(staging.migrations.count == 17)
        #expect(staging.migrations.filter { !$0.isPresentExactly }.map(\.migration.version) == [])
        #expect(staging.unattributed.filter { $0.verdict.isDifference() }.map(\.identity.description) == [])
        #expect(staging.allPresentExactly)
        #expect(staging.migrations.first?.objects.isEmpty == false)

        let production = try verification.verify(against: try demo.production.connect(), label: "production")
        #expect(production.failure == nil)
        #expect(!production.allPresentExactly)
        let differences = Set(production.migrations.flatMap { migration in
            migration.differences.map { "\(migration.migration.version) \($0.identity.description): \($0.verdict.name)" }
        })
        // The real differences of fixtures/demo/README.md, each under the migration that made the object last.
        let documented: Set<String> = [
            "20251113174002 policy Users can view sms of their clients on public.agent_sms: different",
            "20251114115154 column public.agent_deployments.cost_per_email: different",
            "20251114160211 view public.v_agent_communications: only_in_target",
            "20251115104510 view public.v_arthur_funnel: different",
            "20251117101559 function public.get_financial_kpi_metrics(p_start timestamp with time zone, p_end timestamp with time zone): different",
            "20251117101559 view public.v_financial_metrics_enriched: different",
            "20251120094954 function public.get_latency_metrics(p_start timestamp with time zone, p_end timestamp with time zone, p_deployment_id uuid): different",
        ]
        #expect(differences == documented)
        #expect(production.unattributed.filter { $0.verdict.isDifference() }.map(\.identity.description) == [])
    }

    @Test func aBrokenMigrationIsReportedWithItsFileStatementAndError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deepdiff-migrations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "CREATE TABLE t (id int PRIMARY KEY);\n".write(to: folder.appendingPathComponent("20240101000000_create_t.sql"), atomically: true, encoding: .utf8)
        try "-- adds a column\nALTER TABLE t ADD COLUMN name text;\n\nALTER TABLE missing ADD COLUMN x int;\n"
            .write(to: folder.appendingPathComponent("20240102000000_broken.sql"), atomically: true, encoding: .utf8)
        try "CREATE TABLE u (id int);\n".write(to: folder.appendingPathComponent("20240103000000_after.sql"), atomically: true, encoding: .utf8)
        try "not a migration".write(to: folder.appendingPathComponent("README.sql"), atomically: true, encoding: .utf8)
        let directory = try MigrationDirectory(path: folder.path)
        #expect(directory.skippedFiles == ["README.sql"])

        let database = try TestDatabase.create(on: .pg18)
        defer { database.drop() }
        try database.execute("CREATE TABLE t (id int PRIMARY KEY)")
        let result = try ShadowVerification(directory: directory, shadowURL: try Cluster.pg18.keywordString())
            .verify(against: try database.connect(), label: "db")
        let failure = try #require(result.failure)
        #expect(failure.file == folder.appendingPathComponent("20240102000000_broken.sql").path)
        #expect(failure.statement == "ALTER TABLE missing ADD COLUMN x int")
        #expect(failure.line == 4)
        #expect(failure.error.contains("relation \"missing\" does not exist"))
        #expect(failure.error.contains("42P01"))
        #expect(result.migrations.map(\.migration.version) == ["20240101000000"])
        #expect(result.migrations.first?.isPresentExactly == true)
        #expect(result.notApplied.map(\.version) == ["20240103000000"])
        #expect(!result.allPresentExactly)
    }

    @Test func aShadowDatabaseThatIsNotEmptyIsRefusedWhenNoneCanBeCreated() throws {
        let database = try TestDatabase.create(on: .pg18)
        defer { database.drop() }
        try database.execute("""
            CREATE TABLE existing (id int);
            DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'deepdiff_no_createdb') THEN
              CREATE ROLE deepdiff_no_createdb LOGIN NOCREATEDB; END IF; END $$;
            """)
        let directory = try demoMigrations()
        let url = try database.keywordString() + " user=deepdiff_no_createdb"
        #expect {
            try ShadowVerification(directory: directory, shadowURL: url).verify(against: try database.connect(), label: "db")
        } throws: { error in
            "\(error)".contains("is not empty (1 objects)")
        }
    }
}
