import Foundation
import GoldenFiles
import Testing

/// deepdiff's command line as users meet it: help that matches its golden file, the version, and
/// wrong command lines that end in one line on standard error and exit status 2.
@Suite("the command line, end to end")
struct CommandLineTests {
    static let commands = ["compare", "function", "view", "table", "audit", "snapshot", "verify-migrations", "tokens", "normalize"]

    @Test("deepdiff --help and every command's --help print their golden text and exit 0", arguments: [""] + commands)
    func help(command: String) throws {
        let outcome = try DeepDiffProcess.run(command.isEmpty ? ["--help"] : [command, "--help"])
        #expect(outcome.status == 0)
        #expect(outcome.standardError.isEmpty)
        let mismatch = GoldenFile("cli/\(command.isEmpty ? "deepdiff" : command)-help.txt").mismatch(with: outcome.standardOutput)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test("help COMMAND prints the same as COMMAND --help")
    func helpCommand() throws {
        #expect(try DeepDiffProcess.run(["help", "view"]).standardOutput == DeepDiffProcess.run(["view", "--help"]).standardOutput)
    }

    @Test("--version prints the version alone")
    func version() throws {
        let outcome = try DeepDiffProcess.run(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "0.1.0\n")
    }

    @Test("a wrong command line is one line on standard error, naming the problem and the help to read (never a password), exit 2", arguments: [
        (["bogus"], "deepdiff: error: unknown command 'bogus' (commands: compare, function, view, table, audit, snapshot, verify-migrations, tokens or normalize); see 'deepdiff --help'"),
        (["compare", "--no-such-flag"], "deepdiff: error: unknown option '--no-such-flag'; see 'deepdiff compare --help'"),
        (["compare", "--two\nlines"], "deepdiff: error: unknown option '--two lines'; see 'deepdiff compare --help'"),
        (["compare", "--password=hunter2"], "deepdiff: error: unknown option '--password'; see 'deepdiff compare --help'"),
        (["snapshot", "production", "-o", "prod.json", "postgresql://app:hunter2@db.example.com/app"],
         "deepdiff: error: unexpected argument 'postgresql://app:***@db.example.com/app'; see 'deepdiff snapshot --help'"),
        (["compare", "--format", "xml", "a", "b"], "deepdiff: error: --format does not take 'xml' (choose text, json, junit or markdown); see 'deepdiff compare --help'"),
        (["compare", "onlyone"], "deepdiff: error: give both SOURCE and TARGET, or neither to use the config file's default pair; see 'deepdiff compare --help'"),
        (["compare", "a", "b", "--connect-timeout", "0"], "deepdiff: error: timeouts must be positive numbers of seconds; see 'deepdiff compare --help'"),
        (["table", "t", "a", "b", "--statement-timeout", "soon"], "deepdiff: error: --statement-timeout takes a whole number, not 'soon'; see 'deepdiff table --help'"),
        (["snapshot", "db"], "deepdiff: error: missing --output <output>; see 'deepdiff snapshot --help'"),
        (["function"], "deepdiff: error: missing <name>; see 'deepdiff function --help'"),
        (["tokens", "a.sql", "b.sql"], "deepdiff: error: unexpected argument 'b.sql'; see 'deepdiff tokens --help'"),
        (["verify-migrations", "/no/such/folder", "--against", "db"], "deepdiff: error: /no/such/folder is not a folder; see 'deepdiff verify-migrations --help'"),
    ])
    func usageErrors(commandLine: [String], expected: String) throws {
        let outcome = try DeepDiffProcess.run(commandLine)
        #expect(outcome.status == 2)
        #expect(outcome.standardError == expected + "\n")
        #expect(outcome.standardOutput.isEmpty)
    }
}
