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
    static let userComments = "\(CatalogSQL.madeAfterInitdb("objoid")) OR classoid = 'pg_namespace'::regclass"

    /// What the statement reads, for people.
    static let subject = "comments"

    /// The statement that reads them.
    static let statement = PostgresConnection.Statement("""
        SELECT d.classoid::regclass::text AS catalog, d.objoid AS object, d.objsubid AS sub_object,
               d.description
        FROM pg_description d
        WHERE \(userComments)
        """)

    /// Each catalog's commented objects, by `Catalog.rawValue`: keys in ascending order (object id in
    /// the high 32 bits, sub-object in the low ones) and, at the same positions, the comments. A
    /// look-up is a binary search of integers, where a dictionary would hash a key for every row of
    /// every reader.
    private var keys: [[UInt64]] = Array(repeating: [], count: Catalog.allCases.count)
    private var descriptions: [[String]] = Array(repeating: [], count: Catalog.allCases.count)

    /// No comments.
    init() {}

    /// The comments in `rows`, the result of `statement`. Comments on catalogs no reader looks in
    /// (large objects, roles' objects of other kinds) are dropped.
    init(from rows: QueryResult) throws(PostgresError) {
        let catalogs = Dictionary(uniqueKeysWithValues: Catalog.allCases.map { ($0.name, $0) })
        var found: [[(key: UInt64, description: String)]] = Array(repeating: [], count: Catalog.allCases.count)
        for row in rows {
            guard let catalog = catalogs[try row.string("catalog")] else { continue }
            found[Int(catalog.rawValue)].append((Self.key(try row.int("object"), try row.int("sub_object")), try row.string("description")))
        }
        for (index, comments) in found.enumerated() {
            let sorted = comments.sorted { $0.key < $1.key }
            keys[index] = sorted.map(\.key)
            descriptions[index] = sorted.map(\.description)
        }
    }

    /// The comment on object `object` of `catalog` (its sub-object `subObject`: a column's number),
    /// or `.null` when it has none.
    func on(_ catalog: Catalog, _ object: Int, subObject: Int = 0) -> AttributeValue {
        let keys = keys[Int(catalog.rawValue)]
        guard !keys.isEmpty else { return .null }
        let key = Self.key(object, subObject)
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key ? .text(descriptions[Int(catalog.rawValue)][low]) : .null
    }

    /// An object id (32 bits) and a sub-object number (a signed 32-bit `objsubid`) as one integer.
    private static func key(_ object: Int, _ subObject: Int) -> UInt64 {
        UInt64(UInt32(truncatingIfNeeded: object)) << 32 | UInt64(UInt32(truncatingIfNeeded: subObject))
    }
}
