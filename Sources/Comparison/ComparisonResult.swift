import SchemaModel

/// Everything a comparison of two snapshots found: a verdict per object, with the proof
/// (fingerprints), the attribute differences and readable diffs. Reporters are functions of it.
public struct ComparisonResult: Codable, Hashable, Sendable {
    /// The side treated as the reference (e.g. production).
    public var source: SideDescription
    /// The side compared against it (e.g. staging).
    public var target: SideDescription
    /// One entry per object present on either side, sorted by identity.
    public var objects: [ObjectComparison]
    /// Kinds of object deepdiff does not model, counted on each side.
    public var unmodeledObjects: UnmodeledCounts
    /// How the two sides' migration histories compare; nil when neither side has one or they were
    /// not compared (see `attachingMigrationHistories(source:target:)`).
    public var migrationHistory: MigrationHistoryComparison?
    /// A folder of migration files set against each side's history; nil unless one was given
    /// (`--migrations-dir`) for a full comparison.
    public var migrationFiles: MigrationFilesReport?

    /// Creates a result; objects are kept sorted by identity.
    public init(source: SideDescription, target: SideDescription, objects: [ObjectComparison], unmodeledObjects: UnmodeledCounts,
                migrationHistory: MigrationHistoryComparison? = nil, migrationFiles: MigrationFilesReport? = nil) {
        self.init(source: source, target: target, objectsInOrder: IdentityOrder.sorted(objects) { $0.identity },
                  unmodeledObjects: unmodeledObjects, migrationHistory: migrationHistory, migrationFiles: migrationFiles)
    }

    /// Creates a result from objects already sorted by identity.
    init(source: SideDescription, target: SideDescription, objectsInOrder objects: [ObjectComparison], unmodeledObjects: UnmodeledCounts,
         migrationHistory: MigrationHistoryComparison? = nil, migrationFiles: MigrationFilesReport? = nil) {
        self.source = source
        self.target = target
        self.objects = objects
        self.unmodeledObjects = unmodeledObjects
        self.migrationHistory = migrationHistory
        self.migrationFiles = migrationFiles
    }
}

/// Which database one side is, as shown in reports (never with a password).
public struct SideDescription: Codable, Hashable, Sendable {
    /// A short name: an environment name from the config file, a snapshot file name, or the
    /// masked connection target.
    public var label: String
    /// The database's name.
    public var database: String
    /// The server the side was read from.
    public var server: ServerInfo

    /// Creates a side description.
    public init(label: String, database: String, server: ServerInfo) {
        self.label = label
        self.database = database
        self.server = server
    }
}

/// Counts of unmodeled object kinds on each side, by kind name.
public struct UnmodeledCounts: Codable, Hashable, Sendable {
    /// In the source database.
    public var source: [String: Int]
    /// In the target database.
    public var target: [String: Int]

    /// Creates the counts.
    public init(source: [String: Int], target: [String: Int]) {
        self.source = source
        self.target = target
    }
}

/// The comparison of one object present on at least one side.
public struct ObjectComparison: Codable, Hashable, Sendable {
    // The verdict is declared first: the public initializer calls the memberwise one the compiler
    // makes, which so has other labels (see `SchemaObject` for why).
    /// The outcome.
    public var verdict: Verdict
    /// The object compared.
    public var identity: ObjectIdentity
    /// Fingerprints of the definition on each side (absent for a side that lacks the object, or
    /// for objects without a definition).
    public var source: DefinitionProof?
    /// See `source`.
    public var target: DefinitionProof?
    /// Attributes whose values differ, each named precisely; empty when none do.
    public var attributeDifferences: [AttributeDifference]
    /// The readable diff of the definitions, for `different` (and, with `--show-formatting`,
    /// `equivalent`) definitions.
    public var diff: DefinitionDiff?
    /// For an object present on one side only that belongs to a table, view or materialized view
    /// (a column, constraint, index, trigger, policy or rule), that relation, so reports can show
    /// it under a relation missing with it; nil otherwise.
    public var owningRelation: RelationReference?
}

extension ObjectComparison {
    /// Creates an object comparison.
    public init(identity: ObjectIdentity, verdict: Verdict, source: DefinitionProof? = nil, target: DefinitionProof? = nil,
                attributeDifferences: [AttributeDifference] = [], diff: DefinitionDiff? = nil,
                owningRelation: RelationReference? = nil) {
        self.init(verdict: verdict, identity: identity, source: source, target: target,
                  attributeDifferences: attributeDifferences, diff: diff, owningRelation: owningRelation)
    }
}

