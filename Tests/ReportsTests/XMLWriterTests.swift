import Testing
@testable import Reports

@Suite("XML writer")
struct XMLWriterTests {
    @Test("text escapes the five special characters, so ]]> is harmless")
    func specialCharacters() {
        #expect(XMLWriter.escapedText("<a & 'b' \"c\">]]>") == "&lt;a &amp; &apos;b&apos; &quot;c&quot;&gt;]]&gt;")
    }

    @Test("characters XML 1.0 forbids become visible escapes; tab, line feed and carriage return survive")
    func forbiddenCharacters() {
        #expect(XMLWriter.escapedText("a\u{0}b\u{1B}c\u{FFFE}d\u{FFFF}e\u{B}f") == "a\\x00b\\x1bc\\u{FFFE}d\\u{FFFF}e\\x0bf")
        #expect(XMLWriter.escapedText("x\ty\nz\r") == "x\ty\nz&#13;")
    }

    @Test("attribute values keep line feeds, tabs and carriage returns as character references")
    func attributeWhitespace() {
        #expect(XMLWriter.escapedAttribute("a\nb\tc\rd'") == "a&#10;b&#9;c&#13;d&apos;")
    }

    @Test("a document keeps attribute order, indents by two spaces and self-closes empty elements")
    func document() {
        var xml = XMLWriter()
        xml.open("root", [("z", "1"), ("a", "<2>")])
        xml.element("empty", [("name", "n")])
        xml.element("body", text: "line 1\n  line 2")
        xml.open("inner")
        xml.element("leaf", [("b", "x"), ("a", "y")], text: "")
        #expect(xml.finish() == """
            <?xml version="1.0" encoding="UTF-8"?>
            <root z="1" a="&lt;2&gt;">
              <empty name="n"/>
              <body>line 1
              line 2</body>
              <inner>
                <leaf b="x" a="y"></leaf>
              </inner>
            </root>

            """)
    }

    @Test("every character of the BMP, in text and in an attribute, gives a well-formed document")
    func everyCharacterIsWellFormed() throws {
        var all = ""
        for value in 0...0xFFFF { if let scalar = Unicode.Scalar(value) { all.unicodeScalars.append(scalar) } }
        var xml = XMLWriter()
        xml.open("testsuites")
        xml.open("testsuite", [("name", all), ("tests", "1")])
        xml.element("testcase", [("name", all)])
        xml.element("system-out", text: all)
        let outcome = try XMLLint.validate(xml.finish())
        #expect(outcome.status == 0, "\(outcome.output)")
    }
}
