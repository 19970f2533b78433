import SchemaModel

/// The comparison of column order: for each table or view, the relative order of the columns both
/// sides have. Added or dropped columns do not count; a column that moved does.
public enum ColumnOrder {
    /// The name of the `AttributeDifference` that reports a different order on the relation.
    public static let attributeName = "column order"

    /// Column names of each relation, in `position` order. Columns without a numeric position
    /// cannot be placed and are left out.
    ///
    /// A sorted snapshot holds each relation's columns one after another, so they are gathered a
    /// relation at a time and each relation is looked up once (an unsorted one merely looks up more).
    static func columnsByRelation(_ objects: [SchemaObject]) -> [ObjectScope.RelationName: [String]] {
        var positioned: [ObjectScope.RelationName: [(position: Int64, name: String)]] = [:]
        var current: (relation: ObjectScope.RelationName, columns: [(position: Int64, name: String)])?
        func flush() {
            if let current { positioned[current.relation, default: []].append(contentsOf: current.columns) }
        }
        for object in objects where object.identity.kind == .column {
            guard let relation = object.identity.relation,
                  case .number(let position)? = object.attributes[AttributeName.position] else { continue }
            if current?.relation.name != relation || current?.relation.schema != object.identity.schema {
                flush()
                current = (ObjectScope.RelationName(schema: object.identity.schema, name: relation), [])
            }
            current?.columns.append((position, object.identity.name))
        }
        flush()
        return positioned.mapValues { columns in columns.sorted { ($0.position, $0.name) < ($1.position, $1.name) }.map(\.name) }
    }

    /// The difference in order of the columns present in both lists, or nil when they keep the
    /// same relative order.
    static func difference(source: [String], target: [String]) -> AttributeDifference? {
        if source == target { return nil }
        let shared = Set(source).intersection(target)
        let sourceOrder = source.filter(shared.contains)
        let targetOrder = target.filter(shared.contains)
        guard sourceOrder != targetOrder else { return nil }
        return AttributeDifference(name: attributeName, source: .list(sourceOrder), target: .list(targetOrder),
                                   isSecurityRelevant: false)
    }
}
