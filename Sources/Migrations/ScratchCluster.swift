import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SchemaModel

/// A throwaway PostgreSQL cluster that deepdiff starts in a temporary folder (unix socket only, no
/// TCP) and removes with `remove()`.
///
/// The server refuses to run as root, so as root the cluster belongs to the `postgres` system user,
/// as `scripts/pg-cluster` does it.
struct ScratchCluster: Sendable {
    /// The folder holding the data directory, the socket and the log.
    let folder: String
    /// The folder of `initdb` and `pg_ctl`.
    let binaries: String
    /// The libpq keyword string of the cluster's `postgres` database.
    let connectionString: String

    /// The port in the socket's file name; nothing listens on TCP, so no other server can collide.
    private static let port = 5432

    /// Starts a cluster, preferring the binaries of PostgreSQL `preferredMajor` (the compared
    /// database's version, so both print definitions alike).
    static func start(preferredMajor: Int?) throws(MigrationError) -> ScratchCluster {
        guard let binaries = binaryFolder(preferredMajor: preferredMajor) else {
            throw MigrationError(.shadowUnavailable(
                "no initdb found (looked in `pg_config --bindir`, PATH and /usr/lib/postgresql/*/bin); install PostgreSQL or give --shadow URL"))
        }
        let template = FileManager.default.temporaryDirectory.appendingPathComponent("deepdiff-shadow.XXXXXX").path
        var buffer = Array(template.utf8CString)
        guard let created = mkdtemp(&buffer) else { throw MigrationError(.shadowUnavailable("cannot create a temporary folder")) }
        let folder = String(cString: created)
        let cluster = ScratchCluster(folder: folder, binaries: binaries,
                                     connectionString: "host=\(folder) port=\(port) user=postgres dbname=postgres")
        do {
            try cluster.initializeAndStart()
        } catch {
            cluster.remove()
            throw error
        }
        return cluster
    }

    /// Stops the server at once (its data is thrown away) and deletes the folder.
    func remove() {
        let data = PathText.joined(folder, "data")
        if FileManager.default.fileExists(atPath: PathText.joined(data, "postmaster.pid")) {
            _ = try? Self.run(asServerUser: true, PathText.joined(binaries, "pg_ctl"),
                              ["-D", data, "-m", "immediate", "-w", "stop"])
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func initializeAndStart() throws(MigrationError) {
        let data = PathText.joined(folder, "data")
        if Self.isRoot {
            // The server user must own the folder it writes the data, socket and log into.
            _ = try Self.run(asServerUser: false, "/bin/chown", ["postgres:", folder])
        }
        let initdb = try Self.run(asServerUser: true, PathText.joined(binaries, "initdb"),
                                  ["-D", data, "-U", "postgres", "--auth-local=trust", "-E", "UTF8", "--locale=C.UTF-8"])
        guard initdb.status == 0 else { throw MigrationError(.shadowUnavailable("initdb failed: \(initdb.output.suffix(400))")) }
        let settings = """

            port = \(Self.port)
            listen_addresses = ''
            unix_socket_directories = '\(folder)'
            fsync = off
            synchronous_commit = off
            full_page_writes = off

            """
        // Appended in place: the file belongs to the server's user, which must go on reading it.
        let configuration = open(PathText.joined(data, "postgresql.conf"), O_WRONLY | O_APPEND)
        defer { if configuration >= 0 { close(configuration) } }
        let bytes = Array(settings.utf8)
        guard configuration >= 0, write(configuration, bytes, bytes.count) == bytes.count else {
            throw MigrationError(.shadowUnavailable("cannot configure the scratch cluster: \(FileErrorText.reason(errorNumber: errno))"))
        }
        let log = PathText.joined(folder, "server.log")
        let started = try Self.run(asServerUser: true, PathText.joined(binaries, "pg_ctl"),
                                   ["-D", data, "-l", log, "-w", "-t", "60", "start"])
        guard started.status == 0 else {
            let serverLog = (try? String(contentsOfFile: log, encoding: .utf8)) ?? started.output
            throw MigrationError(.shadowUnavailable("the scratch server did not start: \(serverLog.suffix(400))"))
        }
    }

    /// The first folder holding `initdb` and `pg_ctl`: PostgreSQL `preferredMajor`'s Debian folder,
    /// `pg_config --bindir`, the folder of an `initdb` on PATH, then the newest Debian folder.
    static func binaryFolder(preferredMajor: Int?) -> String? {
        var candidates: [String] = []
        if let preferredMajor { candidates.append("/usr/lib/postgresql/\(preferredMajor)/bin") }
        if let pgConfig = executable(named: "pg_config"), let result = try? run(asServerUser: false, pgConfig, ["--bindir"]),
           result.status == 0 {
            candidates.append(result.output.trimmingWhitespace)
        }
        if let initdb = executable(named: "initdb") {
            candidates.append(URL(fileURLWithPath: initdb).resolvingSymlinksInPath().deletingLastPathComponent().path)
        }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        candidates += versions.compactMap(Int.init).sorted(by: >).map { "/usr/lib/postgresql/\($0)/bin" }
        return candidates.first { folder in
            ["initdb", "pg_ctl"].allSatisfy { FileManager.default.isExecutableFile(atPath: PathText.joined(folder, $0)) }
        }
    }

    private static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { PathText.joined($0, name) }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static var isRoot: Bool { geteuid() == 0 }

    /// Runs a program to completion, as the `postgres` user when asked and running as root, and
    /// returns its status with standard output and error together.
    ///
    /// Spawned directly rather than with `Process`: the server `pg_ctl` starts lives on, and must not
    /// inherit any other descriptor of this process (a pipe it kept open would never see its end), so
    /// the child gets only /dev/null and a log file.
    private static func run(asServerUser: Bool, _ program: String, _ arguments: [String]) throws(MigrationError) -> (status: Int32, output: String) {
        let command = asServerUser && isRoot ? ["/usr/sbin/runuser", "-u", "postgres", "--", program] + arguments : [program] + arguments
        let template = FileManager.default.temporaryDirectory.appendingPathComponent("deepdiff-command.XXXXXX").path
        var logName = Array(template.utf8CString)
        let logDescriptor = mkstemp(&logName)
        guard logDescriptor >= 0 else { throw MigrationError(.shadowUnavailable("cannot create a temporary file")) }
        let logPath = String(decoding: logName.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer {
            close(logDescriptor)
            unlink(logPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, logDescriptor, 1)
        posix_spawn_file_actions_adddup2(&actions, logDescriptor, 2)
        for descriptor in inheritableDescriptors() where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw MigrationError(.shadowUnavailable("cannot run \(command[0]): \(FileErrorText.reason(errorNumber: spawned))"))
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        // The exit status is in bits 8–15 when the child exited normally (WIFEXITED: low 7 bits zero).
        let exitStatus: Int32 = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (exitStatus, output)
    }

    /// This process's open descriptors, from /proc/self/fd (empty where there is no /proc).
    private static func inheritableDescriptors() -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap(Int32.init)
    }
}
