import PostgresClient
import SchemaModel

/// Reads user-defined types: enums (labels in order), domains (base type, nullability, default,
/// collation; their CHECK constraints are read as constraints) and standalone composite types (fields in
/// order). Range and base types are counted as unmodeled.
struct TypeReader: KindReader {
    let subject = "types"
    /// Enums and domains, or standalone composite types (every table has a composite type too).
    let presence: String? = """
        EXISTS (SELECT FROM pg_type WHERE \(CatalogSQL.madeAfterInitdb("oid")) AND typtype IN ('e', 'd'))
        OR EXISTS (SELECT FROM pg_class WHERE \(CatalogSQL.madeAfterInitdb("oid")) AND relkind = 'c')
        """

    func query(serverVersion: Int) -> String {
        """
        SELECT t.typname AS name, n.nspname AS schema, t.typtype::text AS typtype,
               pg_get_userbyid(t.typowner) AS owner,
               \(CatalogSQL.privileges("t.typacl", kindCode: "T", owner: "t.typowner")) AS privileges,
               t.oid AS oid,
               CASE WHEN t.typtype = 'e' THEN
                   ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)
               END AS labels,
               CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base_type,
               t.typnotnull AS not_null,
               CASE WHEN t.typtype = 'd' THEN pg_get_expr(t.typdefaultbin, 0) END AS default_expression,
               CASE WHEN t.typtype = 'd' AND t.typcollation <> base.typcollation
                    THEN t.typcollation::regcollation::text END AS collation,
               CASE WHEN t.typtype = 'c' THEN
                   ARRAY(SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
                                || CASE WHEN a.attcollation <> at.typcollation
                                        THEN ' COLLATE ' || a.attcollation::regcollation::text ELSE '' END
                         FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid
                         WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
                         ORDER BY a.attnum)
               END AS fields
        FROM pg_type t
        JOIN pg_namespace n ON n.oid = t.typnamespace
        LEFT JOIN pg_type base ON base.oid = t.typbasetype AND t.typbasetype <> 0
        LEFT JOIN pg_class r ON r.oid = t.typrelid AND t.typrelid <> 0
        WHERE \(CatalogSQL.madeAfterInitdb("t.oid")) AND (t.typtype IN ('e', 'd') OR (t.typtype = 'c' AND r.relkind = 'c'))
          AND n.nspname = ANY($1::text[])
          AND NOT \(CatalogSQL.isExtensionMember("pg_type", "t.oid", in: parameters))
        """
    }

    func object(from row: Row, comments: Comments) throws(PostgresError) -> SchemaObject {
        let ownership = try row.ownership(comment: comments.on(.pgType, try row.int("oid")))
        let kind: ObjectKind
        // In name order (see `Attributes(inOrder:)`).
        let attributes: Attributes
        switch try row.string("typtype") {
        case "e":
            kind = .enumType
            attributes = Attributes(inOrder: [ownership.comment, .init(AttributeName.labels, try row.list("labels")),
                                              ownership.owner, ownership.privileges])
        case "d":
            kind = .domain
            attributes = Attributes(inOrder: [
                .init(AttributeName.baseType, try row.text("base_type")),
                .init(AttributeName.collation, try row.text("collation")),
                ownership.comment,
                .init(AttributeName.defaultExpression, try row.sql("default_expression")),
                .init(AttributeName.notNull, try row.flag("not_null")),
                ownership.owner,
                ownership.privileges,
            ])
        default:
            kind = .compositeType
            attributes = Attributes(inOrder: [ownership.comment, .init(AttributeName.fields, try row.list("fields")),
                                              ownership.owner, ownership.privileges])
        }
        return SchemaObject(
            identity: ObjectIdentity(kind: kind, schema: try row.string("schema"), name: try row.string("name")),
            attributes: attributes
        )
    }
}
