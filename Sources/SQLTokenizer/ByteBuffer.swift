/// A growable byte buffer whose appends are a capacity check and a copy, for the canonical
/// writer's hot path (an `Array` append also checks uniqueness and goes through generic code).
final class ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes written so far.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written so far; valid until the next append.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// A copy of the bytes written so far.
    var array: [UInt8] { Array(bytes) }

    // Offsets and lengths here are bounded by allocated sizes, so the arithmetic wraps instead of
    // checking for overflow: the checks cost more than the copies of most tokens.

    @inline(__always)
    private func reserve(_ extra: Int) {
        if count &+ extra > capacity { grow(to: count + extra) }
    }

    private func grow(to needed: Int) {
        capacity = max(needed, capacity * 2)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.initialize(from: base, count: count)
        base.deallocate()
        base = larger
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count &+= 1
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count &+= bytes.count
    }

    /// Appends a space when `spaced`, then the text of `token` in `bytes`, lower-cased when
    /// `lowercasing`: a token of the canonical form.
    @inline(__always)
    func appendToken(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token, spaced: Bool, lowercasing: Bool) {
        let length = token.end &- token.start
        guard let source = bytes.baseAddress, length <= 8 && token.start &+ 8 <= bytes.count && count &+ 9 <= capacity else {
            appendLongToken(bytes, token, spaced: spaced, lowercasing: lowercasing)
            return
        }
        // Most tokens: one word, stored whole (the bytes after the token are written over later).
        let word = UnsafeRawPointer(source + token.start).loadUnaligned(as: UInt64.self)
        var end = count
        if spaced {
            base[end] = UInt8(ascii: " ")
            end &+= 1
        }
        UnsafeMutableRawPointer(base + end).storeBytes(of: lowercasing ? KeywordTable.lowercased(word) : word, as: UInt64.self)
        count = end &+ length
    }

    /// `appendToken` with `quote` before and after the token.
    @inline(__always)
    func appendToken(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token, spaced: Bool, enclosedIn quote: UInt8) {
        let length = token.end &- token.start
        guard let source = bytes.baseAddress, length <= 8 && token.start &+ 8 <= bytes.count && count &+ 11 <= capacity else {
            appendLongToken(bytes, token, spaced: spaced, lowercasing: false, enclosedIn: quote)
            return
        }
        var end = count
        if spaced {
            base[end] = UInt8(ascii: " ")
            end &+= 1
        }
        base[end] = quote
        let word = UnsafeRawPointer(source + token.start).loadUnaligned(as: UInt64.self)
        UnsafeMutableRawPointer(base + (end &+ 1)).storeBytes(of: word, as: UInt64.self)
        end &+= length &+ 1
        base[end] = quote
        count = end &+ 1
    }

    /// `appendToken` for tokens longer than a word, near the end of `bytes` or of the capacity.
    @inline(never)
    private func appendLongToken(
        _ bytes: UnsafeBufferPointer<UInt8>, _ token: Token, spaced: Bool, lowercasing: Bool, enclosedIn quote: UInt8? = nil
    ) {
        // The space, the quotes, the token, and the bytes past its end that a last word stores
        // (up to seven, or fifteen when two words are stored for a shorter token).
        reserve(token.end &- token.start &+ 17)
        if let source = bytes.baseAddress, quote == nil && token.end &- token.start <= 16 && token.start &+ 16 <= bytes.count {
            // A long name (mostly): two words.
            var end = count
            if spaced {
                base[end] = UInt8(ascii: " ")
                end &+= 1
            }
            let words = UnsafeRawPointer(source + token.start)
            let first = words.loadUnaligned(as: UInt64.self)
            let second = words.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            let destination = UnsafeMutableRawPointer(base + end)
            destination.storeBytes(of: lowercasing ? KeywordTable.lowercased(first) : first, as: UInt64.self)
            destination.storeBytes(of: lowercasing ? KeywordTable.lowercased(second) : second, toByteOffset: 8, as: UInt64.self)
            count = end &+ token.end &- token.start
            return
        }
        if spaced {
            base[count] = UInt8(ascii: " ")
            count &+= 1
        }
        if let quote {
            base[count] = quote
            count &+= 1
        }
        copyReserved(bytes, from: token.start, to: token.end, lowercasing: lowercasing)
        if let quote {
            base[count] = quote
            count &+= 1
        }
    }

    /// Appends `bytes[range]`, with ASCII `A`–`Z` lower-cased when `lowercasing`.
    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lowercasing: Bool = false) {
        reserve(range.count &+ 7)
        copyReserved(bytes, from: range.lowerBound, to: range.upperBound, lowercasing: lowercasing)
    }

    /// Copies `bytes[start..<end]` (lower-cased if asked) to the end, which has room for it plus
    /// seven bytes: most tokens are a few bytes, and eight-byte loads and stores beat a call to
    /// memcpy. A last word may store bytes past the copy's end, which later appends overwrite.
    @inline(__always)
    private func copyReserved(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, lowercasing: Bool) {
        guard let base = bytes.baseAddress else { return }
        let source = base + start
        let destination = self.base + count
        let length = end &- start
        var offset = 0
        if length &+ 7 <= bytes.count &- start {
            // Every word that holds part of the text lies inside `bytes`.
            while offset < length {
                let word = UnsafeRawPointer(source + offset).loadUnaligned(as: UInt64.self)
                UnsafeMutableRawPointer(destination + offset).storeBytes(of: lowercasing ? KeywordTable.lowercased(word) : word, as: UInt64.self)
                offset &+= 8
            }
        } else {
            while offset < length {
                let byte = source[offset]
                destination[offset] = lowercasing && byte &- 0x41 < 26 ? byte | 0x20 : byte
                offset &+= 1
            }
        }
        count &+= length
    }

    /// Appends `text` with every `quote` byte written `copies` times, one byte at a time (for short texts).
    @inline(__always)
    func appendMultiplying(_ quote: UInt8, by copies: Int, in text: UnsafeBufferPointer<UInt8>) {
        reserve(text.count &* copies)
        // Locals, as stores of bytes may alias this object's fields.
        let base = self.base
        var end = count
        for byte in text {
            base[end] = byte
            end &+= 1
            if byte == quote {
                for _ in 1..<copies {
                    base[end] = quote
                    end &+= 1
                }
            }
        }
        count = end
    }

    /// Appends `byte` `copies` times.
    @inline(__always)
    func append(_ byte: UInt8, copies: Int) {
        // Mostly one or two (a quote in a routine body): two stores, not a call to memset.
        reserve(copies &+ 2)
        let end = count
        if copies <= 2 {
            base[end] = byte
            base[end &+ 1] = byte
        } else {
            (base + end).update(repeating: byte, count: copies)
        }
        count = end &+ copies
    }

    /// Drops what was written after the first `count` bytes.
    func truncate(to count: Int) {
        precondition(count <= self.count, "a buffer cannot be truncated to more than it holds")
        self.count = count
    }
}
