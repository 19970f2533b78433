import Synchronization
import SchemaModel
import SQLTokenizer

extension Fingerprint {
    /// The fingerprint of `sql`'s canonical form: equal for texts that differ only in formatting.
    public init(normalizing sql: String) {
        self = NormalizedFingerprints.shared.fingerprint(of: sql)
    }

    /// The fingerprint of `sql`'s exact UTF-8 text.
    public init(exactText sql: String) {
        var sql = sql
        self.init(hex: sql.withUTF8 { SHA256Digest.hex(of: $0) })
    }
}

/// Canonical fingerprints already computed in this process, by text: the two sides of a comparison
/// are read at the same time and mostly hold the same definitions, so each text is normalized once.
/// Texts are told apart byte for byte, never by Unicode equivalence (which `String`'s `==` uses).
/// Bounded, so that a long-lived process does not grow without end.
final class NormalizedFingerprints: Sendable {
    static let shared = NormalizedFingerprints()
    private static let capacity = 100_000

    private let known = Mutex<[TextKey: Fingerprint]>([:])

    func fingerprint(of sql: String) -> Fingerprint {
        let key = TextKey(sql)
        if let remembered = known.withLock({ $0[key] }) { return remembered }
        var sql = sql
        let computed = Fingerprint(hex: sql.withUTF8 { SQLNormalizer.withCanonicalBytes(of: $0) { SHA256Digest.hex(of: $0) } })
        known.withLock { known in
            if known.count >= Self.capacity { known.removeAll(keepingCapacity: true) }
            known[key] = computed
        }
        return computed
    }
}

/// A definition's text as a dictionary key: equal by its bytes, hashed by a digest of them taken once.
/// Hashing the whole text with `Hasher` for the look-up, and again to insert it, cost some 2 % of a
/// compare's instructions.
private struct TextKey: Hashable {
    let text: String
    /// A quick 64-bit digest of the text's bytes: spreads keys, proves nothing.
    let digest: UInt64

    init(_ text: String) {
        var text = text
        digest = text.withUTF8 { Self.digest(of: UnsafeRawBufferPointer($0)) }
        self.text = text
    }

    static func == (lhs: TextKey, rhs: TextKey) -> Bool {
        lhs.digest == rhs.digest && UTF8Bytes.equal(lhs.text, rhs.text)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(digest)
    }

    /// Eight bytes at a time: each word is mixed in with a multiplication and a shift, the length
    /// first and the last few bytes together.
    private static func digest(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0xFF51_AFD7_ED55_8CCD
        var digest = UInt64(truncatingIfNeeded: bytes.count) &* 0x9E37_79B9_7F4A_7C15
        var offset = 0
        while offset + 8 <= bytes.count {
            digest = (digest ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* multiplier
            digest ^= digest >> 32
            offset += 8
        }
        var tail: UInt64 = 0
        while offset < bytes.count {
            tail = tail << 8 | UInt64(bytes[offset])
            offset += 1
        }
        digest = (digest ^ tail) &* multiplier
        return digest ^ (digest >> 29)
    }
}
