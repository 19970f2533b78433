import CLibCrypto

/// SHA-256 from the system's libcrypto (the OpenSSL that libpq already links).
public enum SHA256Digest {
    /// The SHA-256 of `bytes`, as 64 lower-case hex digits.
    public static func hex(of bytes: some Sequence<UInt8>) -> String {
        let contiguous: [UInt8]? = bytes.withContiguousStorageIfAvailable { Self.digest(of: $0) }
        let digest = contiguous ?? Array(bytes).withUnsafeBufferPointer { Self.digest(of: $0) }
        return hexString(digest)
    }

    /// The 32-byte SHA-256 of a contiguous buffer.
    public static func digest(of bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        digest.withUnsafeMutableBufferPointer { output in
            // SHA256 only fails on a null output pointer, which this buffer never is.
            _ = SHA256(bytes.baseAddress, bytes.count, output.baseAddress)
        }
        return digest
    }

    private static func hexString(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(digest.count * 2)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
