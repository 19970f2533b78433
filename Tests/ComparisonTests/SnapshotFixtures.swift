import Comparison
import SchemaModel
import SQLFingerprint

/// Small builders for snapshots written in code: the comparison needs no database.
enum Fixture {
    /// A definition with the fingerprint the catalog reader would store.
    static func definition(_ text: String) -> Definition {
        Definition(text: text, fingerprint: Fingerprint(normalizing: text))
    }

    /// An object of any kind.
    static func object(_ kind: ObjectKind, _ name: String, schema: String? = "public", relation: String? = nil,
                       arguments: String? = nil, definition text: String? = nil,
                       attributes: Attributes = [:]) -> SchemaObject {
        SchemaObject(identity: ObjectIdentity(kind: kind, schema: schema, relation: relation, name: name, arguments: arguments),
                     definition: text.map(definition), attributes: attributes)
    }

    /// A column of `public.<table>` at `position`.
    static func column(_ table: String, _ name: String, position: Int64, type: String = "integer") -> SchemaObject {
        object(.column, name, relation: table, attributes: [AttributeName.position: .number(position), AttributeName.dataType: .text(type)])
    }

    /// A snapshot of a server of major version `major`.
    static func snapshot(major: Int = 15, _ objects: [SchemaObject], unmodeled: [String: Int] = [:]) -> Snapshot {
        Snapshot(server: ServerInfo(versionNumber: major * 10_000 + 3, version: "\(major).3"), database: "app",
                 schemas: ["public"], objects: objects, unmodeledObjects: unmodeled)
    }

    /// Compares two object lists as snapshots of servers of the given major versions.
    static func compare(_ source: [SchemaObject], _ target: [SchemaObject], sourceMajor: Int = 15, targetMajor: Int = 15,
                        options: ComparisonOptions = .init()) -> ComparisonResult {
        Comparator.compare(source: snapshot(major: sourceMajor, source), target: snapshot(major: targetMajor, target),
                           sourceLabel: "production", targetLabel: "staging", options: options)
    }

    /// The comparison of the single object in source and target, both holding `source`/`target`.
    static func compareOne(_ source: SchemaObject, _ target: SchemaObject, sourceMajor: Int = 15, targetMajor: Int = 15,
                           options: ComparisonOptions = .init()) -> ObjectComparison? {
        compare([source], [target], sourceMajor: sourceMajor, targetMajor: targetMajor, options: options).objects.first
    }
}

extension ComparisonResult {
    /// The comparison of the object with `identity`, if present.
    func comparison(of identity: ObjectIdentity) -> ObjectComparison? {
        objects.first { $0.identity == identity }
    }

    /// Verdict names by qualified object description, for compact expectations.
    var verdictsByObject: [String: String] {
        Dictionary(uniqueKeysWithValues: objects.map { ($0.identity.description, $0.verdict.name) })
    }
}
