/// Connection strings in the forms libpq accepts, made safe to show: every password is masked.
///
/// Handles URIs (`postgresql://user:secret@host/db?password=secret`), keyword/value strings
/// (`password=secret`, `password = 'se cret'`, backslash escapes) and a connection string nested in
/// `dbname=`. A string libpq would reject is masked from the point where it stops making sense.
public enum ConnectionString {
    /// The string with each password value replaced by `***`; everything else is left as written.
    public static func masked(_ connectionString: String) -> String {
        let bytes = Array(connectionString.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        for secret in secrets(in: bytes) {
            output += bytes[copied..<secret.range.lowerBound]
            output += secret.replacement
            copied = secret.range.upperBound
        }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    /// The passwords written in the string, as libpq would read them (percent-decoded, unquoted).
    static func passwords(in connectionString: String) -> [String] {
        secrets(in: Array(connectionString.utf8)).flatMap(\.passwords).filter { !$0.isEmpty }
    }

    /// A stretch of the string to hide, what to show instead, and the passwords it held.
    private struct Secret {
        let range: Range<Int>
        let replacement: [UInt8]
        let passwords: [String]
    }

    private static let mask = Array("***".utf8)

    /// The secrets in `bytes`, in order, not overlapping.
    private static func secrets(in bytes: [UInt8]) -> [Secret] {
        for scheme in ["postgresql://", "postgres://"] where hasPrefixIgnoringCase(bytes, scheme) {
            return uriSecrets(in: bytes, authorityStart: scheme.utf8.count)
        }
        return keywordSecrets(in: bytes)
    }

    /// The password in the userinfo part and any `password=` query parameter of a URI.
    private static func uriSecrets(in bytes: [UInt8], authorityStart: Int) -> [Secret] {
        var secrets: [Secret] = []
        let queryStart = bytes[authorityStart...].firstIndex(of: UInt8(ascii: "?")) ?? bytes.count
        // The last '@' before the query ends the userinfo; masking too much is harmless, too little is not.
        if let at = bytes[authorityStart..<queryStart].lastIndex(of: UInt8(ascii: "@")),
            let colon = bytes[authorityStart..<at].firstIndex(of: UInt8(ascii: ":")), colon + 1 < at
        {
            secrets.append(Secret(range: colon + 1..<at, replacement: mask,
                                  passwords: [percentDecoded(bytes[colon + 1..<at])]))
        }
        var pairStart = queryStart + 1
        while pairStart <= bytes.count {
            let pairEnd = bytes[pairStart...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.count
            if let equals = bytes[pairStart..<pairEnd].firstIndex(of: UInt8(ascii: "=")),
                percentDecoded(bytes[pairStart..<equals]).lowercased() == "password", equals + 1 < pairEnd
            {
                secrets.append(Secret(range: equals + 1..<pairEnd, replacement: mask,
                                      passwords: [percentDecoded(bytes[equals + 1..<pairEnd])]))
            }
            pairStart = pairEnd + 1
        }
        return secrets
    }

    /// The `password` values of a keyword/value string, read with libpq's quoting rules.
    private static func keywordSecrets(in bytes: [UInt8]) -> [Secret] {
        var secrets: [Secret] = []
        var index = 0
        func skipSpaces() { while index < bytes.count, isSpace(bytes[index]) { index += 1 } }
        while true {
            skipSpaces()
            guard index < bytes.count else { break }
            let keywordStart = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "=") { index += 1 }
            let keyword = String(decoding: bytes[keywordStart..<index], as: UTF8.self).lowercased()
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                // libpq rejects the string here; hide the rest, which may hold a value it never parsed.
                if index < bytes.count {
                    secrets.append(Secret(range: index..<bytes.count, replacement: mask, passwords: []))
                }
                break
            }
            index += 1
            skipSpaces()
            let valueStart = index
            var value: [UInt8] = []
            let quoted = index < bytes.count && bytes[index] == UInt8(ascii: "'")
            if quoted { index += 1 }
            while index < bytes.count {
                let byte = bytes[index]
                if quoted ? byte == UInt8(ascii: "'") : isSpace(byte) { break }
                if byte == UInt8(ascii: "\\"), index + 1 < bytes.count { index += 1 }
                value.append(bytes[index])
                index += 1
            }
            if quoted, index < bytes.count { index += 1 }
            let range = valueStart..<index
            if keyword == "password", !range.isEmpty {
                secrets.append(Secret(range: range, replacement: mask,
                                      passwords: [String(decoding: value, as: UTF8.self)]))
            } else if keyword == "dbname" {
                let nested = self.secrets(in: value)
                if !nested.isEmpty {
                    let shown = quotedKeywordValue(masked(String(decoding: value, as: UTF8.self)))
                    secrets.append(Secret(range: range, replacement: shown, passwords: nested.flatMap(\.passwords)))
                }
            }
        }
        return secrets
    }

    /// A keyword value in single quotes, with `'` and `\` escaped as libpq expects.
    private static func quotedKeywordValue(_ value: String) -> [UInt8] {
        var quoted: [UInt8] = [UInt8(ascii: "'")]
        for byte in value.utf8 {
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\\") { quoted.append(UInt8(ascii: "\\")) }
            quoted.append(byte)
        }
        quoted.append(UInt8(ascii: "'"))
        return quoted
    }

    /// `%XX` sequences turned into bytes, as libpq does for URI parts; a malformed `%` stays as it is.
    private static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> String {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (UInt8(ascii: "\t")...UInt8(ascii: "\r")).contains(byte)
    }

    private static func hasPrefixIgnoringCase(_ bytes: [UInt8], _ prefix: String) -> Bool {
        let prefixBytes = Array(prefix.utf8)
        guard bytes.count >= prefixBytes.count else { return false }
        return zip(bytes, prefixBytes).allSatisfy { byte, expected in
            byte == expected || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") && byte + 32 == expected)
        }
    }
}
