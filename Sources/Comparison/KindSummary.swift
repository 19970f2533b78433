import SchemaModel

/// An auditor's line for one kind of object: how many each side holds and how they compare.
public struct KindSummary: Codable, Hashable, Sendable {
    /// The kind counted.
    public var kind: ObjectKind
    /// Objects of this kind in the source.
    public var sourceCount = 0
    /// Objects of this kind in the target.
    public var targetCount = 0
    /// Same text on both sides.
    public var identical = 0
    /// Formatting-only differences.
    public var equivalent = 0
    /// Differences only in how two PostgreSQL versions print a definition.
    public var printedDifferently = 0
    /// Real differences.
    public var different = 0
    /// Present only in the source.
    public var onlyInSource = 0
    /// Present only in the target.
    public var onlyInTarget = 0

    /// An empty line for `kind`.
    public init(kind: ObjectKind) { self.kind = kind }

    /// Counts one object comparison into this line.
    mutating func count(_ verdict: Verdict) {
        switch verdict {
        case .identical: identical += 1
        case .equivalent: equivalent += 1
        case .printedDifferently: printedDifferently += 1
        case .different: different += 1
        case .onlyInSource:
            onlyInSource += 1
            sourceCount += 1
            return
        case .onlyInTarget:
            onlyInTarget += 1
            targetCount += 1
            return
        }
        sourceCount += 1
        targetCount += 1
    }
}

extension ComparisonResult {
    /// One summary line per kind present on either side, in `ObjectKind` order.
    public var summary: [KindSummary] {
        var lines: [KindSummary] = []
        var lineOfKind: [ObjectKind: Int] = [:]
        // Objects come grouped by kind: a kind's line is looked up once per group, not per object.
        var current: (kind: ObjectKind, line: Int)?
        for index in objects.indices {
            let kind = objects[index].identity.kind
            if current?.kind != kind {
                let line = lineOfKind[kind] ?? lines.count
                if line == lines.count {
                    lines.append(KindSummary(kind: kind))
                    lineOfKind[kind] = line
                }
                current = (kind, line)
            }
            lines[current!.line].count(objects[index].verdict)
        }
        return lines.sorted { $0.kind < $1.kind }
    }

    /// Whether any object fails the gate; with `strict`, formatting-only differences count too.
    public func hasDifferences(strict: Bool = false) -> Bool {
        objects.indices.contains { objects[$0].verdict.isDifference(strict: strict) }
    }

    /// The objects whose kind and verdict `isIncluded` accepts, in order.
    ///
    /// Loops over `objects` by index, here and wherever a pass looks at tens of thousands of them: a
    /// loop over the array itself copies every comparison (a dozen references) to look at one field.
    public func objects(where isIncluded: (ObjectKind, Verdict) -> Bool) -> [ObjectComparison] {
        objects.indices.filter { isIncluded(objects[$0].identity.kind, objects[$0].verdict) }.map { objects[$0] }
    }
}
