/// What makes a schema object the same object on both sides: its kind, schema, name, the relation it
/// belongs to (for columns, constraints, triggers, policies, rules) and, for routines, the identity
/// argument types as `pg_get_function_identity_arguments` prints them, so each overload is its own
/// object.
public struct ObjectIdentity: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The kind of object.
    public var kind: ObjectKind
    /// The schema, or nil for objects outside schemas (schemas themselves, extensions' identity,
    /// event triggers, publications, collations keep theirs).
    public var schema: String?
    // Declared in another order than `init(kind:schema:relation:name:arguments:)` takes them, so that
    // the memberwise initializer the compiler makes (which that one calls) has other labels: see
    // `SchemaObject`.
    /// The object's own name.
    public var name: String
    /// The relation (table or view) this object belongs to, for kinds where `kind.belongsToRelation`.
    public var relation: String?
    /// Identity argument types of a routine, e.g. `p_from timestamp with time zone, p_to …` as
    /// PostgreSQL prints them; nil for other kinds.
    public var arguments: String?

    /// The qualified name people read: `public.agent_calls`, `public.agent_calls.id`,
    /// `public.get_kpi_metrics(integer)`, `policy_name on public.clients`.
    public var qualifiedName: String {
        let schemaPrefix = schema.map { "\($0)." } ?? ""
        switch kind {
        case .column:
            return "\(schemaPrefix)\(relation ?? "?").\(name)"
        case .constraint, .trigger, .policy, .rule:
            return "\(name) on \(schemaPrefix)\(relation ?? "?")"
        default:
            if let arguments { return "\(schemaPrefix)\(name)(\(arguments))" }
            return "\(schemaPrefix)\(name)"
        }
    }

    public var description: String { "\(kind.displayName) \(qualifiedName)" }

    /// Kind (in declaration order), then schema, relation, name and arguments, each by UTF-8 bytes
    /// (an absent field counts as empty); `IdentityOrder` sorts in this same order.
    public static func < (lhs: ObjectIdentity, rhs: ObjectIdentity) -> Bool {
        if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
        return order(lhs.schema, rhs.schema) ?? order(lhs.relation, rhs.relation) ?? order(lhs.name, rhs.name)
            ?? order(lhs.arguments, rhs.arguments) ?? false
    }

    /// Equal when every field has the same UTF-8 bytes (see `UTF8Bytes.equal`).
    public static func == (lhs: ObjectIdentity, rhs: ObjectIdentity) -> Bool {
        lhs.kind == rhs.kind && UTF8Bytes.equal(lhs.name, rhs.name) && UTF8Bytes.equal(lhs.relation, rhs.relation)
            && UTF8Bytes.equal(lhs.schema, rhs.schema) && UTF8Bytes.equal(lhs.arguments, rhs.arguments)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        UTF8Bytes.hash(schema, into: &hasher)
        UTF8Bytes.hash(relation, into: &hasher)
        UTF8Bytes.hash(name, into: &hasher)
        UTF8Bytes.hash(arguments, into: &hasher)
    }

    /// Whether `left` sorts first by UTF-8 bytes, or nil when both are the same.
    private static func order(_ left: String?, _ right: String?) -> Bool? {
        let difference = UTF8Bytes.compare(left ?? "", right ?? "")
        return difference == 0 ? nil : difference < 0
    }
}

extension ObjectIdentity {
    /// Creates an identity.
    public init(kind: ObjectKind, schema: String?, relation: String? = nil, name: String, arguments: String? = nil) {
        self.init(kind: kind, schema: schema, name: name, relation: relation, arguments: arguments)
    }
}
