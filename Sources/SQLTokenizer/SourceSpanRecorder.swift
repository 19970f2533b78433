/// Receives, while a string constant is decoded, which source bytes each value byte came from,
/// so positions inside a routine body's value can be mapped back to the text it was written in.
protocol SourceSpanRecorder {
    /// The next `count` value bytes were decoded from the source bytes `source`.
    mutating func record(_ count: Int, from source: Range<Int>)
}

/// Records nothing: decoding for the canonical form pays nothing for spans.
struct NoSourceSpans: SourceSpanRecorder {
    @inline(__always)
    mutating func record(_ count: Int, from source: Range<Int>) {}
}

/// The source span of every value byte, in order.
struct SourceSpans: SourceSpanRecorder {
    /// `spans[i]` is the range of source bytes value byte `i` was decoded from (an escape that
    /// yields several bytes gives each of them the whole escape).
    private(set) var spans: [Range<Int>] = []

    mutating func record(_ count: Int, from source: Range<Int>) {
        for _ in 0..<count { spans.append(source) }
    }

    /// The source range of the value bytes `range` (non-empty, within the value).
    func source(of range: Range<Int>) -> Range<Int> {
        spans[range.lowerBound].lowerBound..<spans[range.upperBound - 1].upperBound
    }
}
