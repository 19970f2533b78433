/// An open-addressing hash table of PostgreSQL's keywords, keyed by the lower-cased word packed
/// into three 64-bit words, so classifying an identifier allocates nothing.
struct KeywordTable: Sendable {
    /// No keyword is longer than this many bytes (`current_timestamp`).
    static let maximumLength = 24

    private static let slotBits = 10
    private static let slotCount = 1 << slotBits

    /// The table every lexer shares.
    static let shared = KeywordTable()

    /// Three packed words per slot.
    private var keys: [UInt64]
    /// `KeywordCategory.rawValue` per slot; 0 marks an empty slot.
    private var categories: [UInt8]

    private init() {
        keys = Array(repeating: 0, count: Self.slotCount * 3)
        categories = Array(repeating: 0, count: Self.slotCount)
        let lists: [(String, KeywordCategory)] = [
            (KeywordList.reserved, .reserved), (KeywordList.unreserved, .unreserved),
            (KeywordList.columnName, .columnName), (KeywordList.typeOrFunctionName, .typeOrFunctionName),
        ]
        for (list, category) in lists {
            for word in list.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                let bytes = Array(word.utf8)
                let key = bytes.withUnsafeBufferPointer { Self.packedKey($0.baseAddress!, count: $0.count) }
                var slot = Self.slot(of: key)
                while categories[slot] != 0 { slot = (slot + 1) & (Self.slotCount - 1) }
                keys[slot * 3] = key.0
                keys[slot * 3 + 1] = key.1
                keys[slot * 3 + 2] = key.2
                categories[slot] = category.rawValue
            }
        }
    }

    /// The word's bytes, ASCII-lower-cased, little-endian in three words, zero-padded.
    /// `count` must be at most `maximumLength`.
    @inline(__always)
    static func packedKey(_ bytes: UnsafePointer<UInt8>, count: Int) -> (UInt64, UInt64, UInt64) {
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        for index in 0..<count {
            var byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            let shifted = UInt64(byte) << UInt64((index & 7) * 8)
            switch index >> 3 {
            case 0: words.0 |= shifted
            case 1: words.1 |= shifted
            default: words.2 |= shifted
            }
        }
        return words
    }

    @inline(__always)
    private static func slot(of key: (UInt64, UInt64, UInt64)) -> Int {
        let mixed = (key.0 &* 0x9E37_79B9_7F4A_7C15) ^ (key.1 &* 0xC2B2_AE3D_27D4_EB4F) ^ (key.2 &* 0x1656_67B1_9E37_79F9)
        return Int(truncatingIfNeeded: mixed >> UInt64(64 - slotBits))
    }

    /// The category of the word in `bytes[0..<count]` (any ASCII case), or nil when it is no keyword.
    @inline(__always)
    func category(of bytes: UnsafePointer<UInt8>, count: Int) -> KeywordCategory? {
        guard count > 0, count <= Self.maximumLength else { return nil }
        let key = Self.packedKey(bytes, count: count)
        var slot = Self.slot(of: key)
        return keys.withUnsafeBufferPointer { keys in
            categories.withUnsafeBufferPointer { categories in
                while true {
                    let category = categories[slot]
                    if category == 0 { return nil }
                    if keys[slot * 3] == key.0 && keys[slot * 3 + 1] == key.1 && keys[slot * 3 + 2] == key.2 {
                        return KeywordCategory(rawValue: category)
                    }
                    slot = (slot + 1) & (Self.slotCount - 1)
                }
            }
        }
    }
}
