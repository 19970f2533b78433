/// Sorting by identity without comparing `String`s over and over.
///
/// Sorting tens of thousands of objects costs O(n log n) comparisons; comparing identities field by
/// field copies and retains their strings at every step. Instead each identity is flattened once into
/// bytes that sort the same way (see `ObjectIdentity.<`) and positions are sorted by those bytes.
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
        let keys = SortKeys(items.lazy.map(identity))
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

    /// Identities as bytes that sort the same way, one after another in a single buffer: the
    /// kind's position, then schema, relation, name and arguments in UTF-8, each ended by a zero
    /// byte (which no PostgreSQL name contains).
    struct SortKeys {
        private var bytes: [UInt8] = []
        /// Where each identity's key starts in `bytes`; it ends where the next one starts.
        private var starts: [Int] = []

        init(_ identities: some Collection<ObjectIdentity>) {
            starts.reserveCapacity(identities.count + 1)
            func append(_ field: String?) {
                if var field { field.withUTF8 { bytes.append(contentsOf: $0) } }
                bytes.append(0)
            }
            for identity in identities {
                starts.append(bytes.count)
                bytes.append(UInt8(identity.kind.sortPosition))
                append(identity.schema)
                append(identity.relation)
                append(identity.name)
                append(identity.arguments)
            }
            starts.append(bytes.count)
        }

        /// The positions of the keys in ascending order, equal keys in their original order.
        func sortedPositions() -> [Int] {
            bytes.withUnsafeBufferPointer { buffer in
                starts.indices.dropLast().sorted { Self.compare(buffer, starts, $0, $1) < 0 }
            }
        }

        /// Whether each key in `order` sorts strictly after the one before it.
        func areStrictlyOrdered(_ order: [Int]) -> Bool {
            bytes.withUnsafeBufferPointer { buffer in
                zip(order, order.dropFirst()).allSatisfy { Self.compare(buffer, starts, $0, $1) < 0 }
            }
        }

        private static func compare(_ buffer: UnsafeBufferPointer<UInt8>, _ starts: [Int], _ left: Int, _ right: Int) -> Int {
            UTF8Bytes.compare(UnsafeBufferPointer(rebasing: buffer[starts[left]..<starts[left + 1]]),
                              UnsafeBufferPointer(rebasing: buffer[starts[right]..<starts[right + 1]]))
        }
    }
}
