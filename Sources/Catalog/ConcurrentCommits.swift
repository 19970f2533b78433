import PostgresClient

/// Tells, at the end of a read, whether any transaction has committed since the read's snapshot was
/// taken. When none has, nothing can have changed the catalogs the read saw, and the read needs no
/// catalog signatures (two scans of every catalog).
///
/// A transaction becomes visible to other sessions only after the commit log marks it committed. So
/// if every transaction the read's snapshot did not see (those in progress when it was taken, and
/// every transaction id assigned since) is still not marked committed at the end, the catalog
/// functions that read the latest catalogs during the read saw the snapshot's catalogs. On a busy
/// database transactions commit all the time, and the read falls back to signatures.
enum ConcurrentCommits {
    /// More transaction ids assigned since the snapshot than this, and the check gives up at once.
    static let largestRangeChecked = 10_000

    /// The statement that tells whether no transaction invisible to `snapshot` has committed, to
    /// run inside the transaction that took `snapshot`, after its reads (see `noneCommitted(in:)`).
    ///
    /// The ids assigned since the snapshot are those from its `xmax` up to the next id to be
    /// assigned, which `age()` measures: its first call in a transaction reads the next id, later
    /// calls reuse it, so this must be the transaction's first use of `age()`.
    static func statement(since snapshot: String) -> PostgresConnection.Statement {
        PostgresConnection.Statement(query, [snapshot])
    }

    /// Whether the result of `statement(since:)` says that nothing committed.
    static func noneCommitted(in result: QueryResult) throws(PostgresError) -> Bool {
        guard let row = result.first else {
            throw PostgresError(kind: .decoding, message: "the check for concurrent commits returned no row")
        }
        return try row.bool("quiet")
    }

    /// `$1` is the snapshot. `pg_snapshot` ids are 64 bits; `age` takes the low 32.
    private static let query = """
        WITH started AS (
            SELECT $1::pg_catalog.pg_snapshot AS snapshot,
                   pg_catalog.pg_snapshot_xmax($1::pg_catalog.pg_snapshot)::text::numeric AS xmax),
        since AS (
            SELECT pg_catalog.age(((xmax % 4294967296)::text)::xid) AS assigned FROM started)
        SELECT CASE WHEN assigned > \(largestRangeChecked) THEN false ELSE NOT EXISTS (
                   SELECT FROM started, pg_catalog.pg_snapshot_xip(snapshot) AS running
                   WHERE pg_catalog.pg_xact_status(running) = 'committed'
                   UNION ALL
                   SELECT FROM started, pg_catalog.generate_series(0, assigned - 1) AS offset_since
                   WHERE pg_catalog.pg_xact_status(((xmax + offset_since)::text)::xid8) = 'committed')
               END AS quiet
        FROM since
        """
}
