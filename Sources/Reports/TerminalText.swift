/// Makes database-derived text safe to print: no byte from a database can move the cursor,
/// change colours, retitle the terminal or reorder what a reader sees.
///
/// Control characters and invisible layout characters are written as visible escapes:
/// C0 controls and DEL as `\x1b`, `\x00`…; C1 controls, bidirectional overrides and marks,
/// zero-width characters, line/paragraph separators and U+FFFE/U+FFFF as `\u{202E}`…; a line feed as `\n` and a
/// tab as `\t`, unless the caller keeps the text's layout. Backslashes are left alone so that SQL
/// (regular expressions, `E''` strings) stays readable; the escapes are for display, not parsing.
public enum TerminalText {
    /// The text with every control and invisible layout character written as a visible escape,
    /// on one line.
    public static func sanitized(_ s: String) -> String {
        sanitized(s, keepingLayout: false)
    }

    /// The text made safe like `sanitized(_:)`; with `keepingLayout`, line feeds and tabs stay as
    /// they are (for multi-line bodies and diff lines, where they are the text's shape).
    public static func sanitized(_ s: String, keepingLayout: Bool) -> String {
        // Fast path: most names and lines need nothing.
        if !s.unicodeScalars.contains(where: { needsEscape($0, keepingLayout: keepingLayout) }) { return s }
        var result = ""
        result.unicodeScalars.reserveCapacity(s.unicodeScalars.count + 16)
        for scalar in s.unicodeScalars {
            if needsEscape(scalar, keepingLayout: keepingLayout) {
                result += escape(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether `scalar` must not reach a terminal (or a rendered page) as it is.
    static func needsEscape(_ scalar: Unicode.Scalar, keepingLayout: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: !keepingLayout
        case 0x00...0x1F, 0x7F...0x9F: true
        // Arabic letter mark, zero-width space/joiners, LRM/RLM.
        case 0x061C, 0x200B...0x200F: true
        // Line and paragraph separators, bidirectional embeddings and overrides.
        case 0x2028...0x202E: true
        // Word joiner, invisible operators, bidirectional isolates.
        case 0x2060...0x2069: true
        // Byte-order mark / zero-width no-break space; the two noncharacters of the BMP's end.
        case 0xFEFF, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// The visible escape for one scalar: `\n`, `\t`, `\r`, `\x1b` for ASCII controls,
    /// `\u{202E}` for the rest.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x0A: return "\\n"
        case 0x09: return "\\t"
        case 0x0D: return "\\r"
        case 0x00...0x7F:
            let hex = String(scalar.value, radix: 16)
            return "\\x" + (hex.count < 2 ? "0" + hex : hex)
        default:
            return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}
