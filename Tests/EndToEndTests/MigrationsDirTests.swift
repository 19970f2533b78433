import Foundation
import GoldenFiles
import Testing

/// `--migrations-dir` on the demo databases: the 17 files against production's history (which
/// records none of them) and staging's (which records all), edited and reformatted copies, and the
/// errors of a wrong folder or setting.
@Suite("deepdiff compare --migrations-dir, end to end")
struct MigrationsDirTests {
    static let demoMigrations = GoldenFile.repositoryRoot.appendingPathComponent("fixtures/demo/migrations")

    /// A new empty temporary folder.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deepdiff-mdir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A copy of the demo's migration files, with `edits` applied to the named files' text.
    static func editedCopy(_ edits: [String: (String) -> String]) throws -> URL {
        let copy = try temporaryFolder().appendingPathComponent("migrations")
        try FileManager.default.copyItem(at: demoMigrations, to: copy)
        for (name, edit) in edits {
            let file = copy.appendingPathComponent(name)
            let edited = edit(try String(contentsOf: file, encoding: .utf8))
            try Data(edited.utf8).write(to: file)
        }
        return copy
    }

    /// `deepdiff compare` of the demo (production vs staging) with `folder`, as parsed JSON.
    static func compare(_ folder: URL, major: Int = 15) throws -> (status: Int32, files: [String: Any]) {
        let config = try CompareCommandTests.demoConfig(major)
        let outcome = try DeepDiffProcess.run(["compare", "--config", config.path, "--format", "json", "--migrations-dir", folder.path])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any],
                                "\(outcome.standardError)")
        return (outcome.status, try #require(root["migrationFiles"] as? [String: Any]))
    }

    /// `version → status` of one side's files.
    static func statuses(_ files: [String: Any], _ side: String) throws -> [String: String] {
        let entries = try #require(((files[side] as? [String: Any])?["comparison"] as? [String: Any])?["files"] as? [[String: Any]])
        var result: [String: String] = [:]
        for entry in entries {
            let version = try #require((entry["file"] as? [String: Any])?["version"] as? String)
            result[version] = try #require(entry["status"] as? String)
        }
        return result
    }

    @Test("staging applied all 17 files; production none, and records one version without a file", arguments: [15, 18])
    func demo(major: Int) throws {
        let (status, files) = try Self.compare(Self.demoMigrations, major: major)
        #expect(status == 1)
        let staging = try Self.statuses(files, "target"), production = try Self.statuses(files, "source")
        #expect(staging.count == 17 && staging.values.allSatisfy { $0 == "applied" })
        #expect(production.count == 17 && production.values.allSatisfy { $0 == "not_applied" })
        let recorded = ((files["source"] as? [String: Any])?["comparison"] as? [String: Any])?["recordedWithoutFile"] as? [[String: Any]]
        #expect(recorded?.compactMap { $0["version"] as? String } == ["20251112000000"])
        #expect((files["target"] as? [String: Any])?["historyTable"] as? String == "supabase_migrations.schema_migrations")
    }

    @Test("a file whose statements changed is edited since applied on staging; a file only reformatted is still applied")
    func editedAndReformatted() throws {
        let copy = try Self.editedCopy([
            "20251120094954_add_latency_columns.sql": {
                $0.replacingOccurrences(of: "GRANT SELECT ON public.v_agent_latency_stats TO authenticated;",
                                        with: "GRANT SELECT ON public.v_agent_latency_stats TO authenticated, anon;")
            },
            "20251120095358_rename_justification_to_analysis.sql": {
                "-- reformatted by hand\n\n" + $0.replacingOccurrences(of: "ALTER TABLE", with: "alter   table")
                    .replacingOccurrences(of: "CREATE OR REPLACE VIEW", with: "create or replace view")
                    .replacingOccurrences(of: "\n       ", with: "\n\t") + "\n\n"
            },
        ])
        let (_, files) = try Self.compare(copy)
        let staging = try Self.statuses(files, "target")
        #expect(staging["20251120094954"] == "edited_since_applied")
        #expect(staging["20251120095358"] == "applied")
        #expect(staging.values.filter { $0 == "applied" }.count == 16)
        #expect(try Self.statuses(files, "source")["20251120094954"] == "not_applied")
    }

    @Test("the text report and the exit status: staging against itself with every file applied exits 0")
    func allApplied() throws {
        let demo = try TestDatabases.demo(15)
        let outcome = try DeepDiffProcess.run(["compare", demo.staging, demo.staging, "--quiet", "--color", "never",
                                               "--migrations-dir", Self.demoMigrations.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("\nMigration files (\(Self.demoMigrations.path), 17 files)\n"))
        #expect(outcome.standardOutput.contains(
            " (supabase_migrations.schema_migrations): 17 applied, 0 not applied, 0 edited since applied, 0 recorded without a file\n"))

        let edited = try Self.editedCopy(["20251113092934_import_from_prod.sql": { $0 + "\nCREATE TABLE public.extra (id int);\n" }])
        let failing = try DeepDiffProcess.run(["compare", demo.staging, demo.staging, "--quiet", "--color", "never",
                                               "--migrations-dir", edited.path])
        #expect(failing.status == 1)
        #expect(failing.standardOutput.contains("IDENTICAL SCHEMAS, MIGRATION FILES OUT OF SYNC: every object is the same"))
        #expect(failing.standardOutput.contains("    edited since applied (1):\n      20251113092934 import_from_prod\n"))
    }

    @Test("audit takes migrations_dir from deepdiff.toml, relative to the file; single-object commands ignore it")
    func configSetting() throws {
        let config = try CompareCommandTests.demoConfig(15, extra: "migrations_dir = \"migrations\"")
        try FileManager.default.copyItem(at: Self.demoMigrations,
                                         to: config.deletingLastPathComponent().appendingPathComponent("migrations"))
        let elsewhere = try Self.temporaryFolder()
        let audit = try DeepDiffProcess.run(["audit", "--config", config.path], in: elsewhere)
        #expect(audit.status == 1, "\(audit.standardError)")
        #expect(audit.standardOutput.contains("**`staging`** (`supabase_migrations.schema_migrations`): 17 applied, 0 not applied, "
            + "0 edited since applied, 0 recorded without a file\n"))
        #expect(audit.standardOutput.contains("| `20251113092934` | `import_from_prod` | not applied |"))

        let table = try DeepDiffProcess.run(["table", "clients", "--config", config.path, "--format", "json"], in: elsewhere)
        #expect(table.status == 0, "\(table.standardError)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(table.standardOutput.utf8)) as? [String: Any])
        #expect(root["migrationFiles"] == nil)
    }

    @Test("a folder that cannot be read or holds no migration files is an error: exit 2, one line")
    func wrongFolder() throws {
        let demo = try TestDatabases.demo(15)
        let empty = try Self.temporaryFolder()
        try Data("select 1;".utf8).write(to: empty.appendingPathComponent("notes.sql"))
        let missing = empty.appendingPathComponent("absent").path
        for (folder, message) in [(missing, "deepdiff: error: cannot read \(missing): not a readable folder\n"),
                                  (empty.path, "deepdiff: error: \(empty.path) holds no migration files named <version>_<name>.sql\n")] {
            let outcome = try DeepDiffProcess.run(["compare", demo.production, demo.staging, "--quiet", "--migrations-dir", folder])
            #expect(outcome.status == 2)
            #expect(outcome.standardError == message)
            #expect(outcome.standardOutput.isEmpty)
        }
    }

    @Test("migrations_dir of another type than a string is a config error naming the file, line and key")
    func configType() throws {
        let folder = try Self.temporaryFolder()
        try Data("[defaults]\nmigrations_dir = 3\n".utf8).write(to: folder.appendingPathComponent("deepdiff.toml"))
        let outcome = try DeepDiffProcess.run(["compare"], in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("deepdiff.toml:2: defaults.migrations_dir: expected a string"), "\(outcome.standardError)")
    }
}
