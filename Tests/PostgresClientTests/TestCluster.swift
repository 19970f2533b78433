import Foundation
import PostgresClient
import Testing

/// A throwaway cluster started by scripts/with-test-clusters, described by its environment variable.
enum TestCluster: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case pg15 = "DEEPDIFF_TEST_PG15"
    case pg18 = "DEEPDIFF_TEST_PG18"

    var testDescription: String { self == .pg15 ? "PostgreSQL 15" : "PostgreSQL 18" }

    /// The server versions (PQserverVersion) this cluster may report.
    var versionNumbers: Range<Int> { self == .pg15 ? 150_000..<160_000 : 180_000..<190_000 }

    /// The libpq keyword string for the unix socket (user postgres, trusted).
    func keywordString() throws -> String {
        try #require(ProcessInfo.processInfo.environment[rawValue],
                     "\(rawValue) is not set: run these tests through scripts/with-test-clusters")
    }

    /// The password of `postgres` over TCP on 127.0.0.1.
    static func password() throws -> String {
        try #require(ProcessInfo.processInfo.environment["DEEPDIFF_TEST_PASSWORD"],
                     "DEEPDIFF_TEST_PASSWORD is not set: run these tests through scripts/with-test-clusters")
    }

    /// One `keyword=value` setting of the keyword string (the scripts never quote values).
    func setting(_ keyword: String) throws -> String {
        let pairs = try keywordString().split(separator: " ").map { $0.split(separator: "=", maxSplits: 1) }
        let value = pairs.first { $0.count == 2 && $0[0] == keyword }.map { String($0[1]) }
        return try #require(value, "\(rawValue) has no \(keyword)=")
    }

    /// A URI to the cluster over TCP, with `password` in its userinfo.
    func tcpURI(password: String) throws -> String {
        let encoded = try #require(password.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        return "postgresql://postgres:\(encoded)@127.0.0.1:\(try setting("port"))/postgres"
    }

    /// A connection over the unix socket, with `extra` keywords appended (later keywords win).
    func connect(_ extra: String = "") throws -> PostgresConnection {
        try PostgresConnection("\(try keywordString()) \(extra)")
    }
}
