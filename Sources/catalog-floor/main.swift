// Prints, as a psql script, the statements deepdiff sends to read a database's objects, so that
// `scripts/bench-compare` can time psql running exactly them: the server's share of a read, the floor
// deepdiff's own read is measured against.
//   catalog-floor CONNECTION-STRING > floor.sql
import Catalog
import Foundation
import PostgresClient

/// `value` as an SQL string literal (standard_conforming_strings: only quotes are doubled), or NULL.
func literal(_ value: String?) -> String {
    guard let value else { return "NULL" }
    return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
}

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: catalog-floor CONNECTION-STRING\n".utf8))
    exit(2)
}
do {
    let connection = try PostgresConnection(CommandLine.arguments[1])
    let statements = try CatalogReader().objectStatements(on: connection)
    var script = """
        -- The statements deepdiff sends to read \(connection.databaseName)'s objects, in its transaction.
        BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
        SELECT pg_catalog.set_config('search_path', 'pg_catalog', true), pg_catalog.set_config('jit', 'off', true);

        """
    for (number, statement) in statements.enumerated() {
        script += "PREPARE statement_\(number) AS\n\(statement.sql);\n"
        let arguments = statement.parameters.map(literal).joined(separator: ", ")
        script += statement.parameters.isEmpty ? "EXECUTE statement_\(number);\n" : "EXECUTE statement_\(number)(\(arguments));\n"
    }
    script += "COMMIT;\n"
    FileHandle.standardOutput.write(Data(script.utf8))
} catch {
    FileHandle.standardError.write(Data("catalog-floor: \(error)\n".utf8))
    exit(2)
}
