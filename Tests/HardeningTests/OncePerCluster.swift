import Foundation

/// Something set up in a test cluster once per test run, whichever test asks first (later callers
/// wait for it, and share its failure too).
final class OncePerCluster<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: Result<Value, any Error>] = [:]
    private let setUp: @Sendable (TestCluster) throws -> Value

    init(_ setUp: @escaping @Sendable (TestCluster) throws -> Value) {
        self.setUp = setUp
    }

    /// The value for cluster `major`, set up now if this is the first call.
    func value(_ major: Int) throws -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let result = results[major] { return try result.get() }
        let result = Result { try setUp(TestCluster(major)) }
        results[major] = result
        return try result.get()
    }
}
