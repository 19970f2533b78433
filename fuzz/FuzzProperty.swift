#if canImport(Glibc)
import Glibc
#endif

/// A violated property: says which on standard error, then aborts so that libFuzzer saves the
/// input as a crash (libFuzzer treats SIGABRT as a finding).
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    guard !condition else { return }
    fputs("property violated: \(message())\n", stderr)
    abort()
}
