import Comparison
import Foundation
import Migrations
import SchemaModel
import Testing

/// A Supabase history of `records` in the usual table.
private func supabase(_ records: [MigrationRecord]) -> MigrationHistory {
    MigrationHistory(framework: .supabase, table: MigrationRepair.supabaseTable, entries: records)
}

/// A record whose statements are `sql`, fingerprinted as the reader does.
private func record(_ version: String, _ name: String?, _ sql: String? = nil) -> MigrationRecord {
    MigrationRecord(version: version, name: name, statementsFingerprint: sql.flatMap { SQLStatement.fingerprint(of: [$0]) },
                    statements: sql.map { [$0] })
}

/// A result whose only object has `verdict`, with `history` attached.
private func result(objectVerdict: Verdict, history: MigrationHistoryComparison?) -> Comparison.ComparisonResult {
    let side = SideDescription(label: "x", database: "x", server: ServerInfo(versionNumber: 150_000, version: "15.0"))
    return Comparison.ComparisonResult(source: side, target: side,
                            objects: [ObjectComparison(identity: ObjectIdentity(kind: .table, schema: "public", name: "t"), verdict: objectVerdict)],
                            unmodeledObjects: UnmodeledCounts(source: [:], target: [:]), migrationHistory: history)
}

@Suite struct HistoryComparisonTests {
    @Test func versionsOnOneSideOtherNamesAndOtherStatementsAreEachListed() throws {
        let source = [supabase([record("1", "a", "create table a (id int)"), record("2", "b", "select 1"), record("3", "c", "select 3"),
                                record("4", "d")])]
        let target = [supabase([record("1", "a", "CREATE  TABLE a(id int);"), record("2", "bee", "select 1"), record("3", "c", "select 4"),
                                record("5", "e")])]
        let comparison = try #require(MigrationHistoryComparison.compare(source: source, target: target))
        let history = try #require(comparison.histories.first)
        #expect(comparison.histories.count == 1)
        #expect(history.onlyInSource.map(\.version) == ["4"])
        #expect(history.onlyInTarget.map(\.version) == ["5"])
        #expect(history.differentNames.map(\.version) == ["2"])
        #expect(history.differentStatements.map(\.version) == ["3"])
        #expect(history.inBothCount == 3)
        #expect((history.sourceCount, history.targetCount) == (4, 4))
        #expect(!comparison.isInSync)
    }

    @Test func reformattedStatementsHaveTheSameFingerprint() {
        let compact = SQLStatement.fingerprint(of: ["create table a (id int); select 1"])
        let spread = SQLStatement.fingerprint(of: ["CREATE TABLE a (\n  id INT -- key\n);", "SELECT 1;"])
        #expect(compact != nil)
        #expect(compact == spread)
        #expect(SQLStatement.fingerprint(of: []) == nil)
        #expect(SQLStatement.fingerprint(of: ["-- only a comment"]) == nil)
    }

    @Test func noHistoryOnEitherSideGivesNoComparison() {
        #expect(MigrationHistoryComparison.compare(source: [], target: []) == nil)
        #expect(result(objectVerdict: .identical, history: nil).auditVerdict() == nil)
    }

    @Test func aToolOnOneSideOnlyHasAllItsVersionsOnThatSide() throws {
        let flyway = MigrationHistory(framework: .flyway, table: "public.flyway_schema_history", entries: [record("1", "init")])
        let comparison = try #require(MigrationHistoryComparison.compare(source: [flyway], target: [supabase([])]))
        #expect(comparison.histories.map(\.framework) == [.supabase, .flyway])
        #expect(comparison.histories[1].onlyInSource.map(\.version) == ["1"])
        #expect(comparison.histories[1].targetTable == nil)
    }

    @Test func auditVerdictCombinesSchemasAndHistories() throws {
        let inSync = MigrationHistoryComparison.compare(source: [supabase([record("1", "a")])], target: [supabase([record("1", "a")])])
        let missing = MigrationHistoryComparison.compare(source: [supabase([record("0", "create-staging")])],
                                                         target: [supabase([record("1", "a")])])
        let renamed = MigrationHistoryComparison.compare(source: [supabase([record("1", "a")])], target: [supabase([record("1", "b")])])
        #expect(result(objectVerdict: .identical, history: inSync).auditVerdict() == .inSync)
        #expect(result(objectVerdict: .equivalent(reasons: ["whitespace"]), history: inSync).auditVerdict() == .inSync)
        #expect(result(objectVerdict: .equivalent(reasons: ["whitespace"]), history: inSync).auditVerdict(strict: true)
                == .schemaDifferencesUnexplained)
        #expect(result(objectVerdict: .identical, history: missing).auditVerdict() == .historiesOutOfSync)
        #expect(result(objectVerdict: .different, history: missing).auditVerdict() == .schemaDifferencesExplainedByHistory(missing: [
            MissingMigration(framework: .supabase, record: record("0", "create-staging"), recordedIn: .source),
            MissingMigration(framework: .supabase, record: record("1", "a"), recordedIn: .target),
        ]))
        #expect(result(objectVerdict: .different, history: inSync).auditVerdict() == .schemaDifferencesUnexplained)
        #expect(result(objectVerdict: .different, history: renamed).auditVerdict() == .schemaDifferencesUnexplained)
    }

    @Test func resultsWithAHistoryRoundTripThroughJSON() throws {
        let history = MigrationHistoryComparison.compare(source: [supabase([record("0", "x")])], target: [supabase([record("1", "it's", "select $$;$$")])])
        let original = result(objectVerdict: .different, history: history)
        let decoded = try JSONDecoder().decode(Comparison.ComparisonResult.self, from: try JSONEncoder().encode(original))
        #expect(decoded == original)
        let verdict = try #require(original.auditVerdict())
        #expect(try JSONDecoder().decode(AuditVerdict.self, from: try JSONEncoder().encode(verdict)) == verdict)
        #expect(verdict.name == "schema_differences_explained_by_history")
    }

    @Test func snapshotsWithoutHistoriesKeepTheirFileFormat() throws {
        let snapshot = Snapshot(server: ServerInfo(versionNumber: 150_000, version: "15.0"), database: "d", schemas: [], objects: [])
        let text = String(decoding: try SnapshotFile.encode(snapshot), as: UTF8.self)
        #expect(!text.contains("migrationHistories"))
        #expect(try SnapshotFile.decode(Data(text.utf8), path: "old.json").migrationHistories == [])
        var withHistory = snapshot
        withHistory.migrationHistories = [supabase([record("1", "a", "select 1")])]
        #expect(try SnapshotFile.decode(try SnapshotFile.encode(withHistory), path: "new.json") == withHistory)
    }
}

