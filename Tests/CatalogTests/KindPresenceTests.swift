@testable import Catalog
import GoldenFiles
import PostgresClient
import SchemaModel
import Testing

@Suite("Sending a reader's query only when the database holds its kind")
struct KindPresenceTests {
    /// One object of a kind a presence check guards, in SQL that makes it alone.
    struct LoneObject: CustomTestStringConvertible, Sendable {
        let kind: ObjectKind
        let sql: String
        var testDescription: String { kind.rawValue }
    }

    static let loneObjects: [LoneObject] = [
        LoneObject(kind: .trigger, sql: """
            CREATE TABLE t (id integer);
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
            CREATE TRIGGER touch BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION touch()
            """),
        LoneObject(kind: .policy, sql: "CREATE TABLE t (id integer); CREATE POLICY own ON t USING (id > 0)"),
        LoneObject(kind: .rule, sql: "CREATE TABLE t (id integer); CREATE RULE keep AS ON DELETE TO t DO INSTEAD NOTHING"),
        LoneObject(kind: .aggregate, sql: "CREATE AGGREGATE total(integer) (SFUNC = int4pl, STYPE = integer)"),
        LoneObject(kind: .collation, sql: "CREATE COLLATION plain (provider = libc, locale = 'C')"),
        LoneObject(kind: .eventTrigger, sql: """
            CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;
            CREATE EVENT TRIGGER on_ddl ON ddl_command_start EXECUTE FUNCTION on_ddl()
            """),
        LoneObject(kind: .publication, sql: "CREATE PUBLICATION everything FOR ALL TABLES"),
        LoneObject(kind: .defaultPrivileges, sql: "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC"),
        LoneObject(kind: .enumType, sql: "CREATE TYPE mood AS ENUM ('calm')"),
        LoneObject(kind: .domain, sql: "CREATE DOMAIN positive AS integer CHECK (VALUE > 0)"),
        LoneObject(kind: .compositeType, sql: "CREATE TYPE pair AS (x integer, y integer)"),
    ]

    /// The subjects of the readers whose query a read of the database sends, in their order.
    private func queriedKinds(on connection: PostgresConnection) throws -> [String] {
        let sent = Set(try CatalogReader().objectStatements(on: connection).map(\.sql))
        return CatalogReader.readers.filter { sent.contains($0.query(serverVersion: connection.serverVersionNumber)) }.map(\.subject)
    }

    @Test("a database with tables alone is read without the queries of the guarded kinds", arguments: Cluster.allCases)
    func absentKinds(cluster: Cluster) throws {
        try FixtureDatabase.with(on: cluster, loading: []) { database, connection in
            // A view (a rule of PostgreSQL's own) and a foreign key (internal triggers) are not the kinds' objects.
            try database.execute("""
                CREATE TABLE parent (id integer PRIMARY KEY);
                CREATE TABLE child (parent_id integer REFERENCES parent);
                CREATE VIEW parents AS SELECT id FROM parent
                """)
            let queried = try queriedKinds(on: connection)
            #expect(queried == CatalogReader.readers.filter { $0.presence == nil }.map(\.subject))
        }
    }

    @Test("a lone object of a guarded kind has its kind's query sent and is read", arguments: Cluster.allCases, loneObjects)
    func loneObject(cluster: Cluster, lone: LoneObject) throws {
        try FixtureDatabase.with(on: cluster, loading: []) { database, connection in
            try database.execute(lone.sql)
            let snapshot = try CatalogReader().read(from: connection)
            #expect(snapshot.objects.contains { $0.identity.kind == lone.kind })
        }
    }

    @Test("every reader's query is sent for a database that holds every kind", arguments: Cluster.allCases)
    func everyKind(cluster: Cluster) throws {
        try FixtureDatabase.with(on: cluster, loading: ["everything.sql"]) { _, connection in
            let queried = try queriedKinds(on: connection)
            #expect(queried == CatalogReader.readers.map(\.subject))
        }
    }
}
