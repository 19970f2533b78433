import SchemaModel

/// Safe pieces of GitHub/GitLab-flavoured Markdown for database-derived text: inline code that
/// no backtick can close early, table cells that no `|` or line break can split, fences that no
/// line of the content can end.
enum MarkdownText {
    /// `text` sanitized and shown as inline code, with a backtick fence longer than any run of
    /// backticks inside it.
    static func code(_ text: String) -> String {
        let content = TerminalText.sanitized(text)
        guard !content.isEmpty else { return "*(empty)*" }
        let fence = String(repeating: "`", count: longestBacktickRun(in: content) + 1)
        // CommonMark strips one space on each side when both are present; pad so that a content
        // starting or ending with a backtick or a space survives as it is.
        let needsPadding = content.first == "`" || content.last == "`" || (content.first == " " && content.last == " ")
        let padding = needsPadding ? " " : ""
        return fence + padding + content + padding + fence
    }

    /// `text` sanitized for running text (a heading): `&`, `<` and `>` as entities, so it
    /// cannot open an HTML tag.
    static func plain(_ text: String) -> String {
        let ampersands = UTF8Bytes.replacing("&", with: "&amp;", in: TerminalText.sanitized(text))
        return UTF8Bytes.replacing(">", with: "&gt;", in: UTF8Bytes.replacing("<", with: "&lt;", in: ampersands))
    }

    /// A table cell: `|` escaped (GitHub and GitLab honour `\|` inside code spans in tables) and
    /// line breaks written as `<br>`.
    static func cell(_ text: String) -> String {
        UTF8Bytes.replacing("\n", with: "<br>", in: UTF8Bytes.replacing("|", with: "\\|", in: text))
    }

    /// One table row from its cells.
    static func row(_ cells: [String]) -> String {
        "| " + cells.map(cell).joined(separator: " | ") + " |"
    }

    /// A header row and its delimiter row; `numeric` columns are right-aligned.
    static func header(_ titles: [String], numeric: Set<Int> = []) -> [String] {
        [row(titles), "|" + titles.indices.map { numeric.contains($0) ? " ---: |" : " --- |" }.joined()]
    }

    /// A fenced code block of `lines` (already sanitized), with `info` after the opening fence;
    /// the fence is longer than any backtick run in the lines.
    static func fenced(_ lines: [String], info: String) -> [String] {
        let longest = lines.map(longestBacktickRun).max() ?? 0
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return [fence + info] + lines + [fence]
    }

    static func longestBacktickRun(in text: String) -> Int {
        var longest = 0, current = 0
        for character in text {
            current = character == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}
