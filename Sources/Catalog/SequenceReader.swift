import PostgresClient
import SchemaModel

/// Reads sequences: their parameters and the column that owns them (serial and identity columns,
/// `OWNED BY`). The current value is data, not schema, and is not read.
struct SequenceReader: KindReader {
    let subject = "sequences"

    func query(serverVersion: Int) -> String {
        """
        SELECT c.relname AS name, n.nspname AS schema,
               format_type(s.seqtypid, NULL) AS type,
               s.seqstart AS start, s.seqincrement AS increment, s.seqmin AS minimum, s.seqmax AS maximum,
               s.seqcache AS cache, s.seqcycle AS cycle,
               (SELECT dep.refobjid::regclass::text || '.' || quote_ident(a.attname)
                FROM pg_depend dep
                JOIN pg_attribute a ON a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid
                WHERE dep.classid = 'pg_class'::regclass AND dep.objid = c.oid
                  AND dep.refclassid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i')
                LIMIT 1) AS owned_by,
               pg_get_userbyid(c.relowner) AS owner,
               \(CatalogSQL.privileges("c.relacl", kindCode: "s", owner: "c.relowner")) AS privileges,
               c.oid AS oid
        FROM pg_sequence s
        JOIN pg_class c ON c.oid = s.seqrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY($1::text[])
          AND NOT \(CatalogSQL.isExtensionMember("pg_class", "c.oid", in: parameters))
        """
    }

    func object(from row: Row, comments: Comments) throws(PostgresError) -> SchemaObject {
        let ownership = try row.ownership(comment: comments.on(.pgClass, try row.int("oid")))
        // In name order (see `Attributes(inOrder:)`).
        let attributes = Attributes(inOrder: [
            .init(AttributeName.cache, try row.number("cache")),
            ownership.comment,
            .init(AttributeName.cycle, try row.flag("cycle")),
            .init(AttributeName.increment, try row.number("increment")),
            .init(AttributeName.maximum, try row.number("maximum")),
            .init(AttributeName.minimum, try row.number("minimum")),
            .init(AttributeName.ownedBy, try row.text("owned_by")),
            ownership.owner,
            ownership.privileges,
            .init(AttributeName.start, try row.number("start")),
            .init(AttributeName.dataType, try row.text("type")),
        ])
        return SchemaObject(
            identity: ObjectIdentity(kind: .sequence, schema: try row.string("schema"), name: try row.string("name")),
            attributes: attributes
        )
    }
}
