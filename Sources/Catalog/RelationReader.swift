import PostgresClient
import SchemaModel

/// Reads tables, partitioned tables, views and materialized views: one row per relation.
struct RelationReader: KindReader {
    let subject = "tables and views"

    func query(serverVersion: Int) -> String {
        """
        SELECT c.relname AS name, n.nspname AS schema, c.relkind::text AS relkind,
               c.relpersistence::text AS persistence,
               pg_get_userbyid(c.relowner) AS owner,
               \(CatalogSQL.privileges("c.relacl", kindCode: "r", owner: "c.relowner")) AS privileges,
               c.oid AS oid,
               c.relrowsecurity AS row_security, c.relforcerowsecurity AS row_security_forced,
               CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
               CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
               ARRAY(SELECT i.inhparent::regclass::text FROM pg_inherits i
                     WHERE i.inhrelid = c.oid ORDER BY i.inhseqno) AS inherits,
               c.reloptions AS options,
               CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END AS definition,
               c.relispopulated AS populated
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm')
          AND n.nspname = ANY($1::text[])
          AND NOT \(CatalogSQL.isExtensionMember("pg_class", "c.oid", in: parameters))
        """
    }

    func object(from row: Row, comments: Comments) throws(PostgresError) -> SchemaObject {
        let relkind = try row.string("relkind")
        let kind: ObjectKind = switch relkind {
        case "v": .view
        case "m": .materializedView
        default: .table
        }
        let ownership = try row.ownership(comment: comments.on(.pgClass, try row.int("oid")))
        var options = try row.optionalStringArray("options") ?? []
        // In name order (see `Attributes(inOrder:)`).
        var entries: [Attributes.Entry]
        switch kind {
        case .view, .materializedView:
            // The options that decide who sees what get attributes of their own, compared by meaning
            // (`security_barrier` alone, `=true` and `=on` are the same; absent is false).
            let security = Self.takeOption("security_invoker", from: &options)
            let barrier = Self.takeOption("security_barrier", from: &options)
            let checkOption = Self.takeOption("check_option", from: &options)
            let populated = kind == .materializedView ? try row.flag("populated") : nil
            entries = [
                .init(AttributeName.checkOption, checkOption.map { .text($0.lowercased()) } ?? .null),
                ownership.comment,
                .init(AttributeName.options, .list(UTF8Bytes.sorted(options))),
                ownership.owner,
            ]
            if let populated { entries.append(.init(AttributeName.populated, populated)) }
            entries += [
                ownership.privileges,
                .init(AttributeName.securityBarrier, .flag(barrier.map(Self.isTrue) ?? false)),
                .init(AttributeName.securityInvoker, .flag(security.map(Self.isTrue) ?? false)),
            ]
        default:
            let unlogged = try row.string("persistence") == "u"
            entries = [
                ownership.comment,
                .init(AttributeName.inheritsFrom, try row.list("inherits")),
                .init(AttributeName.options, .list(UTF8Bytes.sorted(options))),
                ownership.owner,
                .init(AttributeName.partitionBound, try row.text("partition_bound")),
                .init(AttributeName.partitionKey, try row.text("partition_key")),
            ]
            if unlogged { entries.append(.init(AttributeName.persistence, .text("unlogged"))) }
            entries += [
                ownership.privileges,
                .init(AttributeName.rowSecurityEnabled, try row.flag("row_security")),
                .init(AttributeName.rowSecurityForced, try row.flag("row_security_forced")),
            ]
        }
        let attributes = Attributes(inOrder: entries)
        return SchemaObject(
            identity: ObjectIdentity(kind: kind, schema: try row.string("schema"), name: try row.string("name")),
            definition: try row.definition(),
            attributes: attributes
        )
    }

    /// Removes `name=value` from `options` and returns the value, or nil when the option is not set.
    private static func takeOption(_ name: String, from options: inout [String]) -> String? {
        let prefix = name + "="
        guard let position = options.firstIndex(where: { $0.hasPrefix(prefix) }) else { return nil }
        return String(options.remove(at: position).dropFirst(prefix.count))
    }

    /// PostgreSQL's spellings of a true boolean option.
    private static func isTrue(_ value: String) -> Bool {
        ["true", "on", "yes", "1", "t", "y"].contains(value.lowercased())
    }
}
