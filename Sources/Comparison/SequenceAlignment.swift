/// The longest common subsequence of two integer sequences, found with Myers' O(ND) algorithm.
///
/// Lines and tokens are interned to integers before they come here, so one implementation serves
/// both the line diff and the token alignment. Work is bounded: beyond `maxEdits` insertions plus
/// deletions the alignment gives up (returns nil) and the caller falls back to something coarser,
/// so a pathological pair of definitions cannot stall a comparison.
struct SequenceAlignment: Sendable {
    /// Index pairs `(source, target)` of the elements both sequences share, in increasing order.
    let matches: [(source: Int, target: Int)]
    /// Whether the middle (between the common prefix and suffix) needed more than `maxEdits` edits
    /// and was left unaligned: every element there counts as changed.
    let exceededLimit: Bool

    /// Aligns `source` with `target`; beyond `maxEdits` edits only the common prefix and suffix
    /// are matched.
    ///
    /// Complexity: O((N + M) · D) time and O(D²) memory, D the number of edits (at most `maxEdits`),
    /// after the common prefix and suffix are matched in O(N + M).
    init(source: [Int], target: [Int], maxEdits: Int) {
        var prefix = 0
        while prefix < source.count, prefix < target.count, source[prefix] == target[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < source.count - prefix, suffix < target.count - prefix,
              source[source.count - 1 - suffix] == target[target.count - 1 - suffix] { suffix += 1 }

        let middle = Self.middleMatches(source: source[prefix..<(source.count - suffix)],
                                        target: target[prefix..<(target.count - suffix)],
                                        maxEdits: maxEdits)
        exceededLimit = middle == nil
        var matches: [(source: Int, target: Int)] = []
        matches.reserveCapacity(prefix + (middle?.count ?? 0) + suffix)
        for index in 0..<prefix { matches.append((index, index)) }
        matches.append(contentsOf: middle ?? [])
        for offset in 0..<suffix {
            matches.append((source.count - suffix + offset, target.count - suffix + offset))
        }
        self.matches = matches
    }

    /// Myers' greedy forward search over the slices, keeping each round's furthest-reaching
    /// diagonals so the path can be walked back. Indices in the result are those of the slices'
    /// base arrays.
    private static func middleMatches(source: ArraySlice<Int>, target: ArraySlice<Int>, maxEdits: Int) -> [(source: Int, target: Int)]? {
        let n = source.count, m = target.count
        let sourceBase = source.startIndex, targetBase = target.startIndex
        if n == 0 || m == 0 { return [] }
        let limit = min(n + m, max(0, maxEdits))
        let offset = limit + 1
        var furthest = [Int](repeating: 0, count: 2 * limit + 3)
        // rounds[d] holds the diagonals -d...d as they stood before round d.
        var rounds: [[Int]] = []
        var finalEdits: Int?
        search: for edits in 0...limit {
            rounds.append(Array(furthest[(offset - edits)...(offset + edits)]))
            for diagonal in stride(from: -edits, through: edits, by: 2) {
                var x: Int
                if diagonal == -edits || (diagonal != edits && furthest[offset + diagonal - 1] < furthest[offset + diagonal + 1]) {
                    x = furthest[offset + diagonal + 1]
                } else {
                    x = furthest[offset + diagonal - 1] + 1
                }
                var y = x - diagonal
                while x < n, y < m, source[sourceBase + x] == target[targetBase + y] {
                    x += 1
                    y += 1
                }
                furthest[offset + diagonal] = x
                if x >= n, y >= m {
                    finalEdits = edits
                    break search
                }
            }
        }
        guard let finalEdits else { return nil }

        var reversed: [(source: Int, target: Int)] = []
        var x = n, y = m
        for edits in stride(from: finalEdits, to: 0, by: -1) {
            let before = rounds[edits]
            func reach(_ diagonal: Int) -> Int { before[diagonal + edits] }
            let diagonal = x - y
            let previous = (diagonal == -edits || (diagonal != edits && reach(diagonal - 1) < reach(diagonal + 1)))
                ? diagonal + 1 : diagonal - 1
            let previousX = reach(previous)
            let previousY = previousX - previous
            // The snake after the edit: walk it back first.
            let startX = previous == diagonal + 1 ? previousX : previousX + 1
            while x > startX, y > startX - diagonal {
                x -= 1
                y -= 1
                reversed.append((sourceBase + x, targetBase + y))
            }
            x = previousX
            y = previousY
        }
        while x > 0, y > 0 {
            x -= 1
            y -= 1
            reversed.append((sourceBase + x, targetBase + y))
        }
        return reversed.reversed()
    }
}
