import Catalog
import FoundationEssentials
import PostgresClient

/// The scratch database migrations are applied to: a database deepdiff creates (in a throwaway
/// cluster of its own, or on the `--shadow` server) and drops afterwards, or an empty `--shadow`
/// database used as it is when no database may be created there.
struct ShadowDatabase {
    /// The open connection to the scratch database.
    let connection: PostgresConnection
    /// What to undo when done.
    private let cleanup: Cleanup

    private enum Cleanup {
        case removeCluster(ScratchCluster)
        case dropDatabase(server: PostgresConnection, name: String)
        case none
    }

    /// A scratch database: on the server of `url` when given, else in a throwaway local cluster.
    static func open(url: String?, preferredMajor: Int?, connectTimeoutSeconds: Int) throws(MigrationError) -> ShadowDatabase {
        guard let url else {
            let cluster = try ScratchCluster.start(preferredMajor: preferredMajor)
            do {
                return ShadowDatabase(connection: try PostgresConnection(cluster.connectionString), cleanup: .removeCluster(cluster))
            } catch {
                cluster.remove()
                throw MigrationError(.shadowUnavailable("cannot connect to the scratch cluster: \(error)"))
            }
        }
        let server: PostgresConnection
        do {
            server = try PostgresConnection(url, connectTimeoutSeconds: connectTimeoutSeconds)
        } catch {
            throw MigrationError(.shadowUnavailable("cannot connect to the shadow database: \(error)"))
        }
        let name = "deepdiff_shadow_" + UUID().uuidString.lowercased().replacing("-", with: "")
        do {
            _ = try server.query("CREATE DATABASE \(name) TEMPLATE template0 ENCODING 'UTF8'")
        } catch let error where error.kind == .permissionDenied {
            // No right to create databases: the given database itself will do if nothing is in it.
            let objects = try userObjectCount(server)
            guard objects == 0 else { throw MigrationError(.shadowNotEmpty(database: server.displayTarget, objects: objects)) }
            return ShadowDatabase(connection: server, cleanup: .none)
        } catch {
            throw MigrationError(.shadowUnavailable("cannot create a scratch database on \(server.displayTarget): \(error)"))
        }
        do {
            let connection = try PostgresConnection(replacingDatabase(in: url, with: name), connectTimeoutSeconds: connectTimeoutSeconds)
            return ShadowDatabase(connection: connection, cleanup: .dropDatabase(server: server, name: name))
        } catch {
            _ = try? server.query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            throw MigrationError(.shadowUnavailable("cannot connect to the scratch database \(name): \(error)"))
        }
    }

    /// Drops what deepdiff created: the scratch database or the whole throwaway cluster.
    func remove() {
        switch cleanup {
        case .removeCluster(let cluster): cluster.remove()
        case .dropDatabase(let server, let name): _ = try? server.query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        case .none: break
        }
    }

    /// The connection string of database `name` on the server of `connectionString`: a URI's path is
    /// replaced; a keyword string gets a `dbname` at its end, which libpq lets win.
    static func replacingDatabase(in connectionString: String, with name: String) -> String {
        let lower = connectionString.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://"), var components = URLComponents(string: connectionString) {
            components.path = "/\(name)"
            if let uri = components.string { return uri }
        }
        return "\(connectionString) dbname=\(name)"
    }

    /// How many objects users made in the database: relations, routines and types outside the system
    /// schemas, and schemas other than `public`.
    private static func userObjectCount(_ connection: PostgresConnection) throws(MigrationError) -> Int {
        let query = """
            SELECT (SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_to%')
                 + (SELECT count(*) FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema'))
                 + (SELECT count(*) FROM pg_catalog.pg_namespace
                    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'public') AND nspname NOT LIKE 'pg\\_t%') AS objects
            """
        do {
            return try connection.query(query).first?.int("objects") ?? 0
        } catch {
            throw MigrationError(.database(subject: "the shadow database's contents", error))
        }
    }
}
