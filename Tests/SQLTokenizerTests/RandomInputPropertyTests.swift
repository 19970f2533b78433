import Testing
import SeededRandom
@testable import SQLTokenizer

/// Bytes drawn mostly from SQL's interesting characters, sometimes from anywhere.
private func randomInput(_ generator: inout SeededGenerator) -> [UInt8] {
    let alphabet = Array("'\"$-/*+.:;()[]eEuUxXbBnN&0123456789_ab \n\\@%<>=!#|`?~^".utf8) + [0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80, 0xFF, 0x80]
    let length = Int.random(in: 0...40, using: &generator)
    return (0..<length).map { _ in
        Int.random(in: 0..<10, using: &generator) == 0
            ? UInt8.random(in: 0...255, using: &generator)
            : alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
    }
}

@Suite("Random byte strings")
struct RandomInputPropertyTests {
    @Test func tokensCoverEveryInputExactly() {
        var generator = SeededGenerator(state: 2)
        for _ in 0..<5000 {
            let input = randomInput(&generator)
            let tokens = input.withUnsafeBufferPointer { SQLLexer.tokenize($0) }
            var position = 0
            for token in tokens {
                #expect(token.start == position, "gap or overlap in \(input)")
                #expect(token.end > token.start, "empty token in \(input)")
                position = token.end
            }
            #expect(position == input.count, "tokens stop short in \(input)")
        }
    }

    @Test func canonicalFormIsIdempotent() {
        var generator = SeededGenerator(state: 3)
        for _ in 0..<5000 {
            let text = String(decoding: randomInput(&generator), as: UTF8.self)
            let once = SQLNormalizer.canonicalForm(of: text)
            #expect(SQLNormalizer.canonicalForm(of: once) == once, "not idempotent for \(Array(text.utf8))")
        }
    }

    /// The writer writes most text as the lexer reads it and collects the tokens of routine
    /// statements (and of texts whose tokens are recorded) first: both ways give the same bytes.
    @Test func writingTokensAsReadGivesWhatWritingThemCollectedGives() {
        var generator = SeededGenerator(state: 5)
        let openings = ["", "DO ", "select 1; DO ", "f(1; DO ", "CREATE FUNCTION f() LANGUAGE sql AS ", "DO $a$ DO '' $a$; DO "]
        for _ in 0..<5000 {
            let opening = openings[Int.random(in: 0..<openings.count, using: &generator)]
            let input = Array(opening.utf8) + randomInput(&generator) + Array(" ; DO ".utf8) + randomInput(&generator)
            input.withUnsafeBufferPointer { bytes in
                var asRead = CanonicalWriter()
                asRead.append(bytes)
                var collected = CanonicalWriter(recordingUnits: true)
                collected.append(bytes)
                #expect(Array(asRead.output.bytes) == Array(collected.output.bytes), "different canonical forms for \(input)")
            }
        }
    }

    @Test func canonicalFormOfRoutineTextIsIdempotent() {
        var generator = SeededGenerator(state: 4)
        for _ in 0..<2000 {
            let body = String(decoding: randomInput(&generator), as: UTF8.self).filter { $0 != "$" }
            let text = "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $fn$\(body)$fn$"
            let once = SQLNormalizer.canonicalForm(of: text)
            #expect(SQLNormalizer.canonicalForm(of: once) == once, "not idempotent for \(body)")
        }
    }
}
