import Foundation
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
final class NormalizedFingerprints: @unchecked Sendable {
    static let shared = NormalizedFingerprints()
    private static let capacity = 100_000

    private let lock = NSLock()
    private var known: [ExactString: Fingerprint] = [:]

    func fingerprint(of sql: String) -> Fingerprint {
        let key = ExactString(sql)
        lock.lock()
        let remembered = known[key]
        lock.unlock()
        if let remembered { return remembered }
        var sql = sql
        let computed = Fingerprint(hex: sql.withUTF8 { SQLNormalizer.withCanonicalBytes(of: $0) { SHA256Digest.hex(of: $0) } })
        lock.lock()
        if known.count >= Self.capacity { known.removeAll(keepingCapacity: true) }
        known[key] = computed
        lock.unlock()
        return computed
    }
}
