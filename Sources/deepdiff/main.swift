import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

// swift-argument-parser exits 64 on usage errors and 1 on other errors; deepdiff maps every
// failure onto its own 0/1/2 contract instead.
do {
    var command = try DeepDiff.parseAsRoot()
    try command.run()
} catch let status as ExitCode {
    exit(status.rawValue)
} catch {
    let code = DeepDiff.exitCode(for: error)
    if code == .success {
        // --help and --version
        print(DeepDiff.fullMessage(for: error))
        exit(ExitStatus.same.rawValue)
    }
    let message = DeepDiff.fullMessage(for: error)
    FileHandleOutput.standardError.write("deepdiff: \(message.isEmpty ? String(describing: error) : message)\n")
    exit(ExitStatus.error.rawValue)
}
