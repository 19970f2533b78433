import Comparison
import Foundation
import GoldenFiles
import SchemaModel
import Testing
@testable import Reports

@Suite("Migration history in every report")
struct MigrationHistoryReportTests {
    let seed = HistoryFixture.seed

    /// The JSON report of `result` as parsed objects.
    func parsedJSON(_ result: Comparison.ComparisonResult) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(JSONReport.render(result, options: ReportOptions()).utf8))
        return try #require(value as? [String: Any])
    }

    @Test("golden files of the seed's case, in every format; the JUnit one validates against schemas/junit.xsd")
    func golden() throws {
        try expectGoldenReports(seed, named: "history")
    }

    @Test("the verdict line never says IDENTICAL alone when the histories differ, and the exit status is 1")
    func verdictLine() {
        func verdict(_ verdicts: [Verdict], strict: Bool = false) -> OverallVerdict {
            OverallVerdict(HistoryFixture.withSeedHistories(ResultFixture.result(verdicts)), options: ReportOptions(strict: strict))
        }
        #expect(verdict([.identical, .identical]).line
            == "IDENTICAL SCHEMAS, MIGRATION HISTORIES OUT OF SYNC: every object is the same (2 objects compared)")
        #expect(verdict([.equivalent(reasons: ["whitespace"])]).line
            == "EQUIVALENT SCHEMAS, MIGRATION HISTORIES OUT OF SYNC: 1 object differs only in formatting")
        #expect(verdict([.different, .identical]).line == "DIFFERENT: 1 object differs; migration histories out of sync")
        #expect(verdict([.equivalent(reasons: [])], strict: true).line == "DIFFERENT: 1 object differs; migration histories out of sync")
        #expect(verdict([.identical]).exitStatus == 1)
        #expect(verdict([.identical]).name == "identical")
        let inSync = OverallVerdict(HistoryFixture.inSync, options: ReportOptions())
        #expect(inSync.line == "IDENTICAL: every object is the same (1 object compared)")
        #expect(inSync.exitStatus == 0)
        #expect(inSync.historiesInSync == true)
    }

    @Test("the text report shows counts, the versions of each side (long lists cut), the sentence and the repair")
    func text() throws {
        let output = TextReport.render(seed, options: ReportOptions())
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let verdict = try #require(lines.firstIndex(of: "IDENTICAL SCHEMAS, MIGRATION HISTORIES OUT OF SYNC: every object is the same (3 objects compared)"))
        #expect(Array(lines[(verdict + 1)...(verdict + 20)]) == [
            "",
            "Migration history",
            "  Supabase (supabase_migrations.schema_migrations): production records 1 migration, staging 17; 0 in both",
            "    only in production (1):",
            "      20251112000000 create-staging",
            "    only in staging (17):",
            "      20251113092934 import_from_prod",
            "      20251113110933 agent_calls_enrichment_complete",
            "      20251113173945 create_agent_sms_table",
            "      20251113174002 sms_rls_policies",
            "      20251113174046 sms_analytics",
            "      20251113175729 fix_sms_pricing_model_v2",
            "      20251114115154 add_cost_per_email_to_deployments",
            "      20251114160211 create_unified_communications_view",
            "      20251115103027 create_arthur_prospects",
            "      20251115104510 arthur_dashboard",
            "      … and 7 more",
            "",
            "The schemas are identical but the migration histories are out of sync: SQL was applied by hand (or history rows were "
                + "written by hand), so the record, not the schema, needs repair (production lacks 17 migrations that staging records; "
                + "staging lacks 1 migration that production records).",
            "",
        ])
        #expect(output.contains("""
            To repair the record (deepdiff never runs these)

            production lacks 17 migrations that staging records; run on production:
            -- Records 17 migrations as applied; changes no schema object.
            INSERT INTO supabase_migrations.schema_migrations (version, name, statements)
            VALUES
              ('20251113092934', 'import_from_prod', ARRAY['-- import_from_prod']::text[]),
            """))
        #expect(output.contains("""
              ('20251113173945', 'create_agent_sms_table', ARRAY[$deepdiff$CREATE TABLE public.agent_sms (id uuid PRIMARY KEY);
            COMMENT ON TABLE public.agent_sms IS 'SMS sent by agents';$deepdiff$]::text[]),
            """))
        #expect(output.hasSuffix("""
            staging lacks 1 migration that production records; run on staging:
            -- Records 1 migration as applied; changes no schema object.
            INSERT INTO supabase_migrations.schema_migrations (version, name, statements)
            VALUES
              ('20251112000000', 'create-staging', '{}'::text[])
            ON CONFLICT (version) DO NOTHING;
            or with Supabase's CLI (add --db-url or --linked for staging):
              supabase migration repair --status applied 20251112000000

            """))
        #expect(!output.contains("Details"))
    }

    @Test("names and statements that differ for the same version are listed; no repair when the schemas differ")
    func otherNamesAndSchemaDifferences() {
        var renamed = HistoryFixture.applied(0)
        renamed.name = "import-from-prod"
        renamed.statementsFingerprint = ResultFixture.fingerprint("ff")
        var result = ResultFixture.result([.different])
        result.migrationHistory = MigrationHistoryComparison.compare(
            source: [MigrationHistory(framework: .supabase, table: MigrationRepair.supabaseTable, entries: [renamed])],
            target: [MigrationHistory(framework: .supabase, table: MigrationRepair.supabaseTable, entries: [HistoryFixture.applied(0)])])
        let output = TextReport.render(result, options: ReportOptions())
        #expect(output.contains("""
            DIFFERENT: 1 object differs; migration histories out of sync

            Migration history
              Supabase (supabase_migrations.schema_migrations): production records 1 migration, staging 1; 1 in both
                recorded with other names (1):
                  20251113092934: import-from-prod (production), import_from_prod (staging)
                recorded with other statements (1):
                  20251113092934 import-from-prod

            The schemas differ and the migration histories do not explain it: changes were made outside any migration \
            (1 version recorded with other names; 1 version recorded with other statements).

            """))
        #expect(!output.contains("To repair the record"))
        let explained = HistoryFixture.withSeedHistories(ResultFixture.result([.different]))
        let explainedText = TextReport.render(explained, options: ReportOptions())
        #expect(explainedText.contains("\nThe schemas differ and the migration histories may explain it (production lacks 17 migrations "
            + "that staging records; staging lacks 1 migration that production records): `deepdiff verify-migrations` proves whether "
            + "the missing migrations account for the differences.\n"))
        #expect(!explainedText.contains("INSERT INTO"))
    }

    @Test("histories in sync are shown with their counts and no repair")
    func inSync() {
        let output = TextReport.render(HistoryFixture.inSync, options: ReportOptions())
        #expect(output.hasSuffix("""
            IDENTICAL: every object is the same (1 object compared)

            Migration history
              Supabase (supabase_migrations.schema_migrations): production records 17 migrations, staging 17; 17 in both

            The schemas match and the migration histories record the same migrations.

            """))
    }

    @Test("JSON: the history comparison, the audit verdict and the exact repairs; exitStatus 1 though the schemas are identical")
    func jsonFields() throws {
        let document = try parsedJSON(seed)
        #expect(document["verdict"] as? String == "identical")
        #expect(document["exitStatus"] as? Int == 1)
        let audit = try #require(document["auditVerdict"] as? [String: Any])
        #expect(audit["name"] as? String == "histories_out_of_sync")
        #expect(audit["summary"] as? String == AuditVerdict.historiesOutOfSync.summary)
        #expect(audit["missing"] == nil)
        let repairs = try #require(document["repairs"] as? [[String: Any]])
        #expect(repairs.map { $0["side"] as? String } == ["source", "target"])
        let history = try #require(seed.migrationHistory)
        let production = try #require(MigrationRepair(repairing: .source, from: history))
        #expect(repairs[0]["sql"] as? String == production.sql)
        #expect(repairs[0]["commands"] as? [String] == production.commands)
        #expect(repairs[0]["revertSuggestions"] as? [String] == ["supabase migration repair --status reverted 20251112000000"])
        #expect(repairs[0]["table"] as? String == "supabase_migrations.schema_migrations")
        struct History: Decodable { var migrationHistory: MigrationHistoryComparison }
        let decoded = try JSONDecoder().decode(History.self, from: Data(JSONReport.render(seed, options: ReportOptions()).utf8))
        #expect(decoded.migrationHistory == seed.migrationHistory)

        let inSync = try parsedJSON(HistoryFixture.inSync)
        #expect(inSync["exitStatus"] as? Int == 0)
        #expect((inSync["auditVerdict"] as? [String: Any])?["name"] as? String == "in_sync")
        #expect((inSync["repairs"] as? [Any])?.isEmpty == true)
        let plain = try parsedJSON(ResultFixture.everyVerdict)
        #expect(plain["migrationHistory"] == nil && plain["auditVerdict"] == nil && plain["repairs"] == nil)
    }

    @Test("JSON: when the histories may explain schema differences, the audit verdict lists the missing migrations")
    func jsonMissing() throws {
        let explained = HistoryFixture.withSeedHistories(ResultFixture.result([.different]))
        let document = try parsedJSON(explained)
        let audit = try #require(document["auditVerdict"] as? [String: Any])
        #expect(audit["name"] as? String == "schema_differences_explained_by_history")
        let missing = try #require(audit["missing"] as? [[String: Any]])
        #expect(missing.count == 18)
        #expect(missing.first?["recordedIn"] as? String == "source")
        #expect(missing.first?["framework"] as? String == "supabase")
        #expect((missing.first?["record"] as? [String: Any])?["version"] as? String == "20251112000000")
        #expect((document["repairs"] as? [Any])?.isEmpty == true)
    }

    @Test("docs/json-format.md documents every key the history fields write")
    func documented() throws {
        let documentation = try String(contentsOf: GoldenFile.repositoryRoot.appendingPathComponent("docs/json-format.md"), encoding: .utf8)
        var renamed = HistoryFixture.applied(0)
        renamed.name = "other"
        var differing = HistoryFixture.withSeedHistories(ResultFixture.result([.different]))
        differing.migrationHistory?.histories[0].differentNames = [MigrationRecordPair(source: renamed, target: HistoryFixture.applied(0))]
        differing.migrationHistory?.histories[0].differentStatements = [MigrationRecordPair(source: renamed, target: HistoryFixture.applied(0))]
        var keys: Set<String> = []
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
        for result in [seed, differing] {
            let document = try parsedJSON(result)
            for key in ["migrationHistory", "auditVerdict", "repairs"] { if let value = document[key] { keys.insert(key); collect(value) } }
        }
        #expect(keys.count > 20)
        for key in keys.sorted() {
            #expect(documentation.contains("`\(key)`"), "\(key) is not documented")
        }
    }

    @Test("JUnit: one test case per history, failing with the versions and the repair SQL")
    func junit() throws {
        let xml = JUnitReport.render(seed, options: ReportOptions())
        let suite = "/testsuites/testsuite[@name='deepdiff.migration_history']"
        #expect(try XMLLint.value(of: "concat(\(suite)/@tests,' ',\(suite)/@failures,' ',/testsuites/@failures)", in: xml) == "1 1 1")
        let testCase = "\(suite)/testcase"
        #expect(try XMLLint.value(of: "concat(\(testCase)/@name,' | ',\(testCase)/@classname)", in: xml)
            == "Supabase supabase_migrations.schema_migrations | deepdiff.migration_history.supabase")
        #expect(try XMLLint.value(of: "string(\(testCase)/failure/@message)", in: xml)
            == "migration history out of sync: production records 1 migration, staging 17; 0 in both")
        #expect(try XMLLint.value(of: "string(\(testCase)/failure/@type)", in: xml) == "histories_out_of_sync")
        let body = try XMLLint.value(of: "string(\(testCase)/failure)", in: xml)
        #expect(body.hasPrefix("""
            Supabase (supabase_migrations.schema_migrations): production records 1 migration, staging 17; 0 in both
            only in production (1):
              20251112000000 create-staging
            only in staging (17):
              20251113092934 import_from_prod
            """))
        #expect(body.contains("  20251120095358 rename_justification_to_analysis\n"))
        #expect(body.contains("""
            To repair the record (deepdiff never runs this), staging lacks 1 migration that production records; run on staging:
            -- Records 1 migration as applied; changes no schema object.
            INSERT INTO supabase_migrations.schema_migrations (version, name, statements)
            VALUES
              ('20251112000000', 'create-staging', '{}'::text[])
            ON CONFLICT (version) DO NOTHING;
            or with Supabase's CLI:
              supabase migration repair --status applied 20251112000000

            """))

        let synced = JUnitReport.render(HistoryFixture.inSync, options: ReportOptions())
        #expect(try XMLLint.validate(synced).status == 0)
        #expect(try XMLLint.value(of: "concat(\(suite)/@tests,' ',\(suite)/@failures,' ',string(\(testCase)/system-out))", in: synced)
            == "1 0 production records 17 migrations, staging 17; 17 in both\n")
    }

    @Test("Markdown: a table of counts, the sentence, the repair in sql and sh blocks, and an action to record, not re-run")
    func markdown() {
        let output = MarkdownReport.render(seed, options: ReportOptions())
        expectWellFormedTables(output)
        #expect(output.contains("""
            ## Migration history

            | framework | table | in source | in target | in both | only in source | only in target | other name | other statements |
            | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
            | Supabase | `supabase_migrations.schema_migrations` | 1 | 17 | 0 | 1 | 17 | 0 | 0 |

            **The schemas are identical but the migration histories are out of sync:
            """))
        #expect(output.contains("""
            <details><summary>To repair the record: staging lacks 1 migration that production records; run on staging (deepdiff never runs this)</summary>

            ```sql
            -- Records 1 migration as applied; changes no schema object.
            INSERT INTO supabase_migrations.schema_migrations (version, name, statements)
            VALUES
              ('20251112000000', 'create-staging', '{}'::text[])
            ON CONFLICT (version) DO NOTHING;
            ```

            Or with Supabase's CLI (add `--db-url` or `--linked`):

            ```sh
            supabase migration repair --status applied 20251112000000
            ```

            </details>
            """))
        #expect(output.hasSuffix("""
            ## Recommended actions

            1. Record the missing migrations (production: 17 migrations, staging: 1 migration) with the repair SQL or the \
            `supabase migration repair` commands under *Migration history*; do not re-run them: the schema already has their effects.

            """))
        let explained = MarkdownReport.render(HistoryFixture.withSeedHistories(ResultFixture.result([.different])), options: ReportOptions())
        #expect(explained.contains("2. Apply the migrations one side lacks through the migration tool, after `deepdiff verify-migrations` "
            + "shows what they change; do not merely record them (production lacks 17 migrations that staging records; "
            + "staging lacks 1 migration that production records).\n"))
        #expect(!explained.contains("```sql"))
    }
}
