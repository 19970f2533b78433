/// The listings `deepdiff tokens` prints: one line per token, as text or as JSON.
public enum TokenListing {
    /// One `START-END KIND TEXT` line per token of `bytes`.
    public static func text(of bytes: [UInt8]) -> [UInt8] {
        listing(of: bytes, appendText)
    }

    /// One JSON object per line per token of `bytes`: keys start, end, kind, text, and for an
    /// error token also bytes (hex).
    public static func jsonLines(of bytes: [UInt8]) -> [UInt8] {
        listing(of: bytes, appendJSON)
    }

    private static func listing(of bytes: [UInt8], _ appendLine: (Token, ArraySlice<UInt8>, inout [UInt8]) -> Void) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 4)
        bytes.withUnsafeBufferPointer { buffer in
            SQLLexer.forEachToken(in: buffer) { token in appendLine(token, bytes[token.range], &output) }
        }
        return output
    }

    /// `START-END KIND TEXT`, with the text escaped so every byte is visible.
    private static func appendText(_ token: Token, _ text: ArraySlice<UInt8>, _ output: inout [UInt8]) {
        output.append(contentsOf: "\(token.start)-\(token.end) \(token.kind.name) ".utf8)
        forEachScalar(text) { scalar in
            switch scalar {
            case .valid(let value) where value == "\\": output.append(contentsOf: #"\\"#.utf8)
            case .valid(let value) where value == "\n": output.append(contentsOf: #"\n"#.utf8)
            case .valid(let value) where value == "\r": output.append(contentsOf: #"\r"#.utf8)
            case .valid(let value) where value == "\t": output.append(contentsOf: #"\t"#.utf8)
            case .valid(let value) where value.value < 0x20 || value.value == 0x7F:
                output.append(contentsOf: "\\x\(hex(UInt8(value.value)))".utf8)
            case .valid(let value): output.append(contentsOf: String(value).utf8)
            case .invalid(let byte): output.append(contentsOf: "\\x\(hex(byte))".utf8)
            }
        }
        output.append(0x0A)
    }

    /// `{"start":S,"end":E,"kind":"K","text":"T"}`, plus `"bytes":"HEX"` for an error token;
    /// invalid UTF-8 in `text` becomes U+FFFD.
    private static func appendJSON(_ token: Token, _ text: ArraySlice<UInt8>, _ output: inout [UInt8]) {
        output.append(contentsOf: "{\"start\":\(token.start),\"end\":\(token.end),\"kind\":\"\(token.kind.name)\",\"text\":\"".utf8)
        forEachScalar(text) { scalar in
            switch scalar {
            case .valid(let value) where value == "\"": output.append(contentsOf: #"\""#.utf8)
            case .valid(let value) where value == "\\": output.append(contentsOf: #"\\"#.utf8)
            case .valid(let value) where value == "\n": output.append(contentsOf: #"\n"#.utf8)
            case .valid(let value) where value == "\r": output.append(contentsOf: #"\r"#.utf8)
            case .valid(let value) where value == "\t": output.append(contentsOf: #"\t"#.utf8)
            case .valid(let value) where value.value < 0x20:
                output.append(contentsOf: "\\u00\(hex(UInt8(value.value)))".utf8)
            case .valid(let value): output.append(contentsOf: String(value).utf8)
            case .invalid: output.append(contentsOf: "\u{FFFD}".utf8)
            }
        }
        output.append(UInt8(ascii: "\""))
        if token.kind == .error {
            output.append(contentsOf: ",\"bytes\":\"\(text.map(hex).joined())\"".utf8)
        }
        output.append(contentsOf: "}\n".utf8)
    }

    private enum Scalar {
        case valid(Unicode.Scalar)
        case invalid(UInt8)
    }

    /// Decodes `text` as UTF-8, reporting each byte of an invalid sequence on its own.
    private static func forEachScalar(_ text: ArraySlice<UInt8>, _ body: (Scalar) -> Void) {
        var iterator = text.makeIterator()
        var parser = UTF8.ForwardParser()
        var offset = text.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                body(.valid(UTF8.decode(encoded)))
                offset += encoded.count
            case .error(let length):
                for index in offset..<(offset + length) { body(.invalid(text[index])) }
                offset += length
            case .emptyInput:
                return
            }
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
