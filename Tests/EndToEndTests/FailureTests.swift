import Foundation
import GoldenFiles
import Testing

/// Bad input gives one clear line on standard error and exit code 2, never a crash, never a
/// false "identical", and never a password.
@Suite("errors, end to end")
struct FailureTests {
    @Test("a wrong password fails with exit 2 and the password appears nowhere")
    func wrongPassword() throws {
        let demo = try TestDatabases.demo(15)
        let port = try TestDatabases.port(15)
        let secret = "Wr0ng-Secret-\(UUID().uuidString.prefix(8))"
        let outcome = try DeepDiffProcess.run(["compare", "postgresql://postgres:\(secret)@127.0.0.1:\(port)/e2e_staging", demo.staging])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("authentication failed"))
        #expect(!outcome.standardError.contains(secret))
        #expect(!outcome.standardOutput.contains(secret))
        #expect(outcome.standardError.split(separator: "\n").count == 1)
    }

    @Test("an unreachable server fails with exit 2 in one line")
    func unreachable() throws {
        let demo = try TestDatabases.demo(15)
        let outcome = try DeepDiffProcess.run(["compare", "host=127.0.0.1 port=1 dbname=x user=postgres", demo.staging])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.hasPrefix("deepdiff: error: "))
        #expect(outcome.standardError.contains("cannot connect"))
        #expect(outcome.standardError.split(separator: "\n").count == 1)
    }

    @Test("an unknown database fails with exit 2")
    func unknownDatabase() throws {
        let base = try TestDatabases.cluster(15)
        let outcome = try DeepDiffProcess.run(["compare", "\(base) dbname=no_such_db", "\(base) dbname=postgres"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("no_such_db"))
    }

    @Test("a password from the variable the config file names is used, and never shown")
    func passwordFromEnvironment() throws {
        let port = try TestDatabases.port(15)
        _ = try TestDatabases.demo(15)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deepdiff-pw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = """
            [environments.tcp]
            url = "postgresql://postgres@127.0.0.1:\(port)/e2e_staging"
            password_env = "E2E_DB_PASSWORD"
            """
        try Data(config.utf8).write(to: directory.appendingPathComponent("deepdiff.toml"))
        let good = try DeepDiffProcess.run(["compare", "tcp", "tcp"], environment: ["E2E_DB_PASSWORD": TestDatabases.password], in: directory)
        #expect(good.status == 0, "\(good.standardError)")
        #expect(!good.standardOutput.contains(TestDatabases.password))
        let missing = try DeepDiffProcess.run(["compare", "tcp", "tcp"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("$E2E_DB_PASSWORD"))
    }

    @Test("a config error names the file, line and key")
    func configError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deepdiff-cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let cases: [(String, String)] = [
            ("[defaults]\nsorce = \"production\"\n", "deepdiff.toml:2: defaults.sorce: unknown key"),
            ("[environments.prod]\nurl = \"postgresql://u:hunter2@h/db\"\n", "deepdiff.toml:2: environments.prod.url: the URL holds a password"),
            ("[defaults]\nsource = \"unterminated\n", "deepdiff.toml:2: unterminated string"),
            ("[environments.prod]\nurl = \"host=a\"\nservice = \"b\"\n", "environments.prod: give exactly one of url, service or snapshot"),
            ("[defaults]\nsource = \"a\"\n\nignore = [\"tabel public.x\"]\n", "deepdiff.toml:4: defaults.ignore: 'tabel public.x' is not an object pattern"),
        ]
        for (text, expected) in cases {
            try Data(text.utf8).write(to: directory.appendingPathComponent("deepdiff.toml"))
            let outcome = try DeepDiffProcess.run(["compare"], in: directory)
            #expect(outcome.status == 2)
            #expect(outcome.standardError.contains(expected), "\(outcome.standardError)")
            #expect(!outcome.standardError.contains("hunter2"))
        }
    }

    @Test("no sides and no config file is a usage error with exit 2")
    func noSides() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deepdiff-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let outcome = try DeepDiffProcess.run(["compare"], in: directory)
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("give SOURCE and TARGET"))
        let unknownFlag = try DeepDiffProcess.run(["compare", "--no-such-flag"])
        #expect(unknownFlag.status == 2)
    }
}
