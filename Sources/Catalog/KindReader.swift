import PostgresClient
import SQLFingerprint
import SchemaModel

/// Reads one kind of schema object, or a few closely related kinds, with a single query that returns
/// every object in scope at once.
protocol KindReader: Sendable {
    /// What the query reads, for people ("functions and procedures").
    var subject: String { get }
    /// The query for a server of `serverVersion` (`server_version_num`), taking `parameters`.
    func query(serverVersion: Int) -> String
    /// The parameters the query takes.
    var parameters: QueryParameters { get }
    /// A condition true whenever the query can return a row, checked in the read's first round trip:
    /// when false, the query is not sent. Cheap (an `EXISTS` on the kind's catalog) and broader than
    /// the query, never narrower. Nil: the query is always sent.
    var presence: String? { get }
    /// The object one result row describes, with its comment from `comments`.
    func object(from row: Row, comments: Comments) throws(PostgresError) -> SchemaObject
    /// Completes the objects of the whole result, `objects[start...]` made from `rows`, once every row
    /// is read: what no single row can tell.
    func complete(_ objects: inout [SchemaObject], from start: Int, rows: QueryResult) throws(PostgresError)
}

extension KindReader {
    var parameters: QueryParameters { [.schemas, .extensionMembers] }
    var presence: String? { nil }
    func complete(_ objects: inout [SchemaObject], from start: Int, rows: QueryResult) throws(PostgresError) {}
}

/// The parameters a query takes, numbered `$1`, `$2`… in the order they are declared here.
struct QueryParameters: OptionSet, Sendable {
    let rawValue: Int

    /// The text[] of schemas read in full.
    static let schemas = QueryParameters(rawValue: 1 << 0)
    /// The text[] of preset-managed schemas.
    static let managedSchemas = QueryParameters(rawValue: 1 << 1)
    /// The int8[] of objects extensions made (see `ExtensionMembers`).
    static let extensionMembers = QueryParameters(rawValue: 1 << 2)

    private static let inOrder: [QueryParameters] = [.schemas, .managedSchemas, .extensionMembers]

    private var taken: [QueryParameters] { Self.inOrder.filter(contains) }

    /// `$n` for `parameter`, one of these.
    func placeholder(for parameter: QueryParameters) -> String {
        guard let position = taken.firstIndex(of: parameter) else {
            preconditionFailure("a query uses a parameter it does not declare")
        }
        return "$\(position + 1)"
    }

    /// The values, in order, for what the read's first round trip found (`plan`).
    func values(for plan: ReadPlan) -> [String?] {
        taken.map { parameter in
            switch parameter {
            case .schemas: PostgresTextArray.literal(plan.scope.schemas)
            case .managedSchemas: PostgresTextArray.literal(plan.scope.managedSchemas)
            default: plan.extensionMembers
            }
        }
    }
}

/// SQL fragments every reader shares, so each rule (what counts as an extension's object, what stands
/// for "never granted") is written once.
enum CatalogSQL {
    /// `FirstNormalObjectId`: initdb gives every object it makes (built-in functions, types,
    /// collations, the system views' rules…) an object id below it, and a server started by its
    /// postmaster never hands out one below it: its counter starts there and wraps around to it.
    /// pg_dump tells built-in casts, languages and access methods from users' the same way.
    static let firstNormalObjectID = 16384

    /// A condition true when `objectID` is the id of an object made after initdb (see
    /// `firstNormalObjectID`): lets the server skip the built-in rows of a catalog by its index on
    /// object ids instead of reading them and filtering them out by schema.
    static func madeAfterInitdb(_ objectID: String) -> String {
        "\(objectID) >= \(firstNormalObjectID)"
    }

    /// A condition true when the object `objectID` of catalog `catalog` was created by an extension,
    /// for a query that takes the list of extensions' objects among its `parameters`.
    static func isExtensionMember(_ catalog: String, _ objectID: String, in parameters: QueryParameters) -> String {
        ExtensionMembers.contain(catalogID: "'\(catalog)'::regclass", objectID: objectID, in: parameters)
    }

