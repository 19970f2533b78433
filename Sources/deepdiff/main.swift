import CommandLineArguments
import PostgresClient
#if canImport(Glibc)
import CMalloc
import Glibc
#endif

#if canImport(Glibc)
// malloc's arenas grow 32 MB of address space at a time (pages are only used once touched). By
// default the arena of each thread reading a side grows a few pages at a time, with a system call
// each: 4,122 of them in a compare of two 17,500-object databases (now 35), about 4 % of its time.
// (One arena for all threads as well saved a tenth of the page faults, but the threads then
// contend for its lock, and no time was saved.)
mallopt(M_TOP_PAD, 32 << 20)
#endif

/// Ends the process with a usage error: one line, and where to read how the command is used. A
/// usage error may quote a word of the command line: a connection string's password is masked.
func exitWithUsageError(_ problem: UsageError, of command: CommandInterface?) -> Never {
    let message = CommandLine.arguments.dropFirst().reduce(UserFacingError.describe(problem)) { message, word in
        ConnectionTarget.containsPassword(word) ? message.replacing(word, with: ConnectionString.masked(word)) : message
    }
    StandardStream.error.write("deepdiff: error: \(message); \(DeepDiff.program.helpHint(for: command))\n")
    exit(ExitStatus.error.rawValue)
}

// Every way out maps onto deepdiff's contract: 0 same, 1 differences found, 2 error.
Interruption.install()
let command: any Command
do {
    switch try DeepDiff.program.invocation(for: Array(CommandLine.arguments.dropFirst())) {
    case .help(let text):
        StandardStream.output.write(text)
        exit(ExitStatus.same.rawValue)
    case .version(let version):
        StandardStream.output.write(version + "\n")
        exit(ExitStatus.same.rawValue)
    case .run(let interface, let arguments):
        do {
            command = try DeepDiff.command(interface, arguments)
        } catch {
            exitWithUsageError(error, of: interface)
        }
    }
} catch {
    exitWithUsageError(error.problem, of: error.command)
}

do {
    exit(try command.run().rawValue)
} catch {
    StandardStream.error.write("deepdiff: error: \(UserFacingError.describe(error))\n")
    exit(ExitStatus.error.rawValue)
}
