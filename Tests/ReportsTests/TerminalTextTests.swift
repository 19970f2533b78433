import Testing
@testable import Reports

@Suite("Terminal text sanitizing")
struct TerminalTextTests {
    @Test("plain text, including non-ASCII letters, comes through unchanged")
    func plainText() {
        #expect(TerminalText.sanitized("public.agent_calls ñandú 名前 (integer)") == "public.agent_calls ñandú 名前 (integer)")
    }

    @Test("an escape sequence loses its ESC byte and shows as \\x1b")
    func escapeSequence() {
        #expect(TerminalText.sanitized("\u{1B}[31mred\u{1B}[0m") == "\\x1b[31mred\\x1b[0m")
        #expect(TerminalText.sanitized("\u{1B}]0;title\u{07}") == "\\x1b]0;title\\x07")
    }

    @Test("NUL, DEL, carriage return and C1 controls are written as visible escapes")
    func controls() {
        #expect(TerminalText.sanitized("a\u{0}b\u{7F}c\rd\u{9B}e\u{85}") == "a\\x00b\\x7fc\\rd\\u{9B}e\\u{85}")
    }

    @Test("bidirectional overrides, isolates, marks and zero-width characters are made visible")
    func bidirectional() {
        #expect(TerminalText.sanitized("admin\u{202E}nimda\u{2066}x\u{2069}\u{200F}\u{200B}\u{FEFF}\u{2028}")
            == "admin\\u{202E}nimda\\u{2066}x\\u{2069}\\u{200F}\\u{200B}\\u{FEFF}\\u{2028}")
    }

    @Test("line feeds and tabs are escaped on one line and kept when the layout is kept")
    func layout() {
        #expect(TerminalText.sanitized("a\nb\tc") == "a\\nb\\tc")
        #expect(TerminalText.sanitized("a\nb\tc\u{1B}", keepingLayout: true) == "a\nb\tc\\x1b")
    }

    @Test("U+FFFD (what invalid UTF-8 from the database becomes) stays visible as itself")
    func replacementCharacter() {
        #expect(TerminalText.sanitized("bad \u{FFFD} byte") == "bad \u{FFFD} byte")
    }

    @Test("no control or invisible layout character of the BMP survives sanitizing")
    func nothingSurvives() {
        var all = ""
        for value in 0...0xFFFF { if let scalar = Unicode.Scalar(value) { all.unicodeScalars.append(scalar) } }
        let sanitized = TerminalText.sanitized(all)
        #expect(!sanitized.unicodeScalars.contains { TerminalText.needsEscape($0, keepingLayout: false) })
        #expect(!sanitized.unicodeScalars.contains { $0.properties.generalCategory == .control })
    }
}
