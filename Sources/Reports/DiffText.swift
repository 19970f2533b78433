import Comparison

/// A definition diff as unified-diff-style text lines with line numbers of both sides, changed
/// tokens marked: highlighted with colour, otherwise by a line of `^` under them. Shared by the
/// text report and the JUnit failure bodies. Every line of database text is sanitized.
enum DiffText {
    /// One piece of a diff line: text that changed or not.
    struct Segment: Equatable {
        var text: String
        var isChanged: Bool
    }

    /// The diff's lines, without line breaks.
    static func lines(_ diff: DefinitionDiff, color: Bool) -> [String] {
        let width = String(diff.hunks.map { max($0.sourceStart + $0.sourceCount, $0.targetStart + $0.targetCount) }.max() ?? 0).count
        var output: [String] = []
        for hunk in diff.hunks {
            let header = "@@ -\(hunk.sourceStart),\(hunk.sourceCount) +\(hunk.targetStart),\(hunk.targetCount) @@"
                + (hunk.isFormattingOnly ? " formatting only" : "")
            output.append(AnsiStyle.hunkHeader.apply(header, color: color))
            var sourceLine = hunk.sourceStart
            var targetLine = hunk.targetStart
            for line in hunk.lines {
                let numbers: (String?, String?)
                switch line.change {
                case .context: numbers = (String(sourceLine), String(targetLine)); sourceLine += 1; targetLine += 1
                case .removed: numbers = (String(sourceLine), nil); sourceLine += 1
                case .added: numbers = (nil, String(targetLine)); targetLine += 1
                }
                let gutter = pad(numbers.0, width) + " " + pad(numbers.1, width) + " |"
                output.append(contentsOf: render(line, gutter: gutter, blankGutter: String(repeating: " ", count: 2 * width + 1) + " |", color: color))
            }
        }
        return output
    }

    /// The line itself and, without colour, the marker line under its changed tokens.
    private static func render(_ line: DiffLine, gutter: String, blankGutter: String, color: Bool) -> [String] {
        let sign: String
        let style: AnsiStyle
        switch line.change {
        case .context: sign = " "; style = .plain
        case .removed: sign = "-"; style = .removed
        case .added: sign = "+"; style = .added
        }
        let pieces = segments(line.text, changed: line.changedTokens).map {
            Segment(text: TerminalText.sanitized($0.text, keepingLayout: true), isChanged: $0.isChanged)
        }
        let text = pieces.map { color && $0.isChanged ? AnsiStyle.changedToken.apply($0.text, color: true, resuming: style) : $0.text }.joined()
        var rendered = [style.apply(sign + " " + gutter + (text.isEmpty ? "" : " " + text), color: color)]
        if !color, pieces.contains(where: \.isChanged) {
            var markers = ""
            for piece in pieces {
                // Tabs are copied so the markers stay under the characters they mark.
                for character in piece.text { markers.append(character == "\t" ? "\t" : (piece.isChanged ? "^" : " ")) }
            }
            while markers.last == " " { markers.removeLast() }
            rendered.append("  " + blankGutter + " " + markers)
        }
        return rendered
    }

    /// `text` cut at the changed byte ranges. Ranges are clamped to the text, moved off the middle
    /// of a UTF-8 sequence, sorted and merged, so any ranges give sensible pieces.
    static func segments(_ text: String, changed ranges: [ByteRange]) -> [Segment] {
        let bytes = Array(text.utf8)
        func boundary(_ offset: Int) -> Int {
            var offset = min(max(offset, 0), bytes.count)
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            return offset
        }
        var merged: [Range<Int>] = []
        for range in ranges.map({ boundary($0.start)..<boundary(max($0.start, $0.end)) }).sorted(by: { $0.lowerBound < $1.lowerBound })
        where !range.isEmpty {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        var pieces: [Segment] = []
        var position = 0
        func append(_ range: Range<Int>, changed: Bool) {
            guard !range.isEmpty else { return }
            pieces.append(Segment(text: String(decoding: bytes[range], as: UTF8.self), isChanged: changed))
        }
        for range in merged {
            append(position..<range.lowerBound, changed: false)
            append(range, changed: true)
            position = range.upperBound
        }
        append(position..<bytes.count, changed: false)
        return pieces
    }

    private static func pad(_ number: String?, _ width: Int) -> String {
        let text = number ?? ""
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
