import ArgumentParser
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

// swift-argument-parser exits 64 on usage errors and 1 on other errors; deepdiff maps every
// failure onto its own contract instead: 0 same, 1 differences found, 2 error.
Interruption.install()
var command: any ParsableCommand
do {
    command = try DeepDiff.parseAsRoot()
} catch {
    let message = DeepDiff.fullMessage(for: error)
    if DeepDiff.exitCode(for: error) == .success {
        print(message)  // --help, --version
        exit(ExitStatus.same.rawValue)
    }
    StandardStream.error.write("deepdiff: \(message)\n")
    exit(ExitStatus.error.rawValue)
}

do {
    try command.run()
    exit(ExitStatus.same.rawValue)
} catch let status as ExitCode {
    exit(status.rawValue)
} catch where DeepDiff.exitCode(for: error) == .success {
    print(DeepDiff.fullMessage(for: error))  // help requested by a command with subcommands
    exit(ExitStatus.same.rawValue)
} catch {
    StandardStream.error.write("deepdiff: error: \(UserFacingError.describe(error))\n")
    exit(ExitStatus.error.rawValue)
}
