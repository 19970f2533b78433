import Comparison
import Foundation
import GoldenFiles
import SchemaModel
import Testing
@testable import Reports

/// The seed's histories with the 17 demo files: production records none of them (and one version
/// without a file), staging records all, the fifth from a text edited since.
enum MigrationFilesFixture {
    static let editedIndex = 4

    /// The files as records: staging's, but the fifth with another fingerprint.
    static let files: [MigrationRecord] = HistoryFixture.demoMigrations.indices.map { index in
        var record = HistoryFixture.applied(index)
        if index == editedIndex { record.statementsFingerprint = ResultFixture.fingerprint("ee") }
        return record
    }

    static func report(files: [MigrationRecord] = files, skipped: [String] = []) -> MigrationFilesReport {
        MigrationFilesReport(directory: "supabase/migrations", files: files, skippedFiles: skipped,
                             source: ("production", [HistoryFixture.production]), target: ("staging", [HistoryFixture.staging]))
    }

    /// Identical schemas, the histories out of sync, and the files.
    static let seed: Comparison.ComparisonResult = {
        var result = HistoryFixture.seed
        result.migrationFiles = report()
        return result
    }()

    /// Identical schemas, no history compared, every file applied on both sides.
    static let applied: Comparison.ComparisonResult = {
        var result = ResultFixture.result([.identical])
        result.migrationFiles = MigrationFilesReport(directory: "supabase/migrations", files: HistoryFixture.staging.entries,
                                                     source: ("production", [HistoryFixture.staging]),
                                                     target: ("staging", [HistoryFixture.staging]))
        return result
    }()
}

@Suite("Migration files in every report")
struct MigrationFilesReportTests {
    let seed = MigrationFilesFixture.seed

    @Test("each file is applied, not applied or edited per side; statements are left out of the records")
    func model() throws {
        let report = MigrationFilesFixture.report()
        #expect(report.source.historyTable == "supabase_migrations.schema_migrations")
        #expect(report.source.files(.notApplied).count == 17)
        #expect(report.source.comparison.recordedWithoutFile.map(\.version) == ["20251112000000"])
        #expect(report.target.files(.applied).count == 16)
        #expect(report.target.files(.editedSinceApplied).map(\.version) == ["20251113174046"])
        #expect(report.target.comparison.recordedWithoutFile.isEmpty)
        #expect(report.sides.allSatisfy { side in side.comparison.files.allSatisfy { $0.file.statements == nil && $0.recorded?.statements == nil } })
        #expect(report.hasFindings)
        let noHistory = SideMigrationFiles(side: .source, label: "fresh", files: MigrationFilesFixture.files, histories: [])
        #expect(noHistory.historyTable == nil && noHistory.files(.notApplied).count == 17)
        #expect(MigrationFilesFixture.applied.migrationFiles?.hasFindings == false)
    }

    @Test("golden files of the seed's case with migration files, in every format; the JUnit one validates")
    func golden() throws {
        try expectGoldenReports(seed, named: "migration-files")
    }

