/// Everything deepdiff read from one database: the server it came from and every object in scope.
///
/// A snapshot written to a file (see `SnapshotFile`) can stand in for a live database on either side
/// of a comparison.
public struct Snapshot: Codable, Hashable, Sendable {
    /// The format this build writes; files from a newer format are refused with a clear error.
    public static let currentFormatVersion = 1
    /// The marker that tells a deepdiff snapshot from any other JSON file.
    public static let formatName = "deepdiff-snapshot"

    /// Always `formatName`.
    public var format: String
    /// The snapshot format version it was written in.
    public var formatVersion: Int
    /// The server the objects were read from.
    public var server: ServerInfo
    /// The database's name.
    public var database: String
    /// The schemas that were read (after include/exclude filters), sorted.
    public var schemas: [String]
    /// Every object read, sorted by identity.
    public var objects: [SchemaObject] {
        didSet { objectsAreStrictlyInIdentityOrder = false }
    }
    /// Whether `objects` is known to be sorted with no two identities alike, as `init` leaves it;
    /// false once they are changed, and for decoded snapshots, whose order has to be checked.
    public private(set) var objectsAreStrictlyInIdentityOrder = false
    /// Kinds of object deepdiff does not model, with how many the database holds in scope, so that
    /// nothing is skipped in silence (e.g. `"foreign table": 2`).
    public var unmodeledObjects: [String: Int]
    /// The migration-history tables found in the database, one per tool (empty when none, and in
    /// files written before deepdiff read histories).
    public var migrationHistories: [MigrationHistory]
    /// Whether this process computed every definition's fingerprint from its text (a live read), so a
    /// comparison may rely on them without normalizing again. Never stored in a file: fingerprints
    /// loaded from one may come from another deepdiff version or a hand edit, and are recomputed.
    public var fingerprintsComputedHere = false

    /// Creates a snapshot; objects are kept sorted by identity.
    public init(server: ServerInfo, database: String, schemas: [String], objects: [SchemaObject], unmodeledObjects: [String: Int] = [:],
                migrationHistories: [MigrationHistory] = []) {
        self.format = Self.formatName
        self.formatVersion = Self.currentFormatVersion
        self.server = server
        self.database = database
        self.schemas = schemas.sorted()
        (self.objects, objectsAreStrictlyInIdentityOrder) = IdentityOrder.sortedNotingDuplicates(objects) { $0.identity }
        self.unmodeledObjects = unmodeledObjects
        self.migrationHistories = migrationHistories
    }

    private enum CodingKeys: String, CodingKey {
        case format, formatVersion, server, database, schemas, objects, unmodeledObjects, migrationHistories
    }

    /// Equal when everything read is equal, however the fingerprints came to be.
    public static func == (lhs: Snapshot, rhs: Snapshot) -> Bool {
        (lhs.format, lhs.formatVersion, lhs.server, lhs.database, lhs.schemas) == (rhs.format, rhs.formatVersion, rhs.server, rhs.database, rhs.schemas)
            && lhs.objects == rhs.objects && lhs.unmodeledObjects == rhs.unmodeledObjects && lhs.migrationHistories == rhs.migrationHistories
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(database)
        hasher.combine(objects)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        server = try container.decode(ServerInfo.self, forKey: .server)
        database = try container.decode(String.self, forKey: .database)
        schemas = try container.decode([String].self, forKey: .schemas)
        objects = try container.decode([SchemaObject].self, forKey: .objects)
        unmodeledObjects = try container.decode([String: Int].self, forKey: .unmodeledObjects)
        migrationHistories = try container.decodeIfPresent([MigrationHistory].self, forKey: .migrationHistories) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encode(server, forKey: .server)
        try container.encode(database, forKey: .database)
        try container.encode(schemas, forKey: .schemas)
        try container.encode(objects, forKey: .objects)
        try container.encode(unmodeledObjects, forKey: .unmodeledObjects)
        // Left out when empty, so files of databases without a history read as before.
        if !migrationHistories.isEmpty { try container.encode(migrationHistories, forKey: .migrationHistories) }
    }
}

/// The PostgreSQL server a snapshot was read from.
public struct ServerInfo: Codable, Hashable, Sendable {
    /// `server_version_num`, e.g. 150018 or 180006.
    public var versionNumber: Int
    /// The human version string, e.g. "15.18".
    public var version: String

    /// Creates server information.
    public init(versionNumber: Int, version: String) {
        self.versionNumber = versionNumber
        self.version = version
    }

    /// The major version, e.g. 15 or 18.
    public var majorVersion: Int { versionNumber / 10_000 }
}
