import SchemaModel
import SQLFingerprint
import SQLTokenizer

/// libFuzzer target: the tokenizer, normalizer and fingerprint over arbitrary bytes.
///
/// Every input must keep three promises, and a broken promise traps so that libFuzzer records the
/// input: the tokens cover the bytes exactly (no gap, no overlap, none empty), the canonical form is
/// a fixed point of normalization, and equal texts have equal fingerprints.
@_cdecl("LLVMFuzzerTestOneInput")
public func tokenizerFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    checkCoverage(of: bytes)
    let canonical = SQLNormalizer.canonicalBytes(of: bytes)
    let twice = canonical.withUnsafeBufferPointer { SQLNormalizer.canonicalBytes(of: $0) }
    require(twice == canonical, "canonical form is not idempotent")

    // Two separately built strings with the same bytes: a fingerprint must not depend on storage.
    let text = String(decoding: bytes, as: UTF8.self)
    let copy = String(decoding: Array(bytes), as: UTF8.self)
    require(Fingerprint(normalizing: text) == Fingerprint(normalizing: copy), "equal texts, different fingerprints")
    require(Fingerprint(normalizing: text) == Fingerprint(normalizing: SQLNormalizer.canonicalForm(of: text)),
            "a text and its canonical form have different fingerprints")
    _ = SQLNormalizer.formattingDifferences(between: text, and: SQLNormalizer.canonicalForm(of: text))
    return 0
}

/// Traps when the tokens of `bytes` leave a gap, overlap, or are empty.
private func checkCoverage(of bytes: UnsafeBufferPointer<UInt8>) {
    var expectedStart = 0
    SQLLexer.forEachToken(in: bytes) { token in
        require(token.start == expectedStart, "token at \(token.start) should start at \(expectedStart)")
        require(token.end > token.start, "empty token at \(token.start)")
        expectedStart = token.end
    }
    require(expectedStart == bytes.count, "tokens end at \(expectedStart) of \(bytes.count) bytes")
}

