import CLibCrypto

/// SHA-256 from the system's libcrypto (the OpenSSL that libpq already links).
public enum SHA256Digest {
    /// OpenSSL 3's SHA-256 implementation, fetched once: `SHA256()` looks it up again on every call,
    /// which costs more than hashing a short definition.
    private static let algorithm: Algorithm = {
        guard let fetched = EVP_MD_fetch(nil, "SHA256", nil) else { fatalError("libcrypto has no SHA-256") }
        return Algorithm(digest: fetched)
    }()

    /// A fetched `EVP_MD`: immutable, and safe to use from any thread.
    private struct Algorithm: @unchecked Sendable {
        let digest: OpaquePointer
    }

    /// Writes the SHA-256 of `bytes` into `digest`'s 32 bytes.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, into digest: UnsafeMutablePointer<UInt8>) {
        // EVP_Digest fails only when it cannot allocate a context, which leaves nothing to recover.
        guard EVP_Digest(bytes.baseAddress, bytes.count, digest, nil, algorithm.digest, nil) == 1 else {
            fatalError("libcrypto could not compute a SHA-256")
        }
    }

    /// The SHA-256 of `bytes`, as 64 lower-case hex digits.
    public static func hex(of bytes: some Sequence<UInt8>) -> String {
        if let text = bytes.withContiguousStorageIfAvailable({ hex(of: $0) }) { return text }
        return Array(bytes).withUnsafeBufferPointer { hex(of: $0) }
    }

    /// The SHA-256 of a contiguous buffer, as 64 lower-case hex digits, without intermediate arrays.
    public static func hex(of bytes: UnsafeBufferPointer<UInt8>) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: digestLength) { digest in
            hash(bytes, into: digest.baseAddress!)
            return String(unsafeUninitializedCapacity: digestLength * 2) { text in
                for (position, byte) in digest.enumerated() {
                    text[2 * position] = hexDigits[Int(byte >> 4)]
                    text[2 * position + 1] = hexDigits[Int(byte & 0x0F)]
                }
                return digestLength * 2
            }
        }
    }

    private static let digestLength = Int(SHA256_DIGEST_LENGTH)
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// The 32-byte SHA-256 of a contiguous buffer.
    public static func digest(of bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        digest.withUnsafeMutableBufferPointer { output in hash(bytes, into: output.baseAddress!) }
        return digest
    }
}
