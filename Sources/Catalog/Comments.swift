import PostgresClient
import SchemaModel

/// The comments of a database, read from pg_description with one query and found by object on the
/// client. Looked up on the server, a comment costs an index probe for every row of every reader
/// (every column, constraint, index…): about 5 % of the server's time for a read of a large schema,
/// where one scan of the comments costs under a millisecond.
struct Comments: Sendable {
    /// The catalogs whose objects readers look comments up for.
    enum Catalog: UInt8, CaseIterable, Sendable {
        case pgClass, pgProc, pgConstraint, pgType, pgNamespace, pgTrigger, pgPolicy, pgRewrite, pgCollation
        case pgEventTrigger, pgPublication

        /// The catalog's name, as `classoid::regclass` prints it under the read's `search_path`.
        var name: String {
            switch self {
            case .pgClass: "pg_class"
            case .pgProc: "pg_proc"
            case .pgConstraint: "pg_constraint"
            case .pgType: "pg_type"
            case .pgNamespace: "pg_namespace"
            case .pgTrigger: "pg_trigger"
            case .pgPolicy: "pg_policy"
            case .pgRewrite: "pg_rewrite"
            case .pgCollation: "pg_collation"
            case .pgEventTrigger: "pg_event_trigger"
            case .pgPublication: "pg_publication"
            }
        }
    }

    /// The comments that can belong to objects deepdiff reads: those on objects made after initdb
    /// (object ids from 16384, `FirstNormalObjectId`) and those on schemas (`public` is older). The
    /// thousands of comments on built-in functions and types are left out.
    static let userComments = "objoid >= 16384 OR classoid = 'pg_namespace'::regclass"

    /// What the statement reads, for people.
    static let subject = "comments"

    /// The statement that reads them.
    static let statement = PostgresConnection.Statement("""
        SELECT d.classoid::regclass::text AS catalog, d.objoid AS object, d.objsubid AS sub_object,
               d.description
        FROM pg_description d
        WHERE \(userComments)
        """)

    private struct Key: Hashable {
        let catalog: Catalog
        let object: Int
        let subObject: Int
    }

    private var descriptions: [Key: String] = [:]

    /// No comments.
    init() {}

    /// The comments in `rows`, the result of `statement`. Comments on catalogs no reader looks in
    /// (large objects, roles' objects of other kinds) are dropped.
    init(from rows: QueryResult) throws(PostgresError) {
        let catalogs = Dictionary(uniqueKeysWithValues: Catalog.allCases.map { ($0.name, $0) })
        descriptions.reserveCapacity(rows.count)
        for row in rows {
            guard let catalog = catalogs[try row.string("catalog")] else { continue }
            let key = Key(catalog: catalog, object: try row.int("object"), subObject: try row.int("sub_object"))
            descriptions[key] = try row.string("description")
        }
    }

    /// The comment on object `object` of `catalog` (its sub-object `subObject`: a column's number),
    /// or `.null` when it has none.
    func on(_ catalog: Catalog, _ object: Int, subObject: Int = 0) -> AttributeValue {
        if descriptions.isEmpty { return .null }
        return descriptions[Key(catalog: catalog, object: object, subObject: subObject)].map(AttributeValue.text) ?? .null
    }
}
