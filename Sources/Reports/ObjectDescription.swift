import Comparison
import SchemaModel

/// The sentences the reports share about one object comparison: its verdict, the proof on each
/// side, its attribute differences. Database-derived text in them is sanitized.
enum ObjectDescription {
    /// The object's kind and qualified name, e.g. `function public.f(integer)`, sanitized.
    static func title(_ object: ObjectComparison) -> String {
        object.identity.kind.displayName + " " + name(object)
    }

    /// The qualified name alone, sanitized.
    static func name(_ object: ObjectComparison) -> String {
        TerminalText.sanitized(object.identity.qualifiedName)
    }

    /// The verdict in words, with its detail: `equivalent (whitespace, comments)`,
    /// `printed differently (PostgreSQL 15 vs 18)`.
    static func verdict(_ verdict: Verdict) -> String {
        switch verdict {
        case .equivalent(let reasons) where !reasons.isEmpty:
            "equivalent (" + reasons.map(TerminalText.sanitized).joined(separator: ", ") + ")"
        case .printedDifferently(let sourceMajor, let targetMajor):
            "printed differently (PostgreSQL \(sourceMajor) vs \(targetMajor))"
        default:
            verdict.displayName
        }
    }

    /// One line saying what differs, for a failure message or a list:
    /// `different: definition (2 hunks); attributes owner [security], volatility`.
    static func summary(_ object: ObjectComparison, in result: ComparisonResult) -> String {
        switch object.verdict {
        case .onlyInSource:
            return "\(title(object)) exists only in source (\(TerminalText.sanitized(result.source.label)))"
        case .onlyInTarget:
            return "\(title(object)) exists only in target (\(TerminalText.sanitized(result.target.label)))"
        case .identical, .equivalent, .printedDifferently, .different:
            var parts: [String] = []
            if let diff = object.diff, !diff.hunks.isEmpty {
                parts.append("definition (\(OverallVerdict.count(diff.hunks.count, "hunk")))")
            } else if object.source?.exact != object.target?.exact, object.verdict == .different {
                parts.append("definition")
            }
            if !object.attributeDifferences.isEmpty {
                parts.append("attributes " + object.attributeDifferences.map(attributeLabel).joined(separator: ", "))
            }
            let detail = parts.isEmpty ? "" : ": " + parts.joined(separator: "; ")
            return "\(title(object)) is \(verdict(object.verdict))\(detail)"
        }
    }

    /// An attribute's name, with `[security]` when it decides who may see or do what.
    static func attributeLabel(_ difference: AttributeDifference) -> String {
        TerminalText.sanitized(difference.name) + (difference.isSecurityRelevant ? " [security]" : "")
    }

    /// `[security] owner: postgres -> app` (formatting-only ones say so).
    static func attributeLine(_ difference: AttributeDifference) -> String {
        (difference.isSecurityRelevant ? "[security] " : "")
            + TerminalText.sanitized(difference.name) + ": "
            + change(difference)
            + (difference.isFormattingOnly ? " (formatting only)" : "")
    }

    /// `a -> b`; for two lists holding different items (grants, roles, settings), only the items
    /// each side lacks, so one missing grant does not hide in a long ACL.
    static func change(_ difference: AttributeDifference) -> String {
        if case .list(let source)? = difference.source, case .list(let target)? = difference.target,
           !source.isEmpty, !target.isEmpty {
            let onlyInSource = source.filter { !target.contains($0) }
            let onlyInTarget = target.filter { !source.contains($0) }
            if !onlyInSource.isEmpty || !onlyInTarget.isEmpty {
                var parts: [String] = []
                if !onlyInSource.isEmpty { parts.append("only in source: " + TerminalText.sanitized(onlyInSource.joined(separator: ", "))) }
                if !onlyInTarget.isEmpty { parts.append("only in target: " + TerminalText.sanitized(onlyInTarget.joined(separator: ", "))) }
                return parts.joined(separator: "; ")
            }
        }
        return value(difference.source) + " -> " + value(difference.target)
    }

    /// An attribute value for people; `(absent)` when the side has no such attribute.
    static func value(_ value: AttributeValue?) -> String {
        guard let value else { return "(absent)" }
        return TerminalText.sanitized(value.description)
    }

    /// `exact 1a2b3c4d5e6f  normalized 0f9e8d7c6b5a` (all 64 digits when `full`), or why there
    /// is none.
    static func proof(_ proof: DefinitionProof?, present: Bool, full: Bool = false) -> String {
        guard present else { return "(absent)" }
        guard let proof else { return "(no definition)" }
        func digits(_ fingerprint: Fingerprint) -> String { full ? fingerprint.description : fingerprint.short }
        return "exact \(digits(proof.exact))  normalized \(digits(proof.normalized))"
    }

    /// Whether either side has a definition to prove; objects defined by attributes alone
    /// (columns, policies, tables) have none, and the reports leave their proof out.
    static func hasProof(_ object: ObjectComparison) -> Bool {
        object.source != nil || object.target != nil
    }

    /// The proof lines for both sides, labelled with the sides' names.
    static func proofLines(_ object: ObjectComparison, in result: ComparisonResult, full: Bool = false) -> [String] {
        let labels = [TerminalText.sanitized(result.source.label), TerminalText.sanitized(result.target.label)]
        let width = labels.map(\.count).max() ?? 0
        func padded(_ label: String) -> String { label + String(repeating: " ", count: width - label.count) }
        return [
            "source " + padded(labels[0]) + "  " + proof(object.source, present: object.verdict != .onlyInTarget, full: full),
            "target " + padded(labels[1]) + "  " + proof(object.target, present: object.verdict != .onlyInSource, full: full),
        ]
    }

    /// How many formatting-only hunks the diff leaves out, as the reports say it; nil when none.
    static func hiddenHunks(_ diff: DefinitionDiff?) -> String? {
        guard let diff, diff.omittedFormattingHunks > 0 else { return nil }
        return "\(OverallVerdict.count(diff.omittedFormattingHunks, "formatting-only hunk")) hidden (--show-formatting)"
    }
}
