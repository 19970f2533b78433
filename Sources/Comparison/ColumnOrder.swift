import SchemaModel

/// The comparison of column order: for each table or view, the relative order of the columns both
/// sides have. Added or dropped columns do not count; a column that moved does.
public enum ColumnOrder {
    /// The name of the `AttributeDifference` that reports a different order on the relation.
    public static let attributeName = "column order"

    /// A column both sides have, with its position on each.
    private struct SharedColumn {
        let name: String
        let source: Int64
        let target: Int64
    }

    /// The relations whose shared columns come in another order, with that difference. Columns
    /// without a numeric position cannot be placed and are left out.
    ///
    /// Works from the matched pairs, so only shared columns count. The pairs of one relation's
    /// columns mostly come one after another (pairs follow identity order), in runs; a relation is
    /// hashed once per run, not once per column. Runs whose columns all keep their positions (as in
    /// every unchanged table) are settled without sorting or naming a column.
    static func differences(pairs: [ObjectPair], source: [SchemaObject], target: [SchemaObject])
        -> [ObjectScope.RelationName: AttributeDifference] {
        var runs: [ColumnRun] = []
        for (index, pair) in pairs.enumerated() {
            guard let column = placedColumn(pair, source: source, target: target) else { continue }
            let schema = source[column.index].identity.schema, relation = column.relation
            let keepsPosition = column.source == column.target
            if let last = runs.last, last.pairs.upperBound == index,
               UTF8Bytes.equal(last.relation.name, relation), UTF8Bytes.equal(last.relation.schema, schema) {
                runs[runs.count - 1].pairs = last.pairs.lowerBound..<(index + 1)
                runs[runs.count - 1].keepsPositions = last.keepsPositions && keepsPosition
            } else {
                runs.append(ColumnRun(relation: ObjectScope.RelationName(schema: schema, name: relation), pairs: index..<(index + 1),
                                      keepsPositions: keepsPosition))
            }
        }
        // A relation whose columns came in several runs (pairs out of identity order) is judged on
        // all of them together.
        var runsByRelation: [ObjectScope.RelationName: [ColumnRun]] = [:]
        runsByRelation.reserveCapacity(runs.count)
        for run in runs { runsByRelation[run.relation, default: []].append(run) }
        var differences: [ObjectScope.RelationName: AttributeDifference] = [:]
        for (relation, runs) in runsByRelation where !runs.allSatisfy(\.keepsPositions) {
            let shared = runs.flatMap { run in
                pairs[run.pairs].compactMap { pair in
                    placedColumn(pair, source: source, target: target).map { column in
                        SharedColumn(name: source[column.index].identity.name, source: column.source, target: column.target)
                    }
                }
            }
            let inSourceOrder = shared.sorted { ($0.source, $0.name) < ($1.source, $1.name) }
            // The same order on both sides: the target positions rise along the source order.
            if zip(inSourceOrder, inSourceOrder.dropFirst()).allSatisfy({ ($0.target, $0.name) < ($1.target, $1.name) }) { continue }
            let inTargetOrder = shared.sorted { ($0.target, $0.name) < ($1.target, $1.name) }
            differences[relation] = AttributeDifference(name: attributeName, source: .list(inSourceOrder.map(\.name)),
                                                        target: .list(inTargetOrder.map(\.name)), isSecurityRelevant: false)
        }
        return differences
    }

    /// Consecutive pairs of one relation's columns.
    private struct ColumnRun {
        let relation: ObjectScope.RelationName
        /// Where they are among the pairs.
        var pairs: Range<Int>
        /// Whether every one of them has the same position on both sides.
        var keepsPositions: Bool
    }

    /// For a matched pair of columns with numeric positions: the source column's index, its
    /// relation's name and the positions on each side; nil for any other pair.
    private static func placedColumn(_ pair: ObjectPair, source: [SchemaObject], target: [SchemaObject])
        -> (index: Int, relation: String, source: Int64, target: Int64)? {
        guard case .matched(let sourceIndex, let targetIndex) = pair, source[sourceIndex].identity.kind == .column,
              let relation = source[sourceIndex].identity.relation,
              case .number(let sourcePosition)? = source[sourceIndex].attributes[AttributeName.position],
              case .number(let targetPosition)? = target[targetIndex].attributes[AttributeName.position] else { return nil }
        return (sourceIndex, relation, sourcePosition, targetPosition)
    }
}
