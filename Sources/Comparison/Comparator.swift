import Dispatch
import SchemaModel
import Synchronization

/// Compares two snapshots object by object: a pure function from two snapshots to a
/// `ComparisonResult`, with no I/O.
///
/// Objects are matched by identity, so creation order and overload order never matter. Each
/// object's verdict combines its definition (see `DefinitionComparison`) and its attributes (see
/// `AttributeComparison`); column order is compared per table (see `ColumnOrder`).
///
/// Complexity: O(n log n) in the number of objects plus the cost of fingerprinting each
/// definition once per side; definitions are fingerprinted in parallel.
public enum Comparator {
    /// Compares `source` (the reference) with `target`. Labels name the sides in reports.
    public static func compare(source: Snapshot, target: Snapshot, sourceLabel: String, targetLabel: String,
                               options: ComparisonOptions = .init()) -> ComparisonResult {
        let scope = ObjectScope(options)
        let sourceObjects = scope.includesEverything ? source.objects : source.objects.filter(scope.includes)
        let targetObjects = scope.includesEverything ? target.objects : target.objects.filter(scope.includes)
        // Leaving objects out keeps the rest in order.
        let (pairs, pairsInOrder) = ObjectPair.match(
            source: sourceObjects, target: targetObjects,
            knownStrictlySorted: source.objectsAreStrictlyInIdentityOrder && target.objectsAreStrictlyInIdentityOrder)

        let sourceSide = SnapshotSide(source), targetSide = SnapshotSide(target)
        // Column order needs the pairs alone: one thread works it out while the others compare objects.
        let columnOrder = Mutex<[ObjectScope.RelationName: AttributeDifference]>([:])
        var comparisons = SharedObjects.with(sourceObjects, targetObjects) { objects in
            concurrentMap(pairs, alongside: {
                let differences = ColumnOrder.differences(pairs: pairs, source: sourceObjects, target: targetObjects)
                columnOrder.withLock { $0 = differences }
            }) { pair in
                switch pair {
                case .matched(let source, let target):
                    compare(objects.source.baseAddress! + source, objects.target.baseAddress! + target,
                            source: sourceSide, target: targetSide, options: options)
                case .onlyInSource(let source):
                    presentOnOneSide(objects.source[source], inSource: true, side: sourceSide)
                case .onlyInTarget(let target):
                    presentOnOneSide(objects.target[target], inSource: false, side: targetSide)
                }
            }
        }
        addColumnOrderDifferences(to: &comparisons, differences: columnOrder.withLock { $0 })

        let sourceDescription = SideDescription(label: sourceLabel, database: source.database, server: source.server)
        let targetDescription = SideDescription(label: targetLabel, database: target.database, server: target.server)
        let unmodeled = UnmodeledCounts(source: source.unmodeledObjects, target: target.unmodeledObjects)
        return ComparisonResult(source: sourceDescription, target: targetDescription,
                                objectsInOrder: pairsInOrder ? comparisons : IdentityOrder.sorted(comparisons) { $0.identity },
                                unmodeledObjects: unmodeled)
    }

    /// The comparison of an object present on both sides, each read where it is (see `SharedObjects`).
    static func compare(_ source: UnsafePointer<SchemaObject>, _ target: UnsafePointer<SchemaObject>,
                        source sourceSide: SnapshotSide, target targetSide: SnapshotSide,
                        options: ComparisonOptions) -> ObjectComparison {
        let identity = source.pointee.identity
        let sourceMajor = sourceSide.majorVersion, targetMajor = targetSide.majorVersion
        let definition = DefinitionComparison(source: source.pointee.definition, target: target.pointee.definition,
                                              kind: identity.kind, sourceSide: sourceSide, targetSide: targetSide,
                                              options: options)
        let attributes = AttributeComparison(source: source.pointee.attributes, target: target.pointee.attributes, kind: identity.kind,
                                             sourceMajor: sourceMajor, targetMajor: targetMajor)
        let verdict: Verdict
        switch definition.outcome {
        case _ where attributes.hasRealDifference, .different:
            verdict = .different
        case .printedDifferently:
            verdict = .printedDifferently(sourceMajor: sourceMajor, targetMajor: targetMajor)
        case .equivalent(let reasons):
            verdict = .equivalent(reasons: reasons + attributes.formattingReasons.filter { !reasons.contains($0) })
        case .identical, .absent:
            if !attributes.formattingReasons.isEmpty {
                // Formatting differences outweigh version printing: only they can fail a strict gate.
                verdict = .equivalent(reasons: attributes.formattingReasons)
            } else if attributes.hasVersionPrinting {
                verdict = .printedDifferently(sourceMajor: sourceMajor, targetMajor: targetMajor)
            } else {
                verdict = .identical
            }
        }
        return ObjectComparison(identity: identity, verdict: verdict, source: definition.sourceProof, target: definition.targetProof,
                                attributeDifferences: attributes.differences, diff: definition.diff)
    }