/// A table, view or materialized view named by schema and name (its kind is not always known:
/// an index records only the name of what it indexes).
public struct RelationReference: Codable, Hashable, Sendable {
    /// The relation's schema.
    public var schema: String?
    /// The relation's name.
    public var name: String

    /// Creates a reference.
    public init(schema: String?, name: String) {
        self.schema = schema
        self.name = name
    }
}

/// The proof of what one side's definition is: the digest of its exact text and of its
/// normalized token stream.
public struct DefinitionProof: Codable, Hashable, Sendable {
    // In another order than `init(exact:normalized:)` takes them (see `ObjectComparison`).
    /// SHA-256 of the canonical (normalized) form.
    public var normalized: Fingerprint
    /// SHA-256 of the exact text.
    public var exact: Fingerprint
}

extension DefinitionProof {
    /// Creates a proof.
    public init(exact: Fingerprint, normalized: Fingerprint) {
        self.init(normalized: normalized, exact: exact)
    }
}

/// One attribute whose value differs between the sides.
public struct AttributeDifference: Codable, Hashable, Sendable {
    /// The attribute's name (see `AttributeName`), or `column order` for a table whose shared
    /// columns appear in another order.
    public var name: String
    /// Its value in the source, nil when the source has no such attribute.
    public var source: AttributeValue?
    /// Its value in the target, nil when the target has no such attribute.
    public var target: AttributeValue?
    /// Whether it decides who may see or do what (owners, grants, RLS, security definer...).
    public var isSecurityRelevant: Bool
    /// Whether the values differ only in formatting (SQL expressions with equal fingerprints).
    public var isFormattingOnly: Bool

    /// Creates an attribute difference.
    public init(name: String, source: AttributeValue?, target: AttributeValue?, isSecurityRelevant: Bool, isFormattingOnly: Bool = false) {
        self.name = name
        self.source = source
        self.target = target
        self.isSecurityRelevant = isSecurityRelevant
        self.isFormattingOnly = isFormattingOnly
    }
}

/// A line diff of two definitions, in hunks, with changed tokens marked.
public struct DefinitionDiff: Codable, Hashable, Sendable {
    /// The hunks shown: those with a real token change, plus formatting-only ones when asked for.
    public var hunks: [DiffHunk]
    /// How many formatting-only hunks were left out.
    public var omittedFormattingHunks: Int

    /// Creates a diff.
    public init(hunks: [DiffHunk], omittedFormattingHunks: Int) {
        self.hunks = hunks
        self.omittedFormattingHunks = omittedFormattingHunks
    }
}

/// A run of diff lines with their positions in both texts.
public struct DiffHunk: Codable, Hashable, Sendable {
    /// 1-based line number of the hunk's first line in the source text.
    public var sourceStart: Int
    /// Number of source lines the hunk covers.
    public var sourceCount: Int
    /// 1-based line number of the hunk's first line in the target text.
    public var targetStart: Int
    /// Number of target lines the hunk covers.
    public var targetCount: Int
    /// Whether the hunk changes formatting only (no significant token differs).
    public var isFormattingOnly: Bool
    /// The lines, in order.
    public var lines: [DiffLine]

    /// Creates a hunk.
    public init(sourceStart: Int, sourceCount: Int, targetStart: Int, targetCount: Int, isFormattingOnly: Bool, lines: [DiffLine]) {
        self.sourceStart = sourceStart
        self.sourceCount = sourceCount
        self.targetStart = targetStart
        self.targetCount = targetCount
        self.isFormattingOnly = isFormattingOnly
        self.lines = lines
    }
}

/// One line of a diff.
public struct DiffLine: Codable, Hashable, Sendable {
    /// Whether the line is shared, only in the source (removed) or only in the target (added).
    public enum Change: String, Codable, Hashable, Sendable { case context, removed, added }

    /// Which side(s) the line belongs to.
    public var change: Change
    /// The line's text, without its line break.
    public var text: String
    /// UTF-8 byte ranges within `text` of the tokens that really changed (for marking).
    public var changedTokens: [ByteRange]

    /// Creates a diff line.
    public init(change: Change, text: String, changedTokens: [ByteRange] = []) {
        self.change = change
        self.text = text
        self.changedTokens = changedTokens
    }
}

/// A half-open range of UTF-8 byte offsets, `start..<end`.
public struct ByteRange: Codable, Hashable, Sendable {
    /// First byte.
    public var start: Int
    /// One past the last byte.
    public var end: Int

    /// Creates a range.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}
