import Dispatch
import PostgresClient
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C (SIGINT) and SIGTERM: cancel every running catalog query on its server, then exit 2 with
/// one line, "deepdiff: interrupted".
///
/// Cancelling on the server matters because a query blocked on a lock or scanning a huge catalog
/// would otherwise keep running there after the client is gone. Connections take part by
/// registering while they read (`register` / `unregister`); `install()` is called once at start-up.
enum Interruption {
    /// Replaces the default (die at once) handling of SIGINT and SIGTERM with `interrupt()`.
    static func install() {
        sources.forEach { $0.resume() }
    }

    /// Makes `connection`'s running query cancellable by an interruption until `unregister`.
    static func register(_ connection: PostgresConnection) {
        live.withLock { $0[ObjectIdentifier(connection)] = connection }
    }

    /// Ends what `register` began; call it before the connection is closed.
    static func unregister(_ connection: PostgresConnection) {
        live.withLock { $0[ObjectIdentifier(connection)] = nil }
    }

    /// The registered connections. The registry keeps each alive, so a cancel never reaches a
    /// closed connection; the lock is held while cancelling for the same reason.
    private static let live = LockedConnections()

    /// Dispatch sources watching SIGINT and SIGTERM. Each signal's default action is ignored
    /// first, as a dispatch source only sees signals that do not kill the process. Dispatch
    /// sources are thread-safe; the array is created once and never changed.
    nonisolated(unsafe) private static let sources: [any DispatchSourceSignal] = [SIGINT, SIGTERM].map { signalNumber in
        signal(signalNumber, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global(qos: .userInitiated))
        source.setEventHandler(handler: interrupt)
        return source
    }

    private static func interrupt() {
        // Exit with the lock still held: a reading thread whose query the cancel just failed stops
        // in `unregister` instead of going on to print that failure after "interrupted".
        live.withLock { connections in
            for connection in connections.values { connection.cancelRunningQuery() }
            StandardStream.error.write("deepdiff: interrupted\n")
            exit(ExitStatus.error.rawValue)
        }
    }
}

/// Connections by identity, behind a lock.
private final class LockedConnections: Sendable {
    private let connections = Mutex<[ObjectIdentifier: PostgresConnection]>([:])

    func withLock(_ body: (inout [ObjectIdentifier: PostgresConnection]) -> Void) {
        connections.withLock { body(&$0) }
    }
}