    /// The comparison of an object only one side has, with that side's proof.
    static func presentOnOneSide(_ object: SchemaObject, inSource: Bool, side: SnapshotSide) -> ObjectComparison {
        let proof = object.definition.map { DefinitionComparison.proof(of: $0, side: side) }
        let relation = ObjectScope.owningRelation(of: object).map { RelationReference(schema: $0.schema, name: $0.name) }
        return ObjectComparison(identity: object.identity, verdict: inSource ? .onlyInSource : .onlyInTarget,
                                source: inSource ? proof : nil, target: inSource ? nil : proof, owningRelation: relation)
    }

    /// Adds a `column order` difference to each table, view or materialized view present on both
    /// sides whose shared columns appear in another order, and makes its verdict `different`.
    static func addColumnOrderDifferences(to comparisons: inout [ObjectComparison],
                                          differences: [ObjectScope.RelationName: AttributeDifference]) {
        guard !differences.isEmpty else { return }
        for index in comparisons.indices where ObjectScope.relationKinds.contains(comparisons[index].identity.kind)
            && !comparisons[index].verdict.isOneSided {
            let identity = comparisons[index].identity
            guard let difference = differences[ObjectScope.RelationName(schema: identity.schema, name: identity.name)] else { continue }
            comparisons[index].attributeDifferences.append(difference)
            comparisons[index].verdict = .different
        }
    }

    /// Objects per chunk of parallel work: large enough that scheduling costs nothing next to
    /// fingerprinting, small enough to balance uneven definition sizes.
    static let chunkSize = 128

    /// `items.map(transform)`, run on all cores, and `alongside` run once meanwhile, by the first
    /// thread to start (so that the other threads are still mapping while it runs). Each result is
    /// written once, straight into the returned array's storage.
    static func concurrentMap<Item: Sendable, Result: Sendable>(_ items: [Item], alongside: @Sendable () -> Void = {},
                                                                _ transform: @Sendable (Item) -> Result) -> [Result] {
        guard items.count > chunkSize else {
            alongside()
            return items.map(transform)
        }
        return Array(unsafeUninitializedCapacity: items.count) { buffer, initializedCount in
            let slots = WriteOnceSlots(buffer: buffer)
            // Iteration 0 is `alongside`; iteration n > 0 maps chunk n - 1.
            DispatchQueue.concurrentPerform(iterations: (items.count + chunkSize - 1) / chunkSize + 1) { iteration in
                guard iteration > 0 else { return alongside() }
                let chunk = iteration - 1
                for index in (chunk * chunkSize)..<min(items.count, (chunk + 1) * chunkSize) {
                    slots.initialize(index, to: transform(items[index]))
                }
            }
            initializedCount = items.count
        }
    }
}

/// What the comparison of one object needs to know about the snapshot it came from.
struct SnapshotSide: Sendable {
    /// The server's major version, e.g. 15.
    let majorVersion: Int
    /// Whether its definitions' fingerprints may be used as they are (see `Snapshot.fingerprintsComputedHere`).
    let fingerprintsComputedHere: Bool

    init(_ snapshot: Snapshot) {
        majorVersion = snapshot.server.majorVersion
        fingerprintsComputedHere = snapshot.fingerprintsComputedHere
    }
}

/// Both sides' objects where their arrays keep them, for the comparison's threads to read in place:
/// taking an object out of an array copies it, which retains (and later releases) each of its
/// strings and lists.
private struct SharedObjects: @unchecked Sendable {
    // Safe: the arrays outlive `body` and nothing changes them while it runs; the threads only read.
    let source: UnsafeBufferPointer<SchemaObject>
    let target: UnsafeBufferPointer<SchemaObject>

