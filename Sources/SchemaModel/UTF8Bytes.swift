#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-wise comparison of UTF-8 (or any) bytes.
public enum UTF8Bytes {
    /// Negative when `left` sorts first, zero when equal, positive when `right` sorts first; a prefix
    /// sorts first.
    public static func compare(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(left.count, right.count)
        if common > 0, let leftStart = left.baseAddress, let rightStart = right.baseAddress {
            let order = memcmp(leftStart, rightStart, common)
            if order != 0 { return Int(order) }
        }
        return left.count - right.count
    }

    /// `compare` of two strings' UTF-8: unlike `String`'s own comparison, never by Unicode equivalence.
    /// Reads the bytes where the strings keep them (no copy of either string is made).
    public static func compare(_ left: String, _ right: String) -> Int {
        if storedAlike(left, right) { return 0 }
        let inPlace = left.utf8.withContiguousStorageIfAvailable { left in
            right.utf8.withContiguousStorageIfAvailable { right in compare(left, right) }
        }
        if let order = inPlace ?? nil { return order }
        // Strings that keep no contiguous UTF-8 (bridged from Objective-C), byte after byte.
        for (leftByte, rightByte) in zip(left.utf8, right.utf8) where leftByte != rightByte {
            return Int(leftByte) - Int(rightByte)
        }
        return left.utf8.count - right.utf8.count
    }

    /// Whether two strings have the same UTF-8 bytes. `String`'s `==` also holds for canonically
    /// equivalent strings (`"é"` and `"e\u{301}"`), which PostgreSQL tells apart: `length()` of the
    /// two differs, and so would a name or a literal holding them. Every comparison of names,
    /// definitions and values uses this instead.
    @inlinable
    public static func equal(_ left: String, _ right: String) -> Bool {
        storedAlike(left, right) || (left.utf8.count == right.utf8.count && compare(left, right) == 0)
    }

    /// Whether two strings are stored alike: the same small string (up to 15 bytes, kept inline), or
    /// the same length and flags referring to the same storage, which no string ever changes. Strings
    /// stored alike have the same bytes; strings stored apart may too, and are compared byte by byte.
    /// A string is two machine words on the 64-bit platforms deepdiff runs on.
    @inlinable
    static func storedAlike(_ left: String, _ right: String) -> Bool {
        unsafeBitCast(left, to: (UInt, UInt).self) == unsafeBitCast(right, to: (UInt, UInt).self)
    }

    /// `equal` of two optional strings: two nils are equal, a nil equals no string.
    public static func equal(_ left: String?, _ right: String?) -> Bool {
        switch (left, right) {
        case (nil, nil): true
        case let (left?, right?): equal(left, right)
        default: false
        }
    }

    /// `equal` of two lists, element by element.
    public static func equal(_ left: [String], _ right: [String]) -> Bool {
        left.count == right.count && left.indices.allSatisfy { equal(left[$0], right[$0]) }
    }

    /// Whether two lists hold the same texts by bytes, in whatever order.
    public static func equalIgnoringOrder(_ left: [String], _ right: [String]) -> Bool {
        equal(sorted(left), sorted(right))
    }

    /// `texts` in ascending order of their UTF-8 bytes.
    public static func sorted(_ texts: [String]) -> [String] {
        // Most lists of grants and options hold none or one.
        texts.count < 2 ? texts : texts.sorted { compare($0, $1) < 0 }
    }

    /// Feeds `text`'s UTF-8 bytes to `hasher`, so that hashing agrees with `equal`.
    public static func hash(_ text: String, into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        // Ends the text, so that ("ab", "c") and ("a", "bc") hash apart.
        hasher.combine(0xFF as UInt8)
    }

    /// `hash` of an optional string, nil hashing apart from every string.
    public static func hash(_ text: String?, into hasher: inout Hasher) {
        if let text { hash(text, into: &hasher) } else { hasher.combine(0xFE as UInt8) }
    }
}

/// A string compared and hashed by its UTF-8 bytes (see `UTF8Bytes.equal`), for keys of sets and
/// dictionaries.
public struct ExactString: Hashable, Sendable {
    /// The string.
    public let text: String

    /// `text`, compared by its bytes.
    public init(_ text: String) { self.text = text }

    public static func == (lhs: ExactString, rhs: ExactString) -> Bool { UTF8Bytes.equal(lhs.text, rhs.text) }

    public func hash(into hasher: inout Hasher) { UTF8Bytes.hash(text, into: &hasher) }
}

extension UTF8Bytes {
    /// `text` with every occurrence of `pattern` replaced by `replacement`, matched byte for byte
    /// (`"\n"` is found inside `"\r\n"`, which `String`'s own `replacing` treats as one character).
    public static func replacing(_ pattern: String, with replacement: String, in text: String) -> String {
        let pattern = Array(pattern.utf8)
        guard let first = pattern.first else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == first, bytes.count - index >= pattern.count, bytes[index..<index + pattern.count].elementsEqual(pattern) {
                result.append(contentsOf: replacement.utf8)
                index += pattern.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
