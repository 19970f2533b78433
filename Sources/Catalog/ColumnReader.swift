import PostgresClient
import SchemaModel

/// Reads the columns of tables, views and materialized views, each with its position among the
/// relation's live columns (so a dropped column leaves no gap).
///
/// The server sends `attnum`, which keeps the gaps; `complete` turns it into the position. Numbering on
/// the server takes a window over every column sorted by relation, about a fifth of the query's cost.
struct ColumnReader: KindReader {
    let subject = "columns"

    func query(serverVersion: Int) -> String {
        // attcompression exists from PostgreSQL 14; '' means the default method.
        let compression = serverVersion >= 140_000 ? "nullif(a.attcompression::text, '')" : "NULL::text"
        return """
        SELECT c.relname AS relation, n.nspname AS schema, a.attname AS name,
               a.attnum AS number, a.attrelid AS relation_oid,
               format_type(a.atttypid, a.atttypmod) AS type,
               a.attnotnull AS not_null,
               CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, ad.adrelid) END AS default_expression,
               CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END AS generated_expression,
               a.attidentity::text AS identity,
               CASE WHEN a.attcollation <> t.typcollation THEN a.attcollation::regcollation::text END AS collation,
               \(compression) AS compression,
               coalesce(a.attacl::text[], '{}') AS privileges
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
        WHERE a.attnum > 0 AND NOT a.attisdropped
          AND c.relkind IN ('r', 'p', 'v', 'm')
          AND n.nspname = ANY($1::text[])
          AND NOT \(CatalogSQL.isExtensionMember("pg_class", "c.oid", in: parameters))
        """
    }

    /// `attidentity` codes.
    static let identityKinds: KeyValuePairs = ["a": "always", "d": "by default"]

    func object(from row: Row, comments: Comments) throws(PostgresError) -> SchemaObject {
        // The attnum: the comment's sub-object, and the position until `complete` says otherwise.
        let number = try row.int("number")
        // In the order of the names, so the list is kept as it is (see `Attributes`).
        var attributes = Attributes(inOrder: [
            .init(AttributeName.collation, try row.text("collation")),
            .init(AttributeName.comment, comments.on(.pgClass, try row.int("relation_oid"), subObject: number)),
            .init(AttributeName.defaultExpression, try row.sql("default_expression")),
            .init(AttributeName.generatedExpression, try row.sql("generated_expression")),
            .init(AttributeName.identity, try row.code("identity", Self.identityKinds)),
            .init(AttributeName.notNull, try row.flag("not_null")),
            .init(AttributeName.position, .number(Int64(number))),
            .init(AttributeName.privileges, try row.list("privileges", sorted: true)),
            .init(AttributeName.dataType, try row.text("type")),
        ])
        if let compression = try row.optionalString("compression") {
            attributes[AttributeName.compression] = .text(compression == "p" ? "pglz" : compression == "l" ? "lz4" : compression)
        }
        return SchemaObject(
            identity: ObjectIdentity(
                kind: .column, schema: try row.string("schema"), relation: try row.string("relation"),
                name: try row.string("name")
            ),
            attributes: attributes
        )
    }

    /// Positions among each relation's live columns, from the `attnum`s the rows carry. Relations
    /// without dropped columns number them 1…n already and are left as they are.
    ///
    /// The rows of a relation mostly come one after another. A run of rows of one relation whose
    /// highest attnum is its number of rows holds exactly attnums 1…n, so it needs nothing; since
    /// attnums are unique, any other run of the same relation cannot pass that test. The relations of
    /// runs that fail it (dropped columns, or rows that came apart) are numbered from all their rows.
    func complete(_ objects: inout [SchemaObject], from start: Int, rows: QueryResult) throws(PostgresError) {
        // Relations by oid: a number, so no text is made per row.
        var gapped: Set<Int> = []
        var run: (relation: Int, count: Int, highest: Int)?
        func finishRun() {
            if let run, run.highest > run.count { gapped.insert(run.relation) }
        }
        for row in rows {
            let relation = try row.int("relation_oid"), number = try row.int("number")
            if let current = run, current.relation == relation {
                run = (relation, current.count + 1, max(current.highest, number))
                continue
            }
            finishRun()
            run = (relation, 1, number)
        }
        finishRun()
        guard !gapped.isEmpty else { return }
        var columnsByRelation: [Int: [(number: Int, index: Int)]] = [:]
        for (offset, row) in rows.enumerated() {
            let relation = try row.int("relation_oid")
            if gapped.contains(relation) { columnsByRelation[relation, default: []].append((try row.int("number"), start + offset)) }
        }
        for columns in columnsByRelation.values {
            for (position, column) in columns.sorted(by: { $0.number < $1.number }).enumerated() {
                objects[column.index].attributes[AttributeName.position] = .number(Int64(position + 1))
            }
        }
    }
}
