import SchemaModel
import SQLFingerprint
import SQLTokenizer

/// How the defining SQL of one object compares between the sides, with the proof for each side
/// and, when asked for, the readable diff.
struct DefinitionComparison: Sendable {
    /// The outcome for the definition alone.
    enum Outcome: Equatable, Sendable {
        /// Neither side has a definition (the object is defined by attributes alone).
        case absent
        case identical
        case equivalent(reasons: [String])
        case printedDifferently
        case different
    }

    /// The outcome.
    var outcome: Outcome = .absent
    /// Fingerprints of the source's definition, if it has one.
    var sourceProof: DefinitionProof?
    /// Fingerprints of the target's definition, if it has one.
    var targetProof: DefinitionProof?
    /// The diff, for `different` definitions and (with `showFormattingHunks`) for the others that
    /// differ in text.
    var diff: DefinitionDiff?

    /// The kinds whose definitions PostgreSQL prints as a query, where versions differ in column
    /// qualification (see `ColumnQualification`).
    static let queryKinds: Set<ObjectKind> = [.view, .materializedView, .rule]

    /// Compares the definitions of an object of `kind`. Fingerprints a live read computed are used as
    /// they are; those loaded from a file are computed again here (another deepdiff version may
    /// normalize differently, or the file may have been edited). Equal texts are fingerprinted once
    /// for both sides.
    init(source: Definition?, target: Definition?, kind: ObjectKind, sourceSide: SnapshotSide, targetSide: SnapshotSide,
         options: ComparisonOptions) {
        let sourceMajor = sourceSide.majorVersion, targetMajor = targetSide.majorVersion
        switch (source, target) {
        case (nil, nil):
            return
        case (let source?, let target?) where UTF8Bytes.equal(source.text, target.text):
            let proof = Self.proof(of: source, side: sourceSide.fingerprintsComputedHere ? sourceSide : targetSide)
            sourceProof = proof
            targetProof = proof
            outcome = .identical
            return
        default:
            break
        }
        sourceProof = source.map { Self.proof(of: $0, side: sourceSide) }
        targetProof = target.map { Self.proof(of: $0, side: targetSide) }
        let sourceText = source?.text ?? "", targetText = target?.text ?? ""
        if let sourceProof, let targetProof, sourceProof.normalized == targetProof.normalized {
            let reasons = SQLNormalizer.formattingDifferences(between: sourceText, and: targetText).descriptions
            outcome = .equivalent(reasons: reasons.isEmpty ? ["formatting"] : reasons)
            if options.showFormattingHunks {
                diff = DefinitionDiff(source: DiffText(sourceText), target: DiffText(targetText),
                                      contextLines: options.contextLines, showFormattingHunks: true)
            }
            return
        }
        let sourceTokens = SQLNormalizer.significantTokens(of: sourceText)
        let targetTokens = SQLNormalizer.significantTokens(of: targetText)
        let printedDifferently = source != nil && target != nil && sourceMajor != targetMajor
            && Self.queryKinds.contains(kind)
            && ColumnQualification.canonicalTokensWithoutQualifiers(sourceTokens)
                .map { $0 == ColumnQualification.canonicalTokensWithoutQualifiers(targetTokens) } == true
        outcome = printedDifferently ? .printedDifferently : .different
        if !printedDifferently || options.showFormattingHunks {
            diff = DefinitionDiff(source: DiffText(sourceText, tokens: sourceTokens), target: DiffText(targetText, tokens: targetTokens),
                                  contextLines: options.contextLines, showFormattingHunks: options.showFormattingHunks)
        }
    }

    /// The exact and normalized fingerprints of `definition`, normalizing its text again unless `side`
    /// computed the fingerprint itself.
    static func proof(of definition: Definition, side: SnapshotSide) -> DefinitionProof {
        let normalized = side.fingerprintsComputedHere ? definition.fingerprint : Fingerprint(normalizing: definition.text)
        return DefinitionProof(exact: Fingerprint(exactText: definition.text), normalized: normalized)
    }
}
