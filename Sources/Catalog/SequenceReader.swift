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
        var attributes = try row.ownership(comment: comments.on(.pgClass, try row.int("oid")))
        attributes[AttributeName.dataType] = try row.text("type")
        attributes[AttributeName.start] = try row.number("start")
        attributes[AttributeName.increment] = try row.number("increment")
        attributes[AttributeName.minimum] = try row.number("minimum")
        attributes[AttributeName.maximum] = try row.number("maximum")
        attributes[AttributeName.cache] = try row.number("cache")
        attributes[AttributeName.cycle] = try row.flag("cycle")
        attributes[AttributeName.ownedBy] = try row.text("owned_by")
        return SchemaObject(
            identity: ObjectIdentity(kind: .sequence, schema: try row.string("schema"), name: try row.string("name")),
            attributes: attributes
        )
    }
}
