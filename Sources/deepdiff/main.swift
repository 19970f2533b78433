import ArgumentParser
#if canImport(Glibc)
import Glibc
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
    FileHandleOutput.standardError.write("deepdiff: \(message)\n")
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
    FileHandleOutput.standardError.write("deepdiff: error: \(UserFacingError.describe(error))\n")
    exit(ExitStatus.error.rawValue)
}