@Suite struct MigrationRepairTests {
    @Test func literalsAreQuotedSoPostgreSQLReadsTheSameText() {
        #expect(MigrationRepair.literal("20251113092934") == "'20251113092934'")
        #expect(MigrationRepair.literal("it's") == "$deepdiff$it's$deepdiff$")
        #expect(MigrationRepair.literal("a\\b") == "$deepdiff$a\\b$deepdiff$")
        #expect(MigrationRepair.literal("x' $deepdiff$ y") == "$deepdiff_1$x' $deepdiff$ y$deepdiff_1$")
        // The text's end together with the closing tag must not close the literal early.
        #expect(MigrationRepair.literal("'$deepdiff") == "$deepdiff_1$'$deepdiff$deepdiff_1$")
    }

    @Test func repairRecordsWhatTheOtherSideHoldsAndSuggestsRevertingWhatOnlyThisSideHolds() throws {
        let comparison = try #require(MigrationHistoryComparison.compare(
            source: [supabase([record("20251112000000", "create-staging", nil)])],
            target: [supabase([record("20251113092934", "it's", "create function f() returns int language sql as $$ select 1 $$;"),
                               MigrationRecord(version: "20251114000000", name: nil, statements: [])])]))
        let repair = try #require(MigrationRepair(repairing: .source, from: comparison))
        #expect(repair.sql == """
            -- Records 2 migrations as applied; changes no schema object.
            INSERT INTO supabase_migrations.schema_migrations (version, name, statements)
            VALUES
              ('20251113092934', $deepdiff$it's$deepdiff$, ARRAY['create function f() returns int language sql as $$ select 1 $$;']::text[]),
              ('20251114000000', NULL, '{}'::text[])
            ON CONFLICT (version) DO NOTHING;

            """)
        #expect(repair.commands == ["supabase migration repair --status applied 20251113092934",
                                    "supabase migration repair --status applied 20251114000000"])
        #expect(repair.revertSuggestions == ["supabase migration repair --status reverted 20251112000000"])
        let other = try #require(MigrationRepair(repairing: .target, from: comparison))
        #expect(other.missing.map(\.version) == ["20251112000000"])
        #expect(other.sql.contains("('20251112000000', 'create-staging', NULL)"))
    }

    @Test func nothingMissingMeansNoRepair() throws {
        let comparison = try #require(MigrationHistoryComparison.compare(source: [supabase([record("1", "a")])], target: [supabase([record("1", "a")])]))
        #expect(MigrationRepair(repairing: .source, from: comparison) == nil)
        #expect(MigrationRepair(repairing: .target, from: comparison) == nil)
    }
}

@Suite struct StatementSplittingTests {
    @Test func semicolonsInsideLiteralsBodiesAndCommentsDoNotSplit() {
        let sql = """
            -- header; comment
            CREATE TABLE a (t text DEFAULT 'x;y');
            CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 1; END $body$;

            CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; SELECT 2; END;
            /* trailing; */ SELECT 1
            """
        let statements = SQLStatement.split(sql)
        #expect(statements.map(\.line) == [2, 3, 5, 6])
        #expect(statements[0].text == "CREATE TABLE a (t text DEFAULT 'x;y')")
        #expect(statements[2].text == "CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; SELECT 2; END")
        // A statement starts at its first significant token: comments before it are not part of it.
        #expect(statements[3].text == "SELECT 1")
    }
}

@Suite struct MigrationFileComparisonTests {
    @Test func filesAreAppliedNotAppliedOrEditedSinceAndRecordedVersionsWithoutFilesAreListed() {
        let files = [record("1", "a", "select 1"), record("2", "b", "select 2"), record("3", "c", "select 3")]
        let history = supabase([record("1", "a", "SELECT 1;"), record("2", "b", "select 22"), record("9", "z")])
        let comparison = MigrationFileComparison(files: files, history: history)
        #expect(comparison.files.map(\.status) == [.applied, .editedSinceApplied, .notApplied])
        #expect(comparison.recordedWithoutFile.map(\.version) == ["9"])
        #expect(!comparison.isInSync)
    }
}
