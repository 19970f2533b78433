import CLibCrypto

/// SHA-256 from the system's libcrypto (the OpenSSL that libpq already links).
public enum SHA256Digest {
    /// The SHA-256 of `bytes`, as 64 lower-case hex digits.
    public static func hex(of bytes: some Sequence<UInt8>) -> String {
        if let text = bytes.withContiguousStorageIfAvailable({ hex(of: $0) }) { return text }
        return Array(bytes).withUnsafeBufferPointer { hex(of: $0) }
    }

    /// The SHA-256 of a contiguous buffer, as 64 lower-case hex digits, without intermediate arrays.
    public static func hex(of bytes: UnsafeBufferPointer<UInt8>) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: digestLength) { digest in
            // SHA256 only fails on a null output pointer, which this buffer never is.
            _ = SHA256(bytes.baseAddress, bytes.count, digest.baseAddress)
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
        digest.withUnsafeMutableBufferPointer { output in
            // SHA256 only fails on a null output pointer, which this buffer never is.
            _ = SHA256(bytes.baseAddress, bytes.count, output.baseAddress)
        }
        return digest
    }
}
