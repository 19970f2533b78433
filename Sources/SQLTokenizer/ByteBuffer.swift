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

    @inline(__always)
    private func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
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
        count += 1
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends a space when `spaced`, then `bytes[range]`, lower-cased when `lowercasing`: a token
    /// of the canonical form, with one capacity check.
    @inline(__always)
    func appendToken(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, spaced: Bool, lowercasing: Bool) {
        reserve(range.count + 9)
        if spaced {
            base[count] = UInt8(ascii: " ")
            count += 1
        }
        if lowercasing {
            appendLowercased(bytes, range)
        } else {
            append(bytes, range)
        }
    }

    /// Appends `bytes[range]`.
    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        // Most tokens are a few bytes: one 8-byte load and store beats a call to memcpy (the
        // bytes stored past the end are inside the reserved capacity and overwritten later).
        if range.count <= 8, range.lowerBound + 8 <= bytes.count, let source = bytes.baseAddress {
            reserve(8)
            let word = UnsafeRawPointer(source + range.lowerBound).loadUnaligned(as: UInt64.self)
            UnsafeMutableRawPointer(base + count).storeBytes(of: word, as: UInt64.self)
            count += range.count
            return
        }
        append(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// Appends `text` with every `quote` byte written `copies` times, one byte at a time (for short texts).
    @inline(__always)
    func appendMultiplying(_ quote: UInt8, by copies: Int, in text: UnsafeBufferPointer<UInt8>) {
        reserve(text.count * copies)
        var end = count
        for byte in text {
            base[end] = byte
            end += 1
            if byte == quote {
                for _ in 1..<copies {
                    base[end] = quote
                    end += 1
                }
            }
        }
        count = end
    }

    /// Appends `byte` `copies` times.
    @inline(__always)
    func append(_ byte: UInt8, copies: Int) {
        reserve(copies)
        // Mostly one or two: a loop, not a call to memset.
        for offset in 0..<copies { base[count + offset] = byte }
        count += copies
    }

    /// Drops what was written after the first `count` bytes.
    func truncate(to count: Int) {
        precondition(count <= self.count, "a buffer cannot be truncated to more than it holds")
        self.count = count
    }

    /// Appends `bytes[range]` with ASCII `A`–`Z` lower-cased.
    @inline(__always)
    func appendLowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard let source = bytes.baseAddress else { return }
        // Eight bytes at a time; the last word may write up to 7 bytes past the end, inside the
        // reserved capacity, which later appends overwrite.
        reserve(range.count + 8)
        let destination = base + count
        var index = range.lowerBound
        while index < range.upperBound && index + 8 <= bytes.count {
            let word = UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)
            UnsafeMutableRawPointer(destination + (index - range.lowerBound)).storeBytes(of: KeywordTable.lowercased(word), as: UInt64.self)
            index += 8
        }
        while index < range.upperBound {
            let byte = source[index]
            destination[index - range.lowerBound] = byte &- 0x41 < 26 ? byte | 0x20 : byte
            index += 1
        }
        count += range.count
    }
}
