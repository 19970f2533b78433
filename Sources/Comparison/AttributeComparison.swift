import SchemaModel
import SQLFingerprint
import SQLTokenizer

/// The attribute differences of one object present on both sides.
struct AttributeComparison: Sendable {
    /// Attributes whose lists are sets: PostgreSQL keeps grants, policy roles, reloptions and
    /// `SET` clauses in the order they were created, which is not a difference.
    static let unorderedLists: Set<String> = [
        AttributeName.privileges, AttributeName.roles, AttributeName.options, AttributeName.configuration,
    ]

    /// Every attribute that differs, formatting-only SQL expressions included, sorted by name.
    var differences: [AttributeDifference] = []
    /// What the formatting-only differences consist of ("whitespace", "keyword case"...).
    var formattingReasons: [String] = []
    /// Whether an attribute differs only in how the two servers' major versions print it (see
    /// `PrivilegePrinting`); such a difference is kept, marked formatting-only.
    var hasVersionPrinting = false

    /// Whether an attribute differs beyond formatting.
    var hasRealDifference: Bool { differences.contains { !$0.isFormattingOnly } }

    /// Compares every attribute in the union of both sides' keys. An absent attribute equals
    /// `.null`, so snapshots written before an attribute existed do not differ by it. A column's
    /// `position` is left out: column order is compared per table instead (see `ColumnOrder`).
    /// The servers' major versions decide how privileges are read (see `PrivilegePrinting`).
    init(source: Attributes, target: Attributes, kind: ObjectKind,
         sourceMajor: Int, targetMajor: Int) {
        // The common case, and far cheaper than walking the union of keys.
        guard source != target else { return }
        let names = Set(source.names).union(target.names).sorted()
        for name in names where !(kind == .column && name == AttributeName.position) {
            let sourceValue = source[name], targetValue = target[name]
            var outcome = Self.compare(sourceValue ?? .null, targetValue ?? .null, unordered: Self.unorderedLists.contains(name))
            guard outcome != .same else { continue }
            if outcome == .different, name == AttributeName.privileges,
               PrivilegePrinting.equalAcrossVersions(sourceValue ?? .null, targetValue ?? .null, kind: kind,
                                                     sourceMajor: sourceMajor, targetMajor: targetMajor) {
                outcome = .printedDifferently
            }
            switch outcome {
            case .formatting(let reasons):
                for reason in reasons where !formattingReasons.contains(reason) { formattingReasons.append(reason) }
            case .printedDifferently:
                hasVersionPrinting = true
            case .same, .different:
                break
            }
            differences.append(AttributeDifference(
                name: name, source: sourceValue, target: targetValue,
                isSecurityRelevant: AttributeName.securityRelevant.contains(name),
                isFormattingOnly: outcome != .different))
        }
    }

    /// How two values of one attribute compare.
    enum Outcome: Equatable {
        case same
        case formatting(reasons: [String])
        /// Printed differently by the two major versions (never returned by `compare`).
        case printedDifferently
        case different
    }

    /// Compares two values. SQL expressions (on either side; the other may have been recorded as
    /// plain text) are equal when their normalized fingerprints are.
    static func compare(_ source: AttributeValue, _ target: AttributeValue, unordered: Bool) -> Outcome {
        if source == target { return .same }
        switch (source, target) {
        case (.list(let sourceItems), .list(let targetItems)) where unordered:
            return UTF8Bytes.equalIgnoringOrder(sourceItems, targetItems) ? .same : .different
        case (.sql(let sourceText), .sql(let targetText)), (.sql(let sourceText), .text(let targetText)),
             (.text(let sourceText), .sql(let targetText)):
            guard Fingerprint(normalizing: sourceText) == Fingerprint(normalizing: targetText) else { return .different }
            let reasons = SQLNormalizer.formattingDifferences(between: sourceText, and: targetText).descriptions
            return .formatting(reasons: reasons.isEmpty ? ["SQL expression formatting"] : reasons)
        default:
            return .different
        }
    }
}
