import Comparison
import FoundationEssentials
import SchemaModel

/// A folder of migration files named `<version>_<name>.sql`, as `supabase/migrations` holds them,
/// read in version order.
public struct MigrationDirectory: Sendable {
    /// One migration file.
    public struct File: Hashable, Sendable {
        /// The file's path.
        public var path: String
        /// The file's text.
        public var text: String
        /// The file as a history would record it: version and name from the file name, the whole text
        /// as its statements.
        public var record: MigrationRecord

        /// The file's name without its folder.
        public var fileName: String { URL(fileURLWithPath: path).lastPathComponent }
    }

    /// The folder.
    public let path: String
    /// The migration files, by version.
    public let files: [File]
    /// `.sql` files whose names do not have the `<version>_<name>.sql` form, left out as Supabase's CLI
    /// leaves them out.
    public let skippedFiles: [String]

    /// Reads every `.sql` file of `path` (not its subfolders).
    public init(path: String) throws(MigrationError) {
        self.path = path
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw MigrationError(.unreadable(path: path, reason: "not a readable folder"))
        }
        var files: [File] = [], skipped: [String] = []
        for name in names.sorted() where name.hasSuffix(".sql") {
            guard let (version, migrationName) = Self.versionAndName(of: name) else {
                skipped.append(name)
                continue
            }
            let filePath = PathText.joined(path, name)
            guard let data = FileManager.default.contents(atPath: filePath) else {
                throw MigrationError(.unreadable(path: filePath, reason: "the file cannot be read"))
            }
            let text = String(decoding: data, as: UTF8.self)
            files.append(File(path: filePath, text: text, record: MigrationRecord(
                version: version, name: migrationName, statementsFingerprint: SQLStatement.fingerprint(of: [text]), statements: [text])))
        }
        self.files = files.sorted { ($0.record.version, $0.fileName) < ($1.record.version, $1.fileName) }
        self.skippedFiles = skipped
    }

    /// The files as one history, to compare with a database's (see `MigrationFileComparison`).
    public var history: MigrationHistory {
        MigrationHistory(framework: .supabase, table: path, entries: files.map(\.record))
    }

    /// `(version, name)` of a file named `<digits>_<name>.sql`, else nil.
    static func versionAndName(of fileName: String) -> (String, String)? {
        let stem = fileName.dropLast(".sql".count)
        guard let underscore = stem.firstIndex(of: "_") else { return nil }
        let version = stem[..<underscore], name = stem[stem.index(after: underscore)...]
        guard !version.isEmpty, version.allSatisfy(\.isASCII), version.allSatisfy(\.isNumber), !name.isEmpty else { return nil }
        return (String(version), String(name))
    }
}
