/// An open-addressing hash table of PostgreSQL's keywords, keyed by the lower-cased word packed
/// into three 64-bit words, so classifying an identifier allocates nothing.
struct KeywordTable: Sendable {
    /// No keyword is longer than this many bytes (`current_timestamp`).
    static let maximumLength = 24

    /// No keyword is longer than this, so longer names skip the lookup.
    fileprivate static let longestKeyword = 17

    private static let slotBits = 10
    fileprivate static let slotCount = 1 << slotBits

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
    /// `count` must be at most `maximumLength`; `readable` is how many bytes from `bytes` may be
    /// read, which lets the common case load whole words instead of copying byte by byte.
    @inline(__always)
    static func packedKey(_ bytes: UnsafePointer<UInt8>, count: Int, readable: Int = 0) -> (UInt64, UInt64, UInt64) {
        if readable >= 24 {
            let raw = UnsafeRawPointer(bytes)
            return (
                lowercased(raw.loadUnaligned(as: UInt64.self) & mask(keeping: count)),
                lowercased(raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & mask(keeping: count - 8)),
                lowercased(raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self) & mask(keeping: count - 16))
            )
        }
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        for index in 0..<count {
            let shifted = UInt64(bytes[index]) << UInt64((index & 7) * 8)
            switch index >> 3 {
            case 0: words.0 |= shifted
            case 1: words.1 |= shifted
            default: words.2 |= shifted
            }
        }
        return (lowercased(words.0), lowercased(words.1), lowercased(words.2))
    }

    /// A mask of the low `bytes` bytes of a word (all of it from 8 up, none at 0 or below).
    @inline(__always)
    private static func mask(keeping bytes: Int) -> UInt64 {
        if bytes >= 8 { return ~0 }
        if bytes <= 0 { return 0 }
        return (1 << UInt64(bytes * 8)) - 1
    }

    /// ASCII `A`–`Z` to `a`–`z` in all eight bytes of `word` at once.
    @inline(__always)
    static func lowercased(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let heptets = word & (0x7F * ones)
        let atLeastA = heptets &+ ((0x80 - 0x41) * ones)
        let beyondZ = heptets &+ ((0x80 - 0x5B) * ones)
        let isUpper = atLeastA & ~beyondZ & ~word & (0x80 * ones)
        return word | (isUpper >> 2)
    }

    @inline(__always)
    fileprivate static func slot(of key: (UInt64, UInt64, UInt64)) -> Int {
        let mixed = (key.0 &* 0x9E37_79B9_7F4A_7C15) ^ (key.1 &* 0xC2B2_AE3D_27D4_EB4F) ^ (key.2 &* 0x1656_67B1_9E37_79F9)
        return Int(truncatingIfNeeded: mixed >> UInt64(64 - slotBits))
    }

    /// The category of the word in `bytes[0..<count]` (any ASCII case), or nil when it is no
    /// keyword.
    func category(of bytes: UnsafePointer<UInt8>, count: Int) -> KeywordCategory? {
        withLookup { $0.category(of: bytes, count: count) }
    }

    /// Calls `body` with the table's storage as buffers, so a lexer probes it in its hot loop
    /// without retaining arrays or entering a closure per word.
    func withLookup<Result>(_ body: (Lookup) throws -> Result) rethrows -> Result {
        try keys.withUnsafeBufferPointer { keys in
            try categories.withUnsafeBufferPointer { categories in try body(Lookup(keys: keys, categories: categories)) }
        }
    }

    /// The table's storage, valid inside `withLookup`.
    struct Lookup {
        let keys: UnsafeBufferPointer<UInt64>
        let categories: UnsafeBufferPointer<UInt8>

        /// The category of the word in `bytes[0..<count]` (any ASCII case), or nil when it is no
        /// keyword; `readable` bytes from `bytes` may be read (beyond `count`, for speed).
        @inline(__always)
        func category(of bytes: UnsafePointer<UInt8>, count: Int, readable: Int = 0) -> KeywordCategory? {
            guard count > 0, count <= KeywordTable.longestKeyword else { return nil }
            let key = KeywordTable.packedKey(bytes, count: count, readable: readable)
            var slot = KeywordTable.slot(of: key)
            while true {
                let category = categories[slot]
                if category == 0 { return nil }
                if keys[slot * 3] == key.0 && keys[slot * 3 + 1] == key.1 && keys[slot * 3 + 2] == key.2 {
                    return KeywordCategory(rawValue: category)
                }
                slot = (slot + 1) & (KeywordTable.slotCount - 1)
            }
        }
    }
}
