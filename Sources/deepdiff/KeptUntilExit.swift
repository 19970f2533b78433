import Synchronization

/// The large values a command ends with (snapshots, a comparison result), held until the process
/// exits: freeing tens of thousands of objects one by one takes tens of milliseconds, and the
/// operating system takes the memory back at once.
enum KeptUntilExit {
    private static let held = Mutex<[any Sendable]>([])

    /// Holds `value` until the process exits.
    static func keep(_ value: any Sendable) {
        held.withLock { $0.append(value) }
    }
}
