/// Sorting by identity without comparing `String`s over and over.
///
/// Sorting tens of thousands of objects costs O(n log n) comparisons; comparing identities field by
/// field hashes kinds and retains strings at every step. Instead each identity is flattened once into
/// bytes that sort the same way (see `ObjectIdentity.<`) and positions are sorted by those bytes.
public enum IdentityOrder {
    /// `items` sorted by the identity `identity` gives each, keeping the order of equal identities.
    public static func sorted<Item>(_ items: [Item], by identity: (Item) -> ObjectIdentity) -> [Item] {
        // Often the items are in order already (a comparison's objects, merged from two snapshots).
        if zip(items, items.dropFirst()).allSatisfy({ !(identity($1) < identity($0)) }) { return items }
        let keys = items.map { SortKey(identity($0)) }
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        return order.map { items[$0] }
    }

    /// An identity as bytes: the kind's position, then schema, relation, name and arguments in UTF-8,
    /// each ended by a zero byte (which no PostgreSQL name contains), so that byte order is identity order.
    struct SortKey: Comparable {
        let bytes: [UInt8]

        init(_ identity: ObjectIdentity) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(8 + identity.name.utf8.count + (identity.schema?.utf8.count ?? 0)
                + (identity.relation?.utf8.count ?? 0) + (identity.arguments?.utf8.count ?? 0))
            bytes.append(UInt8(identity.kind.sortPosition))
            for field in [identity.schema, identity.relation, identity.name, identity.arguments] {
                bytes.append(contentsOf: (field ?? "").utf8)
                bytes.append(0)
            }
            self.bytes = bytes
        }

        static func < (lhs: SortKey, rhs: SortKey) -> Bool {
            lhs.bytes.withUnsafeBufferPointer { left in
                rhs.bytes.withUnsafeBufferPointer { right in
                    for index in 0..<min(left.count, right.count) where left[index] != right[index] {
                        return left[index] < right[index]
                    }
                    return left.count < right.count
                }
            }
        }
    }
}
