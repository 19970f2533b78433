/// Sorting by identity without comparing `String`s over and over.
///
/// Sorting tens of thousands of objects costs O(n log n) comparisons; comparing identities field by
/// field copies and retains their strings at every step. Instead each identity is flattened once into
/// a key that sorts the same way (see `ObjectIdentity.<`) and positions are sorted by those keys.
public enum IdentityOrder {
    /// `items` sorted by the identity `identity` gives each, keeping the order of equal identities.
    public static func sorted<Item>(_ items: consuming [Item], by identity: (Item) -> ObjectIdentity) -> [Item] {
        sortedNotingDuplicates(items, by: identity).items
    }

    /// `items` sorted as `sorted(_:by:)` sorts them, and whether no two of them sort alike (so that
    /// each identity sorts strictly after the one before it). Items the caller hands over (its last
    /// use of the array) are moved into place, not copied.
    public static func sortedNotingDuplicates<Item>(_ items: consuming [Item], by identity: (Item) -> ObjectIdentity)
        -> (items: [Item], isStrictlyOrdered: Bool) {
        // Often the items are in order already (a comparison's objects, merged from two snapshots).
        if isStrictlyOrdered(items, by: identity) { return (items, true) }
        let keys = SortKeys(items, identity: identity)
        let order = keys.sortedPositions()
        var sorted = items
        arrange(&sorted, as: order)
        return (sorted, keys.areStrictlyOrdered(order))
    }

    /// Rearranges `items` so that position `i` holds the item that was at `order[i]`, following each
    /// cycle of the permutation: every item is moved once, and none is copied (a copy of an object
    /// retains each of its strings and arrays, and releases them again with the original).
    static func arrange<Item>(_ items: inout [Item], as order: [Int]) {
        precondition(order.count == items.count, "one position per item")
        var placed = [Bool](repeating: false, count: order.count)
        items.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for cycleStart in order.indices where !placed[cycleStart] {
                let held = (base + cycleStart).move()
                var position = cycleStart
                while order[position] != cycleStart {
                    let source = order[position]
                    (base + position).moveInitialize(from: base + source, count: 1)
                    placed[position] = true
                    position = source
                }
                (base + position).initialize(to: held)
                placed[position] = true
            }
        }
    }

    /// Whether each item's identity sorts strictly after the one before it.
    public static func isStrictlyOrdered<Item>(_ items: [Item], by identity: (Item) -> ObjectIdentity) -> Bool {
        items.indices.dropFirst().allSatisfy { identity(items[$0 - 1]) < identity(items[$0]) }
    }

    /// Identities as keys that sort the same way, compared mostly as integers: first a head holding
    /// the kind's position and the schema's rank among the schemas present (the schema decides the
    /// order right after the kind, so its rank orders as its bytes do), then the first eight bytes of
    /// the rest as a big-endian integer, and only when those tie the rest itself: relation, name and
    /// arguments in UTF-8, each ended by a zero byte (which no PostgreSQL name contains). An absent
    /// field counts as empty, as in `ObjectIdentity.<`.
    struct SortKeys {
        private var heads: [UInt64] = []
        private var prefixes: [UInt64] = []
        private var rest: [UInt8] = []
        /// Where each identity's rest starts in `rest`; it ends where the next one starts.
        private var starts: [Int] = []

        /// The keys of `items`' identities, each identity taken from its item in turn: no array of
        /// copied identities (every string retained, then released) is made first.
        init<Item>(_ items: borrowing [Item], identity identityOf: (Item) -> ObjectIdentity) {
            heads.reserveCapacity(items.count)
            prefixes.reserveCapacity(items.count)
            starts.reserveCapacity(items.count + 1)
            rest.reserveCapacity(items.count * 24)
            func append(_ field: String?) {
                if let field { rest.append(contentsOf: field.utf8) }
                rest.append(0)
            }
            // One pass: each schema is numbered as first seen (no schema counting as the empty
            // name), and the numbers become ranks in byte order once all schemas are known.
            var schemas: [String] = []
            var numbers: [ExactString: Int] = [:]
            var lastSchema: (name: String, number: Int)?
            for index in items.indices {
                let identity = identityOf(items[index])
                let schema = identity.schema ?? ""
                let number: Int
                if let last = lastSchema, UTF8Bytes.equal(last.name, schema) {
                    number = last.number
                } else {
                    number = numbers[ExactString(schema)] ?? schemas.count
                    if number == schemas.count {
                        schemas.append(schema)
                        numbers[ExactString(schema)] = number
                    }
                    lastSchema = (schema, number)
                }
                heads.append(UInt64(identity.kind.sortPosition) << 48 | UInt64(number))
                let start = rest.count
                starts.append(start)
                append(identity.relation)
                append(identity.name)
                append(identity.arguments)
                var prefix: UInt64 = 0
                for offset in 0..<8 {
                    prefix = prefix << 8 | UInt64(start + offset < rest.count ? rest[start + offset] : 0)
                }
                prefixes.append(prefix)
            }
            starts.append(rest.count)
            // Schema numbers to ranks: the head's low bits.
            var rankOfNumber = [UInt64](repeating: 0, count: schemas.count)
            for (rank, number) in schemas.indices.sorted(by: { UTF8Bytes.compare(schemas[$0], schemas[$1]) < 0 }).enumerated() {
                rankOfNumber[number] = UInt64(rank)
            }
            let numberBits: UInt64 = (1 << 48) - 1
            for index in heads.indices {
                heads[index] = heads[index] & ~numberBits | rankOfNumber[Int(heads[index] & numberBits)]
            }
        }

        /// The positions of the keys in ascending order, equal keys in their original order.
        func sortedPositions() -> [Int] {
            withBuffers { keys in Array(0..<heads.count).sorted { keys.compare($0, $1) < 0 } }
        }

        /// Whether each key in `order` sorts strictly after the one before it.
        func areStrictlyOrdered(_ order: [Int]) -> Bool {
            withBuffers { keys in zip(order, order.dropFirst()).allSatisfy { keys.compare($0, $1) < 0 } }
        }

        private func withBuffers<Result>(_ body: (Buffers) -> Result) -> Result {
            heads.withUnsafeBufferPointer { heads in
                prefixes.withUnsafeBufferPointer { prefixes in
                    rest.withUnsafeBufferPointer { rest in
                        starts.withUnsafeBufferPointer { starts in
                            body(Buffers(heads: heads, prefixes: prefixes, rest: rest, starts: starts))
                        }
                    }
                }
            }
        }

        /// The keys where they are stored, for comparing without bounds checks or reference counting.
        private struct Buffers {
            let heads: UnsafeBufferPointer<UInt64>
            let prefixes: UnsafeBufferPointer<UInt64>
            let rest: UnsafeBufferPointer<UInt8>
            let starts: UnsafeBufferPointer<Int>

            /// Negative when key `left` sorts first, zero when the keys are equal, positive otherwise.
            @inline(__always)
            func compare(_ left: Int, _ right: Int) -> Int {
                if heads[left] != heads[right] { return heads[left] < heads[right] ? -1 : 1 }
                if prefixes[left] != prefixes[right] { return prefixes[left] < prefixes[right] ? -1 : 1 }
                return UTF8Bytes.compare(UnsafeBufferPointer(rebasing: rest[starts[left]..<starts[left + 1]]),
                                         UnsafeBufferPointer(rebasing: rest[starts[right]..<starts[right + 1]]))
            }
        }
    }
}
