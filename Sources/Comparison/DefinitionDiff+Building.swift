/// Building a readable diff from two definitions: a line diff of the original texts, hunks with
/// context, and the tokens that really changed marked within each line.
extension DefinitionDiff {
    /// Edits beyond which an alignment gives up and treats the rest as one replaced block.
    static let maxEdits = 2_000
    /// Upper bound on (length × edits) per alignment, so long texts get a smaller edit allowance.
    static let alignmentWorkBudget = 20_000_000

    /// Diffs `source` against `target`. Hunks whose removed and added lines contain no changed
    /// token are formatting-only: they are left out and counted unless `showFormattingHunks`.
    init(source: DiffText, target: DiffText, contextLines: Int, showFormattingHunks: Bool) {
        let marks = Self.changedTokenMarks(source: source, target: target)
        let operations = Self.lineOperations(source: source, target: target,
                                             sourceMarks: marks.source, targetMarks: marks.target)
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

    /// Maps equal strings to equal small integers, so alignments compare integers.
    struct Interner {
        private var codes: [String: Int] = [:]

        mutating func code(_ text: String) -> Int {
            if let code = codes[text] { return code }
            let code = codes.count
            codes[text] = code
            return code
        }
    }

    /// Aligns the two significant-token sequences by canonical spelling; tokens left out of the
    /// alignment are the changed ones, returned as byte ranges per line of each side.
    static func changedTokenMarks(source: DiffText, target: DiffText) -> (source: [[ByteRange]], target: [[ByteRange]]) {
        var interner = Interner()
        let sourceCodes = source.tokens.map { interner.code($0.canonical) }
        let targetCodes = target.tokens.map { interner.code($0.canonical) }
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

    /// The line diff of the original texts. A line the line diff keeps as context but that holds a
    /// changed token (the two alignments can pick different copies of a repeated line) becomes a
    /// removal plus an addition, so every real change lands in a hunk. Within each run of changes,
    /// removals come before additions.
    static func lineOperations(source: DiffText, target: DiffText,
                               sourceMarks: [[ByteRange]], targetMarks: [[ByteRange]]) -> [LineOperation] {
        var interner = Interner()
        let sourceCodes = source.lines.indices.map { interner.code(source.lineText($0)) }
        let targetCodes = target.lines.indices.map { interner.code(target.lineText($0)) }
        let alignment = SequenceAlignment(source: sourceCodes, target: targetCodes,
                                          maxEdits: editAllowance(sourceCodes.count, targetCodes.count))
        var operations: [LineOperation] = []
        operations.reserveCapacity(sourceCodes.count + targetCodes.count)
        var removed: [LineOperation] = []
        var added: [LineOperation] = []
        func flushChanges() {
            operations += removed
            operations += added
            removed.removeAll()
            added.removeAll()
        }
        var sourceLine = 0, targetLine = 0
        let sentinel = (source: sourceCodes.count, target: targetCodes.count)
        for match in alignment.matches + [sentinel] {
            while sourceLine < match.source {
                removed.append(.removed(source: sourceLine))
                sourceLine += 1
            }
            while targetLine < match.target {
                added.append(.added(target: targetLine))
                targetLine += 1
            }
            guard match.source < sourceCodes.count else { break }
            if sourceMarks[match.source].isEmpty && targetMarks[match.target].isEmpty {
                flushChanges()
                operations.append(.context(source: match.source, target: match.target))
            } else {
                removed.append(.removed(source: match.source))
                added.append(.added(target: match.target))
            }
            sourceLine += 1
            targetLine += 1
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
