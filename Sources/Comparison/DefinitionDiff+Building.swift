import SchemaModel

/// Building a readable diff from two definitions: a line diff that aligns lines by their
/// normalized content, hunks with context, and the tokens that really changed marked within each
/// line.
extension DefinitionDiff {
    /// Edits beyond which an alignment gives up and treats the rest as one replaced block.
    static let maxEdits = 2_000
    /// Upper bound on (length × edits) per alignment, so long texts get a smaller edit allowance.
    static let alignmentWorkBudget = 20_000_000

    /// Diffs `source` against `target`.
    ///
    /// Lines are aligned by their keys (the canonical spellings of the significant tokens that
    /// start on them, see `DiffText.lineKeys`), so a line that differs only in formatting (keyword
    /// case, spacing, a trailing comment) is context, shown with the source's text; lines holding
    /// only comments or whitespace take no part in the alignment. Hunks whose removed and added
    /// lines contain no changed token (tokens moved to other lines, comment lines added or
    /// removed) are formatting-only: they are left out and counted unless `showFormattingHunks`,
    /// which also shows every line whose text differs as a removal and an addition.
    init(source: DiffText, target: DiffText, contextLines: Int, showFormattingHunks: Bool) {
        var interner = Interner<String>()
        let sourceCodes = source.tokens.map { interner.code($0.canonical) }
        let targetCodes = target.tokens.map { interner.code($0.canonical) }
        let marks = Self.changedTokenMarks(source: source, target: target, sourceCodes: sourceCodes, targetCodes: targetCodes)
        let operations = Self.lineOperations(
            source: LineSide(text: source, keys: source.lineKeys(tokenCodes: sourceCodes), marks: marks.source),
            target: LineSide(text: target, keys: target.lineKeys(tokenCodes: targetCodes), marks: marks.target),
            showFormatting: showFormattingHunks)
        var hunks: [DiffHunk] = []
        var omitted = 0
        // Lines of each side before the current hunk, counted once over all hunks.
        var position = (operation: 0, source: 0, target: 0)
        for range in Self.hunkRanges(of: operations, contextLines: max(0, contextLines)) {
            for operation in operations[position.operation..<range.lowerBound] {
                if case .added = operation {} else { position.source += 1 }
                if case .removed = operation {} else { position.target += 1 }
            }
            let hunk = Self.hunk(operations[range], sourceBefore: position.source, targetBefore: position.target,
                                 source: source, target: target, sourceMarks: marks.source, targetMarks: marks.target)
            position.operation = range.lowerBound
            if hunk.isFormattingOnly && !showFormattingHunks {
                omitted += 1
            } else {
                hunks.append(hunk)
            }
        }
        self.init(hunks: hunks, omittedFormattingHunks: omitted)
    }

    /// One step of a line diff, with line indices into each side.
    enum LineOperation {
        case context(source: Int, target: Int)
        case removed(source: Int)
        case added(target: Int)

        var isChange: Bool { if case .context = self { false } else { true } }
    }

    /// How many edits an alignment of sequences of these lengths may spend.
    static func editAllowance(_ sourceCount: Int, _ targetCount: Int) -> Int {
        min(maxEdits, alignmentWorkBudget / max(1, sourceCount + targetCount))
    }

    /// Maps equal values to equal small integers, so alignments compare integers.
    struct Interner<Value: Hashable> {
        private var codes: [Value: Int] = [:]

        mutating func code(_ value: Value) -> Int {
            if let code = codes[value] { return code }
            let code = codes.count
            codes[value] = code
            return code
        }
    }

    /// One side of the line diff: its text, the key of each line and the changed-token marks of
    /// each line.
    struct LineSide {
        var text: DiffText
        var keys: [[Int]]
        var marks: [[ByteRange]]

        /// Whether line `index` holds a significant token's start.
        func isKeyed(_ index: Int) -> Bool { !keys[index].isEmpty }
    }

    /// Aligns the two significant-token sequences (given as interned canonical spellings); tokens
    /// left out of the alignment are the changed ones, returned as byte ranges per line of each side.
    static func changedTokenMarks(source: DiffText, target: DiffText, sourceCodes: [Int], targetCodes: [Int])
        -> (source: [[ByteRange]], target: [[ByteRange]]) {
        let alignment = SequenceAlignment(source: sourceCodes, target: targetCodes,
                                          maxEdits: editAllowance(sourceCodes.count, targetCodes.count))
        var sourceChanged = [Bool](repeating: true, count: sourceCodes.count)
        var targetChanged = [Bool](repeating: true, count: targetCodes.count)
        for match in alignment.matches {
            sourceChanged[match.source] = false
            targetChanged[match.target] = false
        }
        return (source.marks(ofTokens: sourceChanged.indices.filter { sourceChanged[$0] }),
                target.marks(ofTokens: targetChanged.indices.filter { targetChanged[$0] }))
    }

