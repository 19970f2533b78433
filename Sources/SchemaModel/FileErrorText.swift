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
        if let posix = posixError(in: error) { return reason(errorNumber: posix.code.rawValue) }
        return String(describing: error)
    }

    /// The system's reason for the error number `errorNumber` (an `errno`).
    public static func reason(errorNumber: Int32) -> String {
        String(cString: strerror(errorNumber))
    }

    private static func posixError(in error: any Error) -> POSIXError? {
        if let posix = error as? POSIXError { return posix }
        if let cocoa = error as? CocoaError, let underlying = cocoa.underlying { return posixError(in: underlying) }
        return nil
    }
}