    @Test("files not applied or edited fail the gate and show in the verdict line; all applied passes")
    func verdict() {
        let onlyFiles = OverallVerdict(MigrationFilesFixture.applied, options: ReportOptions())
        #expect(onlyFiles.exitStatus == 0)
        #expect(onlyFiles.line == "IDENTICAL: every object is the same (1 object compared)")
        var pending = ResultFixture.result([.identical])
        pending.migrationFiles = MigrationFilesFixture.report()
        let filesOut = OverallVerdict(pending, options: ReportOptions())
        #expect(filesOut.exitStatus == 1)
        #expect(filesOut.line == "IDENTICAL SCHEMAS, MIGRATION FILES OUT OF SYNC: every object is the same (1 object compared)")
        #expect(OverallVerdict(seed, options: ReportOptions()).line
            == "IDENTICAL SCHEMAS, MIGRATION HISTORIES OUT OF SYNC, MIGRATION FILES OUT OF SYNC: every object is the same (3 objects compared)")
        var different = ResultFixture.result([.different])
        different.migrationFiles = MigrationFilesFixture.report()
        #expect(OverallVerdict(different, options: ReportOptions()).line == "DIFFERENT: 1 object differs; migration files out of sync")
        // A version recorded without a file is shown, not failed: squashed or deleted files leave such rows.
        var recordedOnly = ResultFixture.result([.identical])
        recordedOnly.migrationFiles = MigrationFilesReport(directory: "m", files: [HistoryFixture.applied(0)],
                                                           source: ("production", [HistoryFixture.staging]),
                                                           target: ("staging", [HistoryFixture.staging]))
        #expect(recordedOnly.migrationFiles?.target.comparison.recordedWithoutFile.count == 16)
        #expect(OverallVerdict(recordedOnly, options: ReportOptions()).exitStatus == 0)
    }

    @Test("the text report shows per side the counts and the versions of each category but applied, and skipped files")
    func text() throws {
        var result = ResultFixture.result([.identical])
        result.migrationFiles = MigrationFilesFixture.report(skipped: ["notes.sql"])
        let output = TextReport.render(result, options: ReportOptions())
        #expect(output.hasSuffix("""
            IDENTICAL SCHEMAS, MIGRATION FILES OUT OF SYNC: every object is the same (1 object compared)

            Migration files (supabase/migrations, 17 files)
              production (supabase_migrations.schema_migrations): 0 applied, 17 not applied, 0 edited since applied, 1 recorded without a file
                not applied (17):
                  20251113092934 import_from_prod
                  20251113110933 agent_calls_enrichment_complete
                  20251113173945 create_agent_sms_table
                  20251113174002 sms_rls_policies
                  20251113174046 sms_analytics
                  20251113175729 fix_sms_pricing_model_v2
                  20251114115154 add_cost_per_email_to_deployments
                  20251114160211 create_unified_communications_view
                  20251115103027 create_arthur_prospects
                  20251115104510 arthur_dashboard
                  … and 7 more
                recorded without a file (1):
                  20251112000000 create-staging
              staging (supabase_migrations.schema_migrations): 16 applied, 0 not applied, 1 edited since applied, 0 recorded without a file
                edited since applied (1):
                  20251113174046 sms_analytics
              skipped (not named <version>_<name>.sql): notes.sql

            """))
        let applied = TextReport.render(MigrationFilesFixture.applied, options: ReportOptions())
        #expect(applied.hasSuffix("""
            Migration files (supabase/migrations, 17 files)
              production (supabase_migrations.schema_migrations): 17 applied, 0 not applied, 0 edited since applied, 0 recorded without a file
              staging (supabase_migrations.schema_migrations): 17 applied, 0 not applied, 0 edited since applied, 0 recorded without a file

            """))
        #expect(!TextReport.render(ResultFixture.result([.identical]), options: ReportOptions()).contains("Migration files"))
    }

    @Test("JSON: migrationFiles per side with each file's status and fingerprints, exitStatus 1; every key documented")
    func json() throws {
        let text = JSONReport.render(seed, options: ReportOptions())
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["exitStatus"] as? Int == 1)
        let files = try #require(document["migrationFiles"] as? [String: Any])
        #expect(files["directory"] as? String == "supabase/migrations")
        let target = try #require(files["target"] as? [String: Any])
        #expect(target["label"] as? String == "staging")
        #expect(target["side"] as? String == "target")
        #expect(target["historyTable"] as? String == "supabase_migrations.schema_migrations")
        let entries = try #require((target["comparison"] as? [String: Any])?["files"] as? [[String: Any]])
        #expect(entries.map { $0["status"] as? String }.filter { $0 != "applied" } == ["edited_since_applied"])
        let edited = entries[MigrationFilesFixture.editedIndex]
        #expect((edited["file"] as? [String: Any])?["statementsFingerprint"] as? String == String(repeating: "ee", count: 32))
        #expect((edited["recorded"] as? [String: Any])?["statementsFingerprint"] as? String == String(repeating: "14", count: 32))
        struct Files: Decodable { var migrationFiles: MigrationFilesReport }
        #expect(try JSONDecoder().decode(Files.self, from: Data(text.utf8)).migrationFiles == seed.migrationFiles)
        let plain = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport.render(HistoryFixture.seed, options: ReportOptions()).utf8))
            as? [String: Any])
        #expect(plain["migrationFiles"] == nil)

        let documentation = try String(contentsOf: GoldenFile.repositoryRoot.appendingPathComponent("docs/json-format.md"), encoding: .utf8)
        var keys: Set<String> = ["migrationFiles"]
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                for (key, child) in object {
                    keys.insert(key)
                    collect(child)
                }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(files)
        #expect(keys.count > 12)
        for key in keys.sorted() {
            #expect(documentation.contains("`\(key)`"), "\(key) is not documented")
        }
    }

    @Test("JUnit: one test case per side in deepdiff.migration_history, failing when a file is not applied or edited")
    func junit() throws {
        var result = ResultFixture.result([.identical])
        result.migrationFiles = MigrationFilesFixture.report()
        let xml = JUnitReport.render(result, options: ReportOptions())
        #expect(try XMLLint.validate(xml).status == 0)
        let suite = "/testsuites/testsuite[@name='deepdiff.migration_history']"
        #expect(try XMLLint.value(of: "concat(\(suite)/@tests,' ',\(suite)/@failures)", in: xml) == "2 2")
        let staging = "\(suite)/testcase[2]"
        #expect(try XMLLint.value(of: "concat(\(staging)/@name,' | ',\(staging)/@classname)", in: xml)
            == "migration files supabase/migrations on staging | deepdiff.migration_history.files")
        #expect(try XMLLint.value(of: "string(\(staging)/failure/@message)", in: xml)
            == "migration files out of sync on staging: 16 applied, 0 not applied, 1 edited since applied, 0 recorded without a file")
        #expect(try XMLLint.value(of: "string(\(staging)/failure)", in: xml) == """
            staging (supabase_migrations.schema_migrations): 16 applied, 0 not applied, 1 edited since applied, 0 recorded without a file
            edited since applied (1):
              20251113174046 sms_analytics

            """)

        let applied = JUnitReport.render(MigrationFilesFixture.applied, options: ReportOptions())
        #expect(try XMLLint.value(of: "concat(\(suite)/@tests,' ',\(suite)/@failures,' ',string(\(suite)/testcase[1]/system-out))", in: applied)
            == "2 0 production (supabase_migrations.schema_migrations): 17 applied, 0 not applied, 0 edited since applied, 0 recorded without a file\n")
        #expect(try XMLLint.value(of: "count(\(suite))", in: JUnitReport.render(ResultFixture.result([.identical]), options: ReportOptions())) == "0")
    }

    @Test("Markdown: per side the counts and a table of the files not applied or edited (collapsed when long), and an action")
    func markdown() {
        var result = ResultFixture.result([.identical])
        result.migrationFiles = MigrationFilesFixture.report()
        let output = MarkdownReport.render(result, options: ReportOptions())
        expectWellFormedTables(output)
        #expect(output.contains("""
            ## Migration files (`supabase/migrations`)

            **`production`** (`supabase_migrations.schema_migrations`): 0 applied, 17 not applied, 0 edited since applied, 1 recorded without a file

            <details><summary>production: 18 versions not applied, edited or without a file</summary>

            | version | name | status |
            | --- | --- | --- |
            | `20251113092934` | `import_from_prod` | not applied |
            """))
        #expect(output.contains("""
            | `20251112000000` | `create-staging` | recorded without a file |

            </details>

            **`staging`** (`supabase_migrations.schema_migrations`): 16 applied, 0 not applied, 1 edited since applied, 0 recorded without a file

            | version | name | status |
            | --- | --- | --- |
            | `20251113174046` | `sms_analytics` | edited since applied |

            """))
        #expect(output.hasSuffix("""
            ## Recommended actions

            1. Bring the migration files and the databases together (production: 17 not applied; staging: 1 edited since applied): \
            apply a file not applied through the migration tool, or record it if `deepdiff verify-migrations` shows its effects are \
            already there; restore an edited file to the text that was applied, or put the change in a new migration.

            """))
        let applied = MarkdownReport.render(MigrationFilesFixture.applied, options: ReportOptions())
        #expect(applied.contains("""
            **`staging`** (`supabase_migrations.schema_migrations`): 17 applied, 0 not applied, 0 edited since applied, 0 recorded without a file

            ## Proven identical
            """))
        #expect(applied.contains("1. None: the two databases are identical"))
    }
}
