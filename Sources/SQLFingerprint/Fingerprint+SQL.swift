import SchemaModel
import SQLTokenizer

extension Fingerprint {
    /// The fingerprint of `sql`'s canonical form: equal for texts that differ only in formatting.
    public init(normalizing sql: String) {
        self.init(hex: SHA256Digest.hex(of: SQLNormalizer.canonicalBytes(of: sql)))
    }

    /// The fingerprint of `sql`'s exact UTF-8 text.
    public init(exactText sql: String) {
        self.init(hex: SHA256Digest.hex(of: Array(sql.utf8)))
    }
}
