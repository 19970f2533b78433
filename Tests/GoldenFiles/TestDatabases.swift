import Foundation

/// The throwaway PostgreSQL clusters that `scripts/with-test-clusters` starts, and the demo
/// databases loaded into them once per test run.
public enum TestDatabases {
    /// A missing cluster is a failure with instructions, never a silent skip.
    public struct Unavailable: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// The libpq keyword string of the PostgreSQL `major` cluster (15 or 18).
    public static func cluster(_ major: Int) throws -> String {
        let variable = "DEEPDIFF_TEST_PG\(major)"
        guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else {
            throw Unavailable(description: "\(variable) is not set: run the tests with scripts/test (or scripts/with-test-clusters swift test)")
        }
        return value
    }

    /// The password of `postgres` over TCP in the test clusters.
    public static var password: String { ProcessInfo.processInfo.environment["DEEPDIFF_TEST_PASSWORD"] ?? "deepdiff-test-secret" }

    /// The TCP port of a cluster, read from its keyword string.
    public static func port(_ major: Int) throws -> String {
        let words = try cluster(major).split(separator: " ")
        guard let port = words.first(where: { $0.hasPrefix("port=") }) else {
            throw Unavailable(description: "no port in DEEPDIFF_TEST_PG\(major)")
        }
        return String(port.dropFirst("port=".count))
    }

    /// The demo's production and staging databases in cluster `major`, loaded on first use.
    public static func demo(_ major: Int) throws -> DemoPair {
        let base = try cluster(major)
        return try DemoLoads.shared.pair(major: major, base: base)
    }

    /// Runs a repository script and fails with its output when it fails.
    public static func runScript(_ name: String, _ arguments: [String]) throws {
        let script = GoldenFile.repositoryRoot.appendingPathComponent("scripts").appendingPathComponent(name)
        try ChildProcess.succeeding("scripts/\(name)", script, arguments)
    }
}

/// The two demo databases of one cluster, as connection strings.
public struct DemoPair: Sendable {
    /// The production database (schema pasted by hand).
    public let production: String
    /// The staging database (migrations applied).
    public let staging: String
}

/// Loads each cluster's demo databases once, whichever test asks first.
final class DemoLoads: @unchecked Sendable {
    static let shared = DemoLoads()
    private let lock = NSLock()
    private var loaded: [Int: Result<DemoPair, any Error>] = [:]

    func pair(major: Int, base: String) throws -> DemoPair {
        lock.lock()
        defer { lock.unlock() }
        if let result = loaded[major] { return try result.get() }
        let result = Result { () throws -> DemoPair in
            try TestDatabases.runScript("load-demo", ["e2e_production", "e2e_staging", base])
            return DemoPair(production: "\(base) dbname=e2e_production", staging: "\(base) dbname=e2e_staging")
        }
        loaded[major] = result
        return try result.get()
    }
}
