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
    /// columns mostly come one after another (pairs follow identity order): the columns go into one
    /// list, a run of them per relation, and a relation is hashed once per run, not once per column.
    static func differences(pairs: [ObjectPair], source: [SchemaObject], target: [SchemaObject])
        -> [ObjectScope.RelationName: AttributeDifference] {
        var columns: [SharedColumn] = []
        var runs: [(relation: ObjectScope.RelationName, columns: Range<Int>)] = []
        for pair in pairs {
            guard case .matched(let sourceIndex, let targetIndex) = pair, source[sourceIndex].identity.kind == .column,
                  let relation = source[sourceIndex].identity.relation,
                  case .number(let sourcePosition)? = source[sourceIndex].attributes[AttributeName.position],
                  case .number(let targetPosition)? = target[targetIndex].attributes[AttributeName.position] else { continue }
            let schema = source[sourceIndex].identity.schema
            if let last = runs.last, UTF8Bytes.equal(last.relation.name, relation), UTF8Bytes.equal(last.relation.schema, schema) {
                runs[runs.count - 1].columns = last.columns.lowerBound..<(columns.count + 1)
            } else {
                runs.append((ObjectScope.RelationName(schema: schema, name: relation), columns.count..<(columns.count + 1)))
            }
            columns.append(SharedColumn(name: source[sourceIndex].identity.name, source: sourcePosition, target: targetPosition))
        }
        // A relation whose columns came in several runs (pairs out of identity order) is judged on
        // all of them together.
        var runsByRelation: [ObjectScope.RelationName: [Range<Int>]] = [:]
        runsByRelation.reserveCapacity(runs.count)
        for run in runs { runsByRelation[run.relation, default: []].append(run.columns) }
        var differences: [ObjectScope.RelationName: AttributeDifference] = [:]
        for (relation, ranges) in runsByRelation {
            let shared = ranges.count == 1 ? Array(columns[ranges[0]]) : ranges.flatMap { columns[$0] }
            let inSourceOrder = shared.sorted { ($0.source, $0.name) < ($1.source, $1.name) }
            // The same order on both sides: the target positions rise along the source order.
            if zip(inSourceOrder, inSourceOrder.dropFirst()).allSatisfy({ ($0.target, $0.name) < ($1.target, $1.name) }) { continue }
            let inTargetOrder = shared.sorted { ($0.target, $0.name) < ($1.target, $1.name) }
            differences[relation] = AttributeDifference(name: attributeName, source: .list(inSourceOrder.map(\.name)),
                                                        target: .list(inTargetOrder.map(\.name)), isSecurityRelevant: false)
        }
        return differences
    }
}
