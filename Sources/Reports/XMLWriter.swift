/// A small XML 1.0 writer: elements with attributes in the order given, two-space indentation,
/// and escaping that keeps any string well-formed.
///
/// Text and attribute values escape `&`, `<`, `>`, `"` and `'` (so `]]>` is harmless; CDATA is
/// never used). Characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage
/// return; U+FFFE; U+FFFF) are replaced by a visible escape such as `\x1b`, so a document never
/// fails to parse because of what a database holds. Carriage returns, and in attribute values also
/// line feeds and tabs, are written as character references so parsers keep them as they are.
/// Element and attribute names come from code and are written as given.
public struct XMLWriter: Sendable {
    /// One attribute: name and unescaped value.
    public typealias Attribute = (name: String, value: String)

    /// The document written so far.
    public private(set) var document: String
    private var openElements: [String] = []

    /// Starts a document with the XML declaration (UTF-8).
    public init() {
        document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    }

    /// Opens an element whose children follow on their own lines.
    public mutating func open(_ name: String, _ attributes: [Attribute] = []) {
        document += indentation + "<" + name + Self.attributeList(attributes) + ">\n"
        openElements.append(name)
    }

    /// Closes the innermost open element; does nothing when none is open.
    public mutating func close() {
        guard let name = openElements.popLast() else { return }
        document += indentation + "</" + name + ">\n"
    }

    /// Writes a complete element: self-closing without text, otherwise with the escaped text
    /// exactly as given between its tags (no added whitespace, so bodies keep their shape).
    public mutating func element(_ name: String, _ attributes: [Attribute] = [], text: String? = nil) {
        document += indentation + "<" + name + Self.attributeList(attributes)
        if let text {
            document += ">" + Self.escapedText(text) + "</" + name + ">\n"
        } else {
            document += "/>\n"
        }
    }

    /// Closes every element still open and returns the finished document.
    public mutating func finish() -> String {
        while !openElements.isEmpty { close() }
        return document
    }

    private var indentation: String { String(repeating: "  ", count: openElements.count) }

    private static func attributeList(_ attributes: [Attribute]) -> String {
        attributes.map { " " + $0.name + "=\"" + escapedAttribute($0.value) + "\"" }.joined()
    }

    /// `text` escaped for element content.
    public static func escapedText(_ text: String) -> String {
        escaped(text, inAttribute: false)
    }

    /// `value` escaped for a double- or single-quoted attribute value.
    public static func escapedAttribute(_ value: String) -> String {
        escaped(value, inAttribute: true)
    }

    private static func escaped(_ text: String, inAttribute: Bool) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\r": result += "&#13;"
            // Attribute-value normalization would turn these into spaces.
            case "\n" where inAttribute: result += "&#10;"
            case "\t" where inAttribute: result += "&#9;"
            default:
                if isForbidden(scalar) {
                    result += TerminalText.escape(scalar)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Whether XML 1.0's `Char` production excludes `scalar` (surrogates cannot occur in a
    /// Swift string).
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
