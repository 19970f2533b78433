import Foundation

// Writes the snapshot fuzz target's seed corpus: one snapshot file per SQL fixture given as an
// argument, each statement of the file becoming a function whose definition is that statement,
// plus one object of every kind with every sort of attribute value. Built together with
// Sources/SchemaModel as one module (see scripts/fuzz), so the model is used without an import.
//   seeds OUTPUT_DIR FILE.sql...

let arguments = CommandLine.arguments.dropFirst()
guard let outputDirectory = arguments.first else {
    FileHandle.standardError.write(Data("usage: seeds OUTPUT_DIR FILE.sql...\n".utf8))
    exit(2)
}

/// One object of each kind, carrying each kind of attribute value.
let everyKind: [SchemaObject] = ObjectKind.allCases.map { kind in
    SchemaObject(
        identity: ObjectIdentity(kind: kind, schema: "public", relation: kind.belongsToRelation ? "t" : nil,
                                 name: "obj_\(kind.rawValue)", arguments: kind.isRoutine ? "integer, text" : nil),
        definition: Definition(text: "SELECT 1", fingerprint: Fingerprint(hex: String(repeating: "ab", count: 32))),
        attributes: ["owner": .text("postgres"), "check": .sql("(x > 0)"), "size": .number(-42), "enabled": .flag(true),
                     "grants": .list(["postgres=arwdDxt/postgres", "anon=r/postgres"]), "comment": .null])
}

for (index, path) in arguments.dropFirst().enumerated() {
    guard let data = FileManager.default.contents(atPath: path) else { continue }
    let statements = String(decoding: data, as: UTF8.self).split(separator: ";\n").prefix(40)
    let functions = statements.enumerated().map { number, statement in
        SchemaObject(identity: ObjectIdentity(kind: .function, schema: "public", name: "f\(number)", arguments: "integer"),
                     definition: Definition(text: String(statement), fingerprint: Fingerprint(hex: String(repeating: "0", count: 64))))
    }
    let objects = index == 0 ? everyKind + functions : functions
    let snapshot = Snapshot(server: ServerInfo(versionNumber: 150_018, version: "15.18"), database: "seed\(index)",
                            schemas: ["public"], objects: objects, unmodeledObjects: ["foreign table": 1])
    do {
        try SnapshotFile.encode(snapshot).write(to: URL(fileURLWithPath: "\(outputDirectory)/snapshot-\(index).json"))
    } catch {
        FileHandle.standardError.write(Data("seeds: \(error)\n".utf8))
        exit(1)
    }
}
