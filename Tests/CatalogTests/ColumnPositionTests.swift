@testable import Catalog
import PostgresClient
import SchemaModel
import Testing

/// The server sends each column's `attnum`; positions count live columns only, whatever order the
/// rows come in.
@Suite("Column positions from attnums")
struct ColumnPositionTests {
    /// Columns as (relation oid, relation, name, attnum) rows, read the way the catalog reader reads them.
    private func positions(_ columns: [(oid: String, relation: String, name: String, number: Int)]) throws -> [String: Int64] {
        let names = ["relation_oid", "relation", "schema", "name", "number", "type", "not_null", "default_expression",
                     "generated_expression", "identity", "collation", "compression", "privileges"]
        let rows = QueryResult(columnNames: names, values: columns.map { column in
            [column.oid, column.relation, "public", column.name, String(column.number), "integer", "f", nil, nil, "", nil, nil, "{}"]
        })
        let reader = ColumnReader()
        var objects = [SchemaObject(identity: ObjectIdentity(kind: .table, schema: "public", name: "before"))]
        for row in rows { objects.append(try reader.object(from: row, comments: Comments())) }
        try reader.complete(&objects, from: 1, rows: rows)
        var positions: [String: Int64] = [:]
        for object in objects.dropFirst() {
            guard case .number(let position)? = object.attributes[AttributeName.position] else { continue }
            positions["\(object.identity.relation ?? "").\(object.identity.name)"] = position
        }
        return positions
    }

    @Test("without dropped columns a position is the attnum")
    func noGaps() throws {
        #expect(try positions([("1", "a", "x", 1), ("1", "a", "y", 2), ("2", "b", "z", 1)]) == ["a.x": 1, "a.y": 2, "b.z": 1])
    }

    @Test("a dropped column leaves no gap")
    func droppedColumn() throws {
        #expect(try positions([("1", "a", "x", 1), ("1", "a", "y", 3), ("1", "a", "z", 4), ("2", "b", "w", 1)])
            == ["a.x": 1, "a.y": 2, "a.z": 3, "b.w": 1])
    }

    @Test("a relation's rows may come apart and out of order")
    func rowsApart() throws {
        #expect(try positions([("1", "a", "y", 2), ("2", "b", "w", 1), ("1", "a", "x", 1), ("1", "a", "z", 3)])
            == ["a.x": 1, "a.y": 2, "a.z": 3, "b.w": 1])
    }

    @Test("rows apart and a dropped column")
    func rowsApartWithGap() throws {
        #expect(try positions([("1", "a", "z", 5), ("2", "b", "w", 2), ("1", "a", "x", 1), ("2", "b", "v", 4), ("1", "a", "y", 2)])
            == ["a.x": 1, "a.y": 2, "a.z": 3, "b.w": 1, "b.v": 2])
    }
}
