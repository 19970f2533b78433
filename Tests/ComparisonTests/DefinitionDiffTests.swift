import Comparison
import SchemaModel
import Testing

@Suite("Definition diffs")
struct DefinitionDiffTests {
    /// The diff between two view definitions.
    func viewDiff(_ source: String, _ target: String, options: ComparisonOptions = .init()) -> DefinitionDiff? {
        Fixture.compareOne(Fixture.object(.view, "v", definition: source), Fixture.object(.view, "v", definition: target),
                           options: options)?.diff
    }

    /// Twenty numbered select-list lines, the `change` closure editing some of them.
    func lines(_ change: (inout [String]) -> Void = { _ in }) -> String {
        var lines = ["SELECT"] + (1...20).map { "    c\($0)," } + ["    c21", "  FROM public.t"]
        change(&lines)
        return lines.joined(separator: "\n")
    }

    @Test("a changed token is marked at its byte range in the removed and added lines")
    func changedTokenRanges() throws {
        let diff = try #require(viewDiff("SELECT id,\n       name\n  FROM t", "SELECT id,\n       email\n  FROM t"))
        #expect(diff.omittedFormattingHunks == 0)
        let hunk = try #require(diff.hunks.first)
        #expect(diff.hunks.count == 1)
        #expect(hunk.isFormattingOnly == false)
        #expect((hunk.sourceStart, hunk.sourceCount, hunk.targetStart, hunk.targetCount) == (1, 3, 1, 3))
        #expect(hunk.lines == [
            DiffLine(change: .context, text: "SELECT id,"),
            DiffLine(change: .removed, text: "       name", changedTokens: [ByteRange(start: 7, end: 11)]),
            DiffLine(change: .added, text: "       email", changedTokens: [ByteRange(start: 7, end: 12)]),
            DiffLine(change: .context, text: "  FROM t"),
        ])
    }

    @Test("byte ranges count UTF-8 bytes, not characters")
    func utf8Offsets() throws {
        let diff = try #require(viewDiff("SELECT 'café' AS label, 1 AS n", "SELECT 'café' AS label, 2 AS n"))
        let changed = diff.hunks.flatMap(\.lines).filter { $0.change != .context }
        #expect(changed.map(\.changedTokens) == [[ByteRange(start: 25, end: 26)], [ByteRange(start: 25, end: 26)]])
    }

    @Test("a hunk whose tokens only moved to other lines is left out and counted")
    func formattingHunkOmitted() throws {
        let source = lines()
        let target = lines { lines in
            lines[2] = "    c2, c3,"     // c3 joins c2's line: formatting only, far from the real change
            lines.remove(at: 3)
            lines[18] = "    c19_renamed,"
        }
        let diff = try #require(viewDiff(source, target))
        #expect(diff.omittedFormattingHunks == 1)
        #expect(diff.hunks.count == 1)
        let hunk = try #require(diff.hunks.first)
        #expect(hunk.lines.filter { $0.change == .removed }.map(\.text) == ["    c19,"])
        #expect(hunk.lines.filter { $0.change == .added }.map(\.text) == ["    c19_renamed,"])
        #expect(hunk.lines.filter { $0.change == .context }.count == 6)
        #expect((hunk.sourceStart, hunk.sourceCount, hunk.targetStart, hunk.targetCount) == (17, 7, 16, 7))
    }

    @Test("formatting-only hunks, and lines whose text differs only in formatting, are kept with --show-formatting")
    func formattingHunkShown() throws {
        let target = lines { lines in
            lines[2] = "    C2 ,"
            lines[19] = "    c19_renamed,"
        }
        let diff = try #require(viewDiff(lines(), target, options: ComparisonOptions(showFormattingHunks: true)))
        #expect(diff.omittedFormattingHunks == 0)
        #expect(diff.hunks.map(\.isFormattingOnly) == [true, false])
        #expect(diff.hunks.first?.lines.filter { $0.change != .context }.map(\.text) == ["    c2,", "    C2 ,"])
        #expect(diff.hunks.first?.lines.filter { $0.change != .context }.allSatisfy { $0.changedTokens.isEmpty } == true)
    }

    /// A query reformatted on every line (keyword case, spacing, comments), `threshold` its one literal.
    func reformatted(_ threshold: String, upper: Bool) -> String {
        let lines = upper ? [
            "SELECT 'total'::text,",
            "       round(avg(c.ms), 0),",
            "       min(c.ms),",
            "       -- the 95th percentile",
            "       percentile_cont(\(threshold)) WITHIN GROUP (ORDER BY c.ms)",
            "  FROM public.calls c",
            " WHERE c.started_at >= now()",
            "   AND NOT c.is_test",
        ] : [
            "select 'total'::text,",
            "       round(avg(c.ms),0),  -- average",
            "       min(c.ms),",
            "       -- the percentile",
            "       percentile_cont(\(threshold)) within group (order by c.ms)",
            "  from public.calls c",
            " where c.started_at >= now()",
            "   and not c.is_test",
        ]
        return lines.joined(separator: "\n")
    }

    @Test("lines equal after normalization are context with the source's text; only the line with the changed literal differs")
    func reformattedBodyWithOneChange() throws {
        let diff = try #require(viewDiff(reformatted("0.9", upper: false), reformatted("0.95", upper: true)))
        #expect(diff.hunks.count == 1)
        let hunk = try #require(diff.hunks.first)
        #expect(hunk.isFormattingOnly == false)
        #expect(hunk.lines.filter { $0.change == .removed } == [
            DiffLine(change: .removed, text: "       percentile_cont(0.9) within group (order by c.ms)",
                     changedTokens: [ByteRange(start: 23, end: 26)]),
        ])
        #expect(hunk.lines.filter { $0.change == .added } == [
            DiffLine(change: .added, text: "       percentile_cont(0.95) WITHIN GROUP (ORDER BY c.ms)",
                     changedTokens: [ByteRange(start: 23, end: 27)]),
        ])
        // Context shows the source's text; comment lines and the blank line pair up as context.
        #expect(hunk.lines.filter { $0.change == .context }.map(\.text) == [
            "       round(avg(c.ms),0),  -- average", "       min(c.ms),", "       -- the percentile",
            "  from public.calls c", " where c.started_at >= now()", "   and not c.is_test",
        ])
        #expect((hunk.sourceStart, hunk.sourceCount, hunk.targetStart, hunk.targetCount) == (2, 7, 2, 7))
        #expect(diff.omittedFormattingHunks == 0)
    }

    @Test("a comment line added or removed makes a formatting-only hunk, not a shown one")
    func commentLines() throws {
        let source = lines()
        let target = lines { lines in
            lines.insert("    -- the first columns", at: 1)
            lines.insert("", at: 12)
            lines[21] = "    c19_renamed,"
        }
        let diff = try #require(viewDiff(source, target, options: ComparisonOptions(contextLines: 1)))
        #expect(diff.hunks.count == 1)
        #expect(diff.omittedFormattingHunks == 2)
        #expect(diff.hunks.first?.lines.map(\.change) == [.context, .removed, .added, .context])
        #expect((diff.hunks.first?.sourceStart, diff.hunks.first?.targetStart) == (19, 21))
    }

    @Test("lines holding only comments and blank lines on both sides pair up as context")
    func unkeyedLinesPair() throws {
        let diff = try #require(viewDiff("SELECT a,\n-- one\n\n  b\nFROM t", "SELECT a,\n-- two\n   \n  c\nFROM t",
                                         options: ComparisonOptions(contextLines: 0)))
        #expect(diff.omittedFormattingHunks == 0)
        #expect(diff.hunks.count == 1)
        #expect(diff.hunks.first?.lines.map(\.text) == ["  b", "  c"])
        #expect((diff.hunks.first?.sourceStart, diff.hunks.first?.targetStart) == (4, 4))
    }

    @Test("equivalent definitions carry a diff only with --show-formatting")
    func equivalentDiff() throws {
        let source = lines(), target = lines { $0[5] = "    C5," }
        #expect(viewDiff(source, target) == nil)
        let shown = try #require(viewDiff(source, target, options: ComparisonOptions(showFormattingHunks: true)))
        #expect(shown.hunks.count == 1)
        #expect(shown.hunks.first?.isFormattingOnly == true)
    }

    @Test("context lines are configurable and nearby changes share a hunk")
    func contextLines() throws {
        let target = lines { lines in
            lines[5] = "    c5_a,"
            lines[9] = "    c9_a,"
        }
        let tight = try #require(viewDiff(lines(), target, options: ComparisonOptions(contextLines: 1)))
        #expect(tight.hunks.count == 2)
        #expect(tight.hunks.map(\.lines.count) == [4, 4])
        let wide = try #require(viewDiff(lines(), target))
        #expect(wide.hunks.count == 1)
        #expect((wide.hunks.first?.sourceStart, wide.hunks.first?.sourceCount) == (3, 11))
    }

    @Test("lines added at the end get unified-diff line numbers")
    func insertionAtEnd() throws {
        let diff = try #require(viewDiff("SELECT 1", "SELECT 1\nUNION ALL\nSELECT 2", options: ComparisonOptions(contextLines: 0)))
        let hunk = try #require(diff.hunks.first)
        #expect((hunk.sourceStart, hunk.sourceCount, hunk.targetStart, hunk.targetCount) == (1, 0, 2, 2))
        #expect(hunk.lines.map(\.change) == [.added, .added])
    }

    @Test("a token spanning lines is marked on each line it covers")
    func multiLineToken() throws {
        let diff = try #require(viewDiff("SELECT 'a\nb' AS x", "SELECT 'a\nc' AS x"))
        let changed = diff.hunks.flatMap(\.lines).filter { $0.change != .context }
        #expect(changed.map(\.text) == ["SELECT 'a", "b' AS x", "SELECT 'a", "c' AS x"])
        #expect(changed.map(\.changedTokens) == [
            [ByteRange(start: 7, end: 9)], [ByteRange(start: 0, end: 2)],
            [ByteRange(start: 7, end: 9)], [ByteRange(start: 0, end: 2)],
        ])
    }

    @Test("a repeated line the line diff keeps is still shown when its token changed")
    func repeatedLines() throws {
        // Removing the middle "x," line: the token alignment and the line alignment may pick
        // different copies; whichever copy holds the changed token must be in a hunk.
        let diff = try #require(viewDiff("SELECT\nx,\ny,\nx,\nz", "SELECT\nx,\nz", options: ComparisonOptions(contextLines: 0)))
        let marked = diff.hunks.flatMap(\.lines).filter { !$0.changedTokens.isEmpty }
        #expect(marked.allSatisfy { $0.change == .removed })
        #expect(marked.map(\.text).sorted() == ["x,", "y,"])
        #expect(diff.omittedFormattingHunks == 0)
    }

    @Test("definitions too different to align become one replaced block instead of stalling")
    func hugeDefinitions() throws {
        let source = (0..<3_000).map { "SELECT \($0) AS a\($0)" }.joined(separator: "\nUNION ALL\n")
        let target = (0..<3_000).map { "SELECT \($0 + 5_000) AS b\($0)" }.joined(separator: "\nUNION ALL\n")
        let clock = ContinuousClock()
        let start = clock.now
        let diff = try #require(viewDiff(source, target))
        let elapsed = clock.now - start
        #expect(diff.hunks.count == 1)
        let changes = diff.hunks.flatMap(\.lines).filter { $0.change != .context }
        #expect(changes.filter { $0.change == .removed }.count == 5_999)
        #expect(changes.filter { $0.change == .added }.count == 5_999)
        print("diff of two 5,999-line definitions: \(elapsed)")
    }
}
