import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Says in a few words why reading or writing a file failed: the system's reason ("No such file or
/// directory", "Permission denied") when the error carries one, else the error as it prints.
public enum FileErrorText {
    /// The reason behind `error`, one line.
    public static func reason(for error: any Error) -> String {
        if let posix = posixError(in: error) { return String(cString: strerror(posix.code.rawValue)) }
        return String(describing: error)
    }

    private static func posixError(in error: any Error) -> POSIXError? {
        if let posix = error as? POSIXError { return posix }
        if let cocoa = error as? CocoaError, let underlying = cocoa.underlying { return posixError(in: underlying) }
        return nil
    }
}
