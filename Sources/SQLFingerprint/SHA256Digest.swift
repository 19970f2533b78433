import CLibCrypto

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// The key of each thread's digest context, made on the thread's first hash and freed when the
    /// thread ends: making and freeing one for every hash (as `EVP_Digest` does) costs about as much
    /// as hashing a 100-byte definition.
    private static let contextKey: pthread_key_t = {
        var key = pthread_key_t()
        guard pthread_key_create(&key, { EVP_MD_CTX_free(OpaquePointer($0)) }) == 0 else {
            fatalError("no thread-specific key for the SHA-256 context")
        }
        return key
    }()

    /// This thread's digest context.
    private static var context: OpaquePointer {
        if let context = pthread_getspecific(contextKey) { return OpaquePointer(context) }
        // Failing to allocate a context leaves nothing to recover.
        guard let context = EVP_MD_CTX_new(), pthread_setspecific(contextKey, UnsafeRawPointer(context)) == 0 else {
            fatalError("libcrypto could not make a SHA-256 context")
        }
        return context
    }

    /// Writes the SHA-256 of `bytes` into `digest`'s 32 bytes.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, into digest: UnsafeMutablePointer<UInt8>) {
        let context = context
        // These fail only when libcrypto cannot allocate, which leaves nothing to recover.
        guard EVP_DigestInit_ex2(context, algorithm.digest, nil) == 1, EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) == 1,
              EVP_DigestFinal_ex(context, digest, nil) == 1 else {
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
