import Foundation
import Testing

/// A throwaway cluster started by scripts/with-test-clusters, named by its environment variable.
public enum Cluster: String, CaseIterable, Sendable, CustomStringConvertible, CustomTestStringConvertible {
    case pg15 = "DEEPDIFF_TEST_PG15"
    case pg18 = "DEEPDIFF_TEST_PG18"

    public var description: String { self == .pg15 ? "PostgreSQL 15" : "PostgreSQL 18" }

    /// How test reports name a case run on this cluster.
    public var testDescription: String { description }

    /// The libpq keyword string for the cluster's `postgres` database (unix socket, trusted).
    public func keywordString() throws -> String {
        guard let value = ProcessInfo.processInfo.environment[rawValue], !value.isEmpty else {
            throw TestDatabases.Unavailable(description: "\(rawValue) is not set: run the tests through scripts/test (or scripts/with-test-clusters)")
        }
        return value
    }
}