    /// The line diff. Keyed lines are aligned by key; between two aligned lines, the unkeyed lines
    /// (comments, blank lines, the rest of a multi-line token) at the start and end of the gap are
    /// paired as context, the others are removed or added. A pair of lines becomes a removal plus an
    /// addition instead of context when either holds a changed token (the token alignment and the
    /// line alignment can pick different copies of a repeated line), so every real change lands in
    /// a hunk, and with `showFormatting` when their texts differ. Within each run of changes,
    /// removals come before additions.
    static func lineOperations(source: LineSide, target: LineSide, showFormatting: Bool) -> [LineOperation] {
        let sourceKeyed = source.keys.indices.filter(source.isKeyed)
        let targetKeyed = target.keys.indices.filter(target.isKeyed)
        var interner = Interner<[Int]>()
        let sourceCodes = sourceKeyed.map { interner.code(source.keys[$0]) }
        let targetCodes = targetKeyed.map { interner.code(target.keys[$0]) }
        let alignment = SequenceAlignment(source: sourceCodes, target: targetCodes,
                                          maxEdits: editAllowance(sourceCodes.count, targetCodes.count))
        let sourceCount = source.keys.count, targetCount = target.keys.count

        var operations: [LineOperation] = []
        operations.reserveCapacity(sourceCount + targetCount)
        var removed: [LineOperation] = []
        var added: [LineOperation] = []
        func flushChanges() {
            operations += removed
            operations += added
            removed.removeAll()
            added.removeAll()
        }
        func isContext(_ sourceLine: Int, _ targetLine: Int) -> Bool {
            source.marks[sourceLine].isEmpty && target.marks[targetLine].isEmpty
                && (!showFormatting || UTF8Bytes.equal(source.text.lineText(sourceLine), target.text.lineText(targetLine)))
        }
        func pair(_ sourceLine: Int, _ targetLine: Int) {
            if isContext(sourceLine, targetLine) {
                flushChanges()
                operations.append(.context(source: sourceLine, target: targetLine))
            } else {
                removed.append(.removed(source: sourceLine))
                added.append(.added(target: targetLine))
            }
        }
        /// Whether the gap's lines at these indices are both unkeyed and may be paired.
        func pairsUnkeyed(_ sourceLine: Int, _ targetLine: Int) -> Bool {
            !source.isKeyed(sourceLine) && !target.isKeyed(targetLine) && isContext(sourceLine, targetLine)
        }

        var sourceLine = 0, targetLine = 0
        let matches = alignment.matches.map { (source: sourceKeyed[$0.source], target: targetKeyed[$0.target]) }
        for match in matches + [(source: sourceCount, target: targetCount)] {
            // The gap before the match: unkeyed lines paired from its start and from its end.
            var sourceEnd = match.source, targetEnd = match.target
            while sourceLine < sourceEnd, targetLine < targetEnd, pairsUnkeyed(sourceLine, targetLine) {
                pair(sourceLine, targetLine)
                sourceLine += 1
                targetLine += 1
            }
            var trailing = 0
            while sourceLine < sourceEnd, targetLine < targetEnd, pairsUnkeyed(sourceEnd - 1, targetEnd - 1) {
                sourceEnd -= 1
                targetEnd -= 1
                trailing += 1
            }
            removed += (sourceLine..<sourceEnd).map { .removed(source: $0) }
            added += (targetLine..<targetEnd).map { .added(target: $0) }
            for offset in 0..<trailing { pair(sourceEnd + offset, targetEnd + offset) }
            guard match.source < sourceCount else { break }
            pair(match.source, match.target)
            sourceLine = match.source + 1
            targetLine = match.target + 1
        }
        flushChanges()
        return operations
    }

    /// Index ranges of `operations` that form hunks: each run of changes with up to
    /// `contextLines` lines of context around it, runs closer than twice that merged.
    static func hunkRanges(of operations: [LineOperation], contextLines: Int) -> [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        var index = 0
        while index < operations.count {
            guard operations[index].isChange else {
                index += 1
                continue
            }
            let start = max(0, index - contextLines)
            var lastChange = index
            var cursor = index + 1
            while cursor < operations.count {
                if operations[cursor].isChange {
                    lastChange = cursor
                    cursor += 1
                    continue
                }
                var next = cursor
                while next < operations.count, !operations[next].isChange { next += 1 }
                guard next < operations.count, next - cursor <= 2 * contextLines else { break }
                cursor = next
            }
            let end = min(operations.count - 1, lastChange + contextLines)
            ranges.append(start...end)
            index = lastChange + 1
        }
        return ranges
    }

    /// The hunk made of `operations`, which `sourceBefore` and `targetBefore` lines precede, with line numbers in unified-diff style (a side the hunk
    /// covers no line of starts at the line before it).
    static func hunk(_ operations: ArraySlice<LineOperation>, sourceBefore: Int, targetBefore: Int,
                     source: DiffText, target: DiffText, sourceMarks: [[ByteRange]], targetMarks: [[ByteRange]]) -> DiffHunk {
        var lines: [DiffLine] = []
        var sourceCount = 0, targetCount = 0
        var hasTokenChange = false
        for operation in operations {
            switch operation {
            case .context(let sourceLine, _):
                lines.append(DiffLine(change: .context, text: source.lineText(sourceLine)))
                sourceCount += 1
                targetCount += 1
            case .removed(let sourceLine):
                lines.append(DiffLine(change: .removed, text: source.lineText(sourceLine), changedTokens: sourceMarks[sourceLine]))
                hasTokenChange = hasTokenChange || !sourceMarks[sourceLine].isEmpty
                sourceCount += 1
            case .added(let targetLine):
                lines.append(DiffLine(change: .added, text: target.lineText(targetLine), changedTokens: targetMarks[targetLine]))
                hasTokenChange = hasTokenChange || !targetMarks[targetLine].isEmpty
                targetCount += 1
            }
        }
        return DiffHunk(sourceStart: sourceCount > 0 ? sourceBefore + 1 : sourceBefore, sourceCount: sourceCount,
                        targetStart: targetCount > 0 ? targetBefore + 1 : targetBefore, targetCount: targetCount,
                        isFormattingOnly: !hasTokenChange, lines: lines)
    }
}
