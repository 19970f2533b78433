import Foundation
import GoldenFiles

/// One of the throwaway clusters of `scripts/with-test-clusters`, driven as its superuser through
/// psql: databases made for one test, SQL run in them, and sessions kept open to hold locks.
struct TestCluster: Sendable {
    /// 15 or 18.
    let major: Int
    /// The cluster's libpq keyword string (unix socket, user postgres), without a database.
    let base: String

    init(_ major: Int) throws {
        self.major = major
        self.base = try TestDatabases.cluster(major)
    }

    /// The folder holding the cluster's socket and its `server.log`.
    var directory: String {
        base.split(separator: " ").first { $0.hasPrefix("host=") }.map { String($0.dropFirst("host=".count)) } ?? ""
    }

    /// The keyword string for `database`, as `user` (a later keyword wins in libpq).
    func connection(to database: String, user: String = "postgres") -> String {
        "\(base) dbname=\(database) user=\(user)"
    }

    /// A database name no other test uses, with `stem` in it for whoever reads the server log.
    static func uniqueName(_ stem: String) -> String {
        "hd_\(stem)_\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// Creates `name` (dropping any leftover of that name) from `template`.
    func createDatabase(_ name: String, template: String = "template0") throws {
        // Two -c options: psql runs one -c holding several statements as a single transaction.
        try psql("postgres", ["-c", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)",
                              "-c", "CREATE DATABASE \(name) TEMPLATE \(template) ENCODING 'UTF8'"])
    }

    /// Runs `sql` in `database` as the superuser, stopping at the first error (which is thrown
    /// with psql's output).
    func run(_ sql: String, in database: String) throws {
        try psql(database, ["-c", sql])
    }

    /// Runs a SQL file in `database` in one transaction.
    func runFile(_ path: String, in database: String) throws {
        try psql(database, ["-1", "-f", path])
    }

    /// The single value `sql` selects, as psql prints it unaligned.
    func value(_ sql: String, in database: String) throws -> String {
        try psql(database, ["-A", "-t", "-c", sql]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @discardableResult
    private func psql(_ database: String, _ arguments: [String]) throws -> String {
        try ChildProcess.succeeding("psql in \(database)", Self.psqlExecutable,
                                    [connection(to: database), "-X", "-q", "-v", "ON_ERROR_STOP=1"] + arguments,
                                    environment: ["PGOPTIONS": "-c client_min_messages=warning", "PATH": "/usr/bin:/bin"])
    }

    /// Opens a session in `database` that runs `sql` (e.g. `BEGIN; LOCK TABLE …`) and stays open,
    /// holding whatever it took, until `LockHolder.release()`.
    func hold(_ sql: String, in database: String) throws -> LockHolder {
        let process = Process()
        process.executableURL = Self.psqlExecutable
        process.arguments = [connection(to: database), "-X", "-q", "-v", "ON_ERROR_STOP=1"]
        process.environment = ["PGAPPNAME": "hardening-lock-holder", "PATH": "/usr/bin:/bin"]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data((sql + "\n").utf8))
        return LockHolder(process: process, input: input)
    }

    /// Waits until `sql` selects `true` in `database`, for at most `seconds`.
    func waitUntil(_ sql: String, in database: String, seconds: Double = 20) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try value(sql, in: database) == "t" { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TestDatabases.Unavailable(description: "timed out waiting for: \(sql)")
    }

    private static let psqlExecutable: URL = {
        if let path = ProcessInfo.processInfo.environment["PSQL"] { return URL(fileURLWithPath: path) }
        for candidate in ["/usr/bin/psql", "/usr/lib/postgresql/15/bin/psql"] where FileManager.default.isExecutableFile(atPath: candidate) {
            return URL(fileURLWithPath: candidate)
        }
        return URL(fileURLWithPath: "psql")
    }()
}

/// A psql session kept open by a test; closing its input ends the session and its transaction.
final class LockHolder: @unchecked Sendable {
    private let process: Process
    private let input: Pipe

    init(process: Process, input: Pipe) {
        self.process = process
        self.input = input
    }

    /// Ends the session (its transaction rolls back).
    func release() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit { if process.isRunning { release() } }
}
