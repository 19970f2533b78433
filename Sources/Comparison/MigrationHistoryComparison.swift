import SchemaModel

/// How the migration histories of two databases compare, tool by tool: which versions each side
/// alone records, and which versions both record under another name or with other statements.
///
/// Pure: built from two snapshots' histories, no I/O.
public struct MigrationHistoryComparison: Codable, Hashable, Sendable {
    /// One entry per tool whose history is present on either side, in `MigrationFramework` order.
    public var histories: [FrameworkHistoryComparison]

    /// Creates a comparison.
    public init(histories: [FrameworkHistoryComparison]) {
        self.histories = histories
    }

    /// Whether every tool's two histories record the same versions with the same names and statements.
    public var isInSync: Bool { histories.allSatisfy(\.isInSync) }

    /// Compares the histories of two snapshots; nil when neither side has one.
    public static func compare(source: Snapshot, target: Snapshot) -> MigrationHistoryComparison? {
        compare(source: source.migrationHistories, target: target.migrationHistories)
    }

    /// Compares two sides' histories; nil when both lists are empty.
    ///
    /// Histories of the same tool are paired by table name first, then in order; a history without a
    /// partner is compared with an empty one, so all its versions are "only" on its side.
    public static func compare(source: [MigrationHistory], target: [MigrationHistory]) -> MigrationHistoryComparison? {
        guard !source.isEmpty || !target.isEmpty else { return nil }
        var comparisons: [FrameworkHistoryComparison] = []
        for framework in Set(source.map(\.framework) + target.map(\.framework)).sorted() {
            var sourceHistories = source.filter { $0.framework == framework }
            var targetHistories = target.filter { $0.framework == framework }
            var pairs: [(MigrationHistory?, MigrationHistory?)] = []
            for history in sourceHistories {
                if let match = targetHistories.firstIndex(where: { $0.table == history.table }) {
                    pairs.append((history, targetHistories.remove(at: match)))
                    sourceHistories.removeAll { $0 == history }
                }
            }
            while !sourceHistories.isEmpty || !targetHistories.isEmpty {
                pairs.append((sourceHistories.isEmpty ? nil : sourceHistories.removeFirst(),
                              targetHistories.isEmpty ? nil : targetHistories.removeFirst()))
            }
            comparisons += pairs.map { FrameworkHistoryComparison(framework: framework, source: $0.0, target: $0.1) }
        }
        return MigrationHistoryComparison(histories: comparisons)
    }
}

/// The comparison of one tool's history table on the two sides.
public struct FrameworkHistoryComparison: Codable, Hashable, Sendable {
    /// The tool.
    public var framework: MigrationFramework
    /// The source's history table, nil when the source has none.
    public var sourceTable: String?
    /// The target's history table, nil when the target has none.
    public var targetTable: String?
    /// How many migrations the source records.
    public var sourceCount: Int
    /// How many migrations the target records.
    public var targetCount: Int
    /// How many versions both sides record.
    public var inBothCount: Int
    /// Versions only the source records, in the source's order.
    public var onlyInSource: [MigrationRecord]
    /// Versions only the target records, in the target's order.
    public var onlyInTarget: [MigrationRecord]
    /// Versions both record under different names.
    public var differentNames: [MigrationRecordPair]
    /// Versions both record with statements whose normalized fingerprints differ (compared only when
    /// both sides keep statements).
    public var differentStatements: [MigrationRecordPair]

    /// Compares one tool's history on each side; a missing side counts as an empty history.
    public init(framework: MigrationFramework, source: MigrationHistory?, target: MigrationHistory?) {
        self.framework = framework
        sourceTable = source?.table
        targetTable = target?.table
        let sourceEntries = source?.entries ?? [], targetEntries = target?.entries ?? []
        sourceCount = sourceEntries.count
        targetCount = targetEntries.count
        let sourceByVersion = Self.firstByVersion(sourceEntries), targetByVersion = Self.firstByVersion(targetEntries)
        onlyInSource = sourceEntries.filter { targetByVersion[$0.version] == nil }
        onlyInTarget = targetEntries.filter { sourceByVersion[$0.version] == nil }
        var inBoth = 0, names: [MigrationRecordPair] = [], statements: [MigrationRecordPair] = []
        for entry in sourceEntries where sourceByVersion[entry.version] == entry {
            guard let other = targetByVersion[entry.version] else { continue }
            inBoth += 1
            let pair = MigrationRecordPair(source: entry, target: other)
            // A side that keeps no name or statements (older tool versions, repaired rows) cannot disagree.
            if let name = entry.name, let otherName = other.name, !UTF8Bytes.equal(name, otherName) { names.append(pair) }
            if let fingerprint = entry.statementsFingerprint, let otherFingerprint = other.statementsFingerprint,
               fingerprint != otherFingerprint {
                statements.append(pair)
            }
        }
        inBothCount = inBoth
        differentNames = names
        differentStatements = statements
    }

    /// Whether both sides record the same versions with the same names and statements.
    public var isInSync: Bool {
        onlyInSource.isEmpty && onlyInTarget.isEmpty && differentNames.isEmpty && differentStatements.isEmpty
    }

    /// The first record of each version (a hand-edited table may repeat one).
    private static func firstByVersion(_ entries: [MigrationRecord]) -> [String: MigrationRecord] {
        var byVersion: [String: MigrationRecord] = [:]
        for entry in entries where byVersion[entry.version] == nil { byVersion[entry.version] = entry }
        return byVersion
    }
}

/// The same version as each side records it.
public struct MigrationRecordPair: Codable, Hashable, Sendable {
    /// The source's record.
    public var source: MigrationRecord
    /// The target's record.
    public var target: MigrationRecord

    /// Creates a pair.
    public init(source: MigrationRecord, target: MigrationRecord) {
        self.source = source
        self.target = target
    }

    /// The version both records share.
    public var version: String { source.version }
}
