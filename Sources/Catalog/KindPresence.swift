import PostgresClient

/// Which readers have anything to read, asked in the read's first round trip, so that a reader's
/// query is sent only when its catalog holds an object a user made.
///
/// Many databases have no triggers, rules, aggregates, collations, event triggers, publications or
/// default privileges of their own. Each such query still costs a new server process about a
/// millisecond of planning and catalog opening; on an empty database they were a quarter of the
/// server's work for a read, and 4 % of it on a database of 8,700 objects. One `EXISTS` per kind
/// costs a fraction of that.
enum KindPresence {
    /// What the statement checks, for people.
    static let subject = "which kinds the database holds"

    /// One row, one column `present`: a boolean per reader of `readers` that has a presence
    /// condition, in their order.
    static func statement(for readers: [any KindReader]) -> PostgresConnection.Statement {
        let conditions = readers.compactMap(\.presence).map { "(\($0))" }
        return PostgresConnection.Statement("SELECT ARRAY[\(conditions.joined(separator: ", "))]::boolean[] AS present")
    }

    /// The readers of `readers` whose query is to be sent: those without a presence condition, and
    /// those whose condition held in `rows`, the result of `statement(for: readers)`.
    static func readersToRun(_ readers: [any KindReader], from rows: QueryResult) throws(PostgresError) -> [any KindReader] {
        guard let row = rows.first else {
            throw PostgresError(kind: .decoding, message: "the check of which kinds the database holds returned no row")
        }
        var answers = try row.stringArray("present").makeIterator()
        var running: [any KindReader] = []
        for reader in readers {
            if reader.presence != nil {
                guard let answer = answers.next() else {
                    throw PostgresError(kind: .decoding, message: "the check of which kinds the database holds returned too few answers")
                }
                if answer == "f" { continue }
            }
            running.append(reader)
        }
        if answers.next() != nil {
            throw PostgresError(kind: .decoding, message: "the check of which kinds the database holds returned too many answers")
        }
        return running
    }
}
