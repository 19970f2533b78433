import Foundation

/// The statements a cluster's `server.log` records from the moment this value is made.
struct StatementLog {
    private let file: URL
    private let start: UInt64

    init(_ cluster: TestCluster) throws {
        file = URL(fileURLWithPath: cluster.directory).appendingPathComponent("server.log")
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        start = try handle.seekToEnd()
    }

    /// The first line of each statement that `log_statement = 'all'` wrote since: simple queries
    /// (`LOG:  statement: …`) and extended-protocol executions (`LOG:  execute <unnamed>: …`).
    func statementsSinceStart() throws -> [String] {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        try handle.seek(toOffset: start)
        let text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        return text.split(separator: "\n").compactMap { line in
            if let range = line.range(of: "LOG:  statement: ") { return String(line[range.upperBound...]) }
            if let range = line.range(of: "LOG:  execute "), let colon = line[range.upperBound...].range(of: ": ") {
                return String(line[colon.upperBound...])
            }
            return nil
        }
    }
}
