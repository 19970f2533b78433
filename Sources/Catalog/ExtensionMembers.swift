import PostgresClient

/// The objects extensions made (pg_depend rows of type `e`), listed once per read and sent back to the
/// server with every reader's query, which leaves them out with one hashed look-up per row instead
/// of an index probe of pg_depend per row (about a tenth of the time of the column, constraint and
/// index queries on a large schema).
///
/// Each object is one `int8`: its catalog's oid (a system catalog's, below 16384) in the high 32 bits,
/// its own oid in the low ones, so that objects of two catalogs with the same oid (possible once
/// oids wrap around) stay apart.
enum ExtensionMembers {
    /// What the list is, for people.
    static let subject = "extensions' objects"

    /// One row, one column `members`: the list as an `int8[]` literal, `{}` when there is none.
    /// A member's dependency always refers to its extension, so the rows are found through pg_depend's
    /// index on what is referred to, without a scan of every dependency of the database.
    static let query = """
        SELECT coalesce(array_agg((d.classid::int8 << 32) | d.objid::int8), '{}')::text AS members
        FROM pg_depend d
        WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
        """

    /// The statement that reads the list.
    static let statement = PostgresConnection.Statement(query)

    /// The list `query` returned, as the literal to send back.
    static func literal(from rows: QueryResult) throws(PostgresError) -> String {
        guard let row = rows.first else {
            throw PostgresError(kind: .decoding, message: "the list of extensions' objects returned no row")
        }
        return try row.string("members")
    }

    /// A condition true when the object `objectID` of the catalog whose oid is `catalogID` (an SQL
    /// expression, e.g. `'pg_class'::regclass`) is in the list, one of the query's `parameters`.
    static func contain(catalogID: String, objectID: String, in parameters: QueryParameters) -> String {
        let list = parameters.placeholder(for: .extensionMembers)
        return "((\(catalogID)::oid::int8 << 32) | \(objectID)::int8) IN (SELECT unnest(\(list)::int8[]))"
    }
}
