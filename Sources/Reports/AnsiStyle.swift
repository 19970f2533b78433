/// The few ANSI styles the text report uses. Applied only when the caller asked for colour.
enum AnsiStyle: String {
    case plain = ""
    case bold = "1"
    case removed = "31"
    case added = "32"
    case hunkHeader = "36"
    case changedToken = "7"
    case failing = "1;31"
    case passing = "1;32"
    case equivalent = "1;33"
    case security = "1;35"
    case dim = "2"

    /// `text` wrapped in this style and a reset (then `resuming`, for a span inside a styled line).
    func apply(_ text: String, color: Bool, resuming outer: AnsiStyle = .plain) -> String {
        guard color, self != .plain, !text.isEmpty else { return text }
        let resume = outer == .plain ? "" : "\u{1B}[\(outer.rawValue)m"
        return "\u{1B}[\(rawValue)m" + text + "\u{1B}[0m" + resume
    }
}
