import SchemaModel
import SQLTokenizer

extension Fingerprint {
    /// The fingerprint of `sql`'s canonical form: equal for texts that differ only in formatting.
    public init(normalizing sql: String) {
        var sql = sql
        self.init(hex: sql.withUTF8 { SQLNormalizer.withCanonicalBytes(of: $0) { SHA256Digest.hex(of: $0) } })
    }

    /// The fingerprint of `sql`'s exact UTF-8 text.
    public init(exactText sql: String) {
        var sql = sql
        self.init(hex: sql.withUTF8 { SHA256Digest.hex(of: $0) })
    }
}