    static func with<Result>(_ source: [SchemaObject], _ target: [SchemaObject], _ body: (SharedObjects) -> Result) -> Result {
        source.withUnsafeBufferPointer { source in
            target.withUnsafeBufferPointer { target in body(SharedObjects(source: source, target: target)) }
        }
    }
}

/// Uninitialized slots filled from several threads, each slot by exactly one of them.
private struct WriteOnceSlots<Value: Sendable>: @unchecked Sendable {
    // Safe without a lock: concurrentMap gives every index to exactly one chunk, the buffer never
    // moves, and the array takes the values over only after concurrentPerform has returned.
    let buffer: UnsafeMutableBufferPointer<Value>

    func initialize(_ index: Int, to value: consuming Value) { (buffer.baseAddress! + index).initialize(to: value) }
}

/// An object present on at least one side, by its index in each side's object list.
enum ObjectPair: Sendable {
    case matched(source: Int, target: Int)
    case onlyInSource(Int)
    case onlyInTarget(Int)

    /// Matches objects by identity, and says whether the pairs come in identity order. Snapshots
    /// keep their objects sorted, so two sorted lists are merged in one pass, in order. Lists that
    /// are not strictly sorted (a hand-edited snapshot file, perhaps with a duplicated identity) are
    /// matched by hashing instead: source objects first in their order, then those only in the
    /// target, a duplicate keeping its first object. `knownStrictlySorted` skips checking the order.
    static func match(source: [SchemaObject], target: [SchemaObject], knownStrictlySorted: Bool)
        -> (pairs: [ObjectPair], inIdentityOrder: Bool) {
        guard knownStrictlySorted
            || (IdentityOrder.isStrictlyOrdered(source, by: \.identity) && IdentityOrder.isStrictlyOrdered(target, by: \.identity)) else {
            return (matchByHashing(source: source, target: target), false)
        }
        // Identities that differ only in an absent against an empty field sort alike: their pairs may
        // come out of order.
        var inIdentityOrder = true
        var pairs: [ObjectPair] = []
        pairs.reserveCapacity(max(source.count, target.count))
        var sourceIndex = 0, targetIndex = 0
        while sourceIndex < source.count, targetIndex < target.count {
            let sourceIdentity = source[sourceIndex].identity, targetIdentity = target[targetIndex].identity
            if sourceIdentity == targetIdentity {
                pairs.append(.matched(source: sourceIndex, target: targetIndex))
                sourceIndex += 1
                targetIndex += 1
            } else if sourceIdentity < targetIdentity {
                pairs.append(.onlyInSource(sourceIndex))
                sourceIndex += 1
            } else {
                if !(targetIdentity < sourceIdentity) { inIdentityOrder = false }
                pairs.append(.onlyInTarget(targetIndex))
                targetIndex += 1
            }
        }
        pairs.append(contentsOf: source.indices[sourceIndex...].map { .onlyInSource($0) })
        pairs.append(contentsOf: target.indices[targetIndex...].map { .onlyInTarget($0) })
        return (pairs, inIdentityOrder)
    }

    private static func matchByHashing(source: [SchemaObject], target: [SchemaObject]) -> [ObjectPair] {
        let sourceIndex = firstIndices(source), targetIndex = firstIndices(target)
        let sourceHasDuplicates = sourceIndex.count < source.count
        var matchedInTarget = [Bool](repeating: false, count: target.count)
        var pairs: [ObjectPair] = []
        pairs.reserveCapacity(max(source.count, target.count))
        for (index, object) in source.enumerated() where !sourceHasDuplicates || sourceIndex[object.identity] == index {
            if let match = targetIndex[object.identity] {
                matchedInTarget[match] = true
                pairs.append(.matched(source: index, target: match))
            } else {
                pairs.append(.onlyInSource(index))
            }
        }
        for (index, object) in target.enumerated() where !matchedInTarget[index] && targetIndex[object.identity] == index {
            pairs.append(.onlyInTarget(index))
        }
        return pairs
    }

    /// The index of each identity's first object.
    private static func firstIndices(_ objects: [SchemaObject]) -> [ObjectIdentity: Int] {
        var indices = [ObjectIdentity: Int](minimumCapacity: objects.count)
        for index in objects.indices.reversed() { indices[objects[index].identity] = index }
        return indices
    }
}
