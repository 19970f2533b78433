import SchemaModel

/// Migration files set against one database's history: which files it records as applied, which
/// not, which it applied from a text that has been edited since, and which versions it records
/// without a file.
public struct MigrationFileComparison: Codable, Hashable, Sendable {
    /// Where one file stands in the history.
    public enum Status: String, Codable, Hashable, Sendable {
        /// Recorded, with the same statements (or the history keeps none to compare).
        case applied
        /// Not recorded.
        case notApplied = "not_applied"
        /// Recorded, but the recorded statements' normalized fingerprint differs from the file's.
        case editedSinceApplied = "edited_since_applied"
    }

    /// One file and its status.
    public struct Entry: Codable, Hashable, Sendable {
        /// The file as a record (version, name, fingerprint of its text).
        public var file: MigrationRecord
        /// Its status.
        public var status: Status
        /// The history's record of the same version, when there is one.
        public var recorded: MigrationRecord?
    }

    /// One entry per file, in the files' order.
    public var files: [Entry]
    /// Versions the history records that no file has.
    public var recordedWithoutFile: [MigrationRecord]

    /// Compares the files (as records, e.g. `MigrationDirectory.history.entries`) with a history;
    /// a nil history means none was found, so no file is applied.
    public init(files: [MigrationRecord], history: MigrationHistory?) {
        let recorded = history?.entries ?? []
        var byVersion: [String: MigrationRecord] = [:]
        for record in recorded where byVersion[record.version] == nil { byVersion[record.version] = record }
        self.files = files.map { file in
            guard let record = byVersion[file.version] else { return Entry(file: file, status: .notApplied, recorded: nil) }
            if let fileFingerprint = file.statementsFingerprint, let recordedFingerprint = record.statementsFingerprint,
               fileFingerprint != recordedFingerprint {
                return Entry(file: file, status: .editedSinceApplied, recorded: record)
            }
            return Entry(file: file, status: .applied, recorded: record)
        }
        let fileVersions = Set(files.map(\.version))
        recordedWithoutFile = recorded.filter { !fileVersions.contains($0.version) }
    }

    /// Whether every file is applied unchanged and every recorded version has its file.
    public var isInSync: Bool { files.allSatisfy { $0.status == .applied } && recordedWithoutFile.isEmpty }
}
