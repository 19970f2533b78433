import Foundation

/// The large values a command ends with (snapshots, a comparison result), held until the process
/// exits: freeing tens of thousands of objects one by one takes tens of milliseconds, and the
/// operating system takes the memory back at once.
enum KeptUntilExit {
    private static let values = Values()

    /// Holds `value` until the process exits.
    static func keep(_ value: Any) { values.append(value) }

    private final class Values: @unchecked Sendable {
        private let lock = NSLock()
        private var held: [Any] = []

        func append(_ value: Any) {
            lock.lock()
            held.append(value)
            lock.unlock()
        }
    }
}