    /// A condition true when the object `objectID` of catalog `catalog` was created by an extension,
    /// found by a probe of pg_depend: for the query that lists the schemas, sent before the list of
    /// extensions' objects is known.
    static func isExtensionMemberProbed(_ catalog: String, _ objectID: String) -> String {
        "EXISTS (SELECT FROM pg_depend ext WHERE ext.classid = '\(catalog)'::regclass AND ext.objid = \(objectID) AND ext.deptype = 'e')"
    }

    /// A condition true when the object `objectID` of the catalog whose oid is `catalogID` (an SQL
    /// expression, e.g. `'pg_proc'::regclass`) is part of another object and made with it by
    /// PostgreSQL (a range type's constructors, a multirange's casts).
    static func isInternalPart(catalogID: String, objectID: String) -> String {
        "EXISTS (SELECT FROM pg_depend part WHERE part.classid = \(catalogID) AND part.objid = \(objectID) AND part.deptype = 'i')"
    }

    /// The ACL as text[], with the built-in default standing in for "never granted" so both compare equal.
    static func privileges(_ acl: String, kindCode: Character, owner: String) -> String {
        "coalesce(\(acl), acldefault('\(kindCode)', \(owner)))::text[]"
    }
}

/// Builds a text[] parameter in PostgreSQL's array literal syntax, every element quoted.
enum PostgresTextArray {
    /// `{"a","b\"c"}` for `["a", "b\"c"]`.
    static func literal(_ elements: [String]) -> String {
        var text = "{"
        for (position, element) in elements.enumerated() {
            if position > 0 { text += "," }
            text += "\""
            for character in element {
                if character == "\"" || character == "\\" { text += "\\" }
                text.append(character)
            }
            text += "\""
        }
        return text + "}"
    }
}

/// The attributes every owned object has (see `Row.ownership`).
struct Ownership {
    let comment: Attributes.Entry
    let owner: Attributes.Entry
    let privileges: Attributes.Entry

    /// The three alone, for objects that have no others.
    var attributes: Attributes { Attributes(inOrder: [comment, owner, privileges]) }
}

extension Row {
    /// A nullable text column as an attribute: `.text`, or `.null` when NULL.
    func text(_ column: StaticString) throws(PostgresError) -> AttributeValue {
        try optionalString(column).map(AttributeValue.text) ?? .null
    }

    /// A nullable SQL expression column as an attribute: `.sql`, or `.null` when NULL.
    func sql(_ column: StaticString) throws(PostgresError) -> AttributeValue {
        try optionalString(column).map(AttributeValue.sql) ?? .null
    }

    /// A boolean column as an attribute.
    func flag(_ column: StaticString) throws(PostgresError) -> AttributeValue {
        .flag(try bool(column))
    }

    /// An integer column as an attribute.
    func number(_ column: StaticString) throws(PostgresError) -> AttributeValue {
        .number(Int64(try int(column)))
    }

    /// A text[] column as a list attribute, sorted when the order carries no meaning (ACLs, role lists).
    func list(_ column: StaticString, sorted: Bool = false) throws(PostgresError) -> AttributeValue {
        let elements = try optionalStringArray(column) ?? []
        return .list(sorted ? UTF8Bytes.sorted(elements) : elements)
    }

    /// The owner and privileges every owned object carries, from the columns `owner` and
    /// `privileges`, with its `comment`: entries for a reader to place among those of its kind, in
    /// name order (see `Attributes(inOrder:)`).
    func ownership(comment: AttributeValue) throws(PostgresError) -> Ownership {
        Ownership(comment: .init(AttributeName.comment, comment),
                  owner: .init(AttributeName.owner, try text("owner")),
                  privileges: .init(AttributeName.privileges, try list("privileges", sorted: true)))
    }

    /// The definition held in `column`, fingerprinted.
    func definition(_ column: StaticString = "definition") throws(PostgresError) -> Definition? {
        try optionalString(column).map { Definition(text: $0, fingerprint: Fingerprint(normalizing: $0)) }
    }

    /// A single-character catalog code translated to its word (a code not in `words` is kept as it is,
    /// so a new server's value still shows), or `.null` when NULL or empty.
    func code(_ column: StaticString, _ words: KeyValuePairs<String, String>) throws(PostgresError) -> AttributeValue {
        guard let code = try optionalString(column), !code.isEmpty else { return .null }
        // A handful of codes: looked through in turn, not hashed.
        return .text(words.first { UTF8Bytes.equal($0.key, code) }?.value ?? code)
    }
}
