import Catalog
import Comparison
import FoundationEssentials
import PostgresClient
import SchemaModel

/// `deepdiff verify-migrations`: applies migration files in order to a scratch database, then proves,
/// migration by migration, whether their effects are present exactly in a real database.
///
/// Each shadow object is attributed to the last migration that created, changed or dropped it (by
/// reading the scratch database's catalog after each file); the scratch database's final state is
/// then compared with the real one, restricted to those objects.
public struct ShadowVerification: Sendable {
    /// The migrations to apply.
    public var directory: MigrationDirectory
    /// SQL files run before the migrations (roles, schemas and functions the platform provides).
    public var setupFiles: [String]
    /// The `--shadow` connection string, or nil for a throwaway local cluster.
    public var shadowURL: String?
    /// The schemas read from both databases.
    public var scope: SchemaScope
    /// How long any one catalog query may run.
    public var statementTimeoutMilliseconds: Int
    /// How long to wait for a connection to the `--shadow` server.
    public var connectTimeoutSeconds: Int

    /// Creates a verification.
    public init(directory: MigrationDirectory, setupFiles: [String] = [], shadowURL: String? = nil, scope: SchemaScope = .all,
                statementTimeoutMilliseconds: Int = 300_000, connectTimeoutSeconds: Int = 10) {
        self.directory = directory
        self.setupFiles = setupFiles
        self.shadowURL = shadowURL
        self.scope = scope
        self.statementTimeoutMilliseconds = statementTimeoutMilliseconds
        self.connectTimeoutSeconds = connectTimeoutSeconds
    }

    /// Applies the migrations to a scratch database and compares the result with `database`; the
    /// scratch database is removed afterwards, whatever happens.
    public func verify(against database: PostgresConnection, label: String) throws(MigrationError) -> MigrationVerification {
        let real = try read(database)
        let shadow = try ShadowDatabase.open(url: shadowURL, preferredMajor: database.serverVersionNumber / 10_000,
                                              connectTimeoutSeconds: connectTimeoutSeconds)
        defer { shadow.remove() }
        for path in setupFiles {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw MigrationError(.unreadable(path: path, reason: "the setup file cannot be read"))
            }
            if let failure = Self.apply(text, on: shadow.connection) {
                throw MigrationError(.setupFailed(file: path, statement: failure.statement.text, failure.error))
            }
        }
        var snapshots = [try read(shadow.connection)]
        var failure: MigrationApplyFailure?
        for file in directory.files {
            if let failed = Self.apply(file.text, on: shadow.connection) {
                failure = MigrationApplyFailure(file: file.path, migration: file.record, statement: failed.statement.text,
                                                line: failed.statement.line, error: failed.error.description)
                break
            }
            snapshots.append(try read(shadow.connection))
        }
        return MigrationVerification(directory: directory, snapshots: snapshots, real: real, realLabel: label, failure: failure)
    }

    /// Runs one file's statements in one transaction; on failure rolls back and returns the statement
    /// that failed with its error.
    static func apply(_ text: String, on connection: PostgresConnection) -> (statement: SQLStatement, error: PostgresError)? {
        let statements = SQLStatement.split(text)
        do {
            _ = try connection.query("BEGIN")
        } catch {
            return (SQLStatement(text: "BEGIN", line: 1), error)
        }
        for statement in statements {
            do {
                _ = try connection.query(statement.text)
            } catch {
                _ = try? connection.query("ROLLBACK")
                return (statement, error)
            }
        }
        do {
            _ = try connection.query("COMMIT")
        } catch {
            return (SQLStatement(text: "COMMIT", line: statements.last?.line ?? 1), error)
        }
        return nil
    }

    private func read(_ connection: PostgresConnection) throws(MigrationError) -> Snapshot {
        do {
            return try CatalogReader(scope: scope, statementTimeoutMilliseconds: statementTimeoutMilliseconds).read(from: connection)
        } catch {
            throw MigrationError(.catalog(error))
        }
    }
}

/// A migration file that failed to apply to the scratch database.
public struct MigrationApplyFailure: Hashable, Sendable {
    /// The file's path.
    public var file: String
    /// The migration the file holds.
    public var migration: MigrationRecord
    /// The statement that failed, as written.
    public var statement: String
    /// The 1-based line of the file on which that statement starts.
    public var line: Int
    /// The server's error, one line.
    public var error: String
}

/// The outcome for one migration file: the objects whose final state it decided, each with its
/// verdict against the real database.
public struct MigrationEffects: Hashable, Sendable {
    /// The migration.
    public var migration: MigrationRecord
    /// Its file's path.
    public var file: String
    /// The objects it created, changed or dropped last (and, for its tables and views, their parts
    /// the real database has in addition), compared with the real database.
    public var objects: [ObjectComparison]

    /// Whether every effect of the migration is in the real database exactly (formatting aside).
    public var isPresentExactly: Bool { objects.allSatisfy { !$0.verdict.isDifference() } }
    /// The comparisons that are not present exactly.
    public var differences: [ObjectComparison] { objects.filter { $0.verdict.isDifference() } }
}

/// Everything `verify-migrations` found.
public struct MigrationVerification: Sendable {
    /// One entry per migration applied, in order.
    public var migrations: [MigrationEffects]
    /// The migration that failed to apply, if one did; the ones after it were not applied.
    public var failure: MigrationApplyFailure?
    /// Migrations not applied because an earlier one failed.
    public var notApplied: [MigrationRecord]
    /// Differences in parts of migrated tables and views that no migration touched (e.g. a column
    /// added by hand in the real database to a table a migration created).
    public var unattributed: [ObjectComparison]
    /// The comparison of the scratch database (source) with the real one (target), restricted to
    /// the objects the migrations created, changed or dropped.
    public var comparison: Comparison.ComparisonResult

    /// Whether every migration applied and all their effects are present exactly.
    public var allPresentExactly: Bool {
        failure == nil && migrations.allSatisfy(\.isPresentExactly) && unattributed.allSatisfy { !$0.verdict.isDifference() }
    }

    /// Attributes each object to the last migration that changed it, from the scratch database's
    /// snapshots (after setup, then after each migration), and compares with the real database.
    init(directory: MigrationDirectory, snapshots: [Snapshot], real: Snapshot, realLabel: String, failure: MigrationApplyFailure?) {
        var lastTouch: [ObjectIdentity: Int] = [:]
        for index in snapshots.indices.dropFirst() {
            let step = Comparator.compare(source: snapshots[index - 1], target: snapshots[index], sourceLabel: "before", targetLabel: "after")
            for object in step.objects where object.verdict != .identical { lastTouch[object.identity] = index - 1 }
        }
        let shadow = snapshots.last ?? real
        var options = ComparisonOptions()
        options.onlyObjects = Set(lastTouch.keys)
        comparison = Comparator.compare(source: shadow, target: real, sourceLabel: "migrations", targetLabel: realLabel, options: options)

        let relationKinds: Set<ObjectKind> = [.table, .view, .materializedView]
        var relationTouch: [String: Int] = [:]
        for (identity, index) in lastTouch where relationKinds.contains(identity.kind) {
            relationTouch["\(identity.schema ?? "")\u{0}\(identity.name)"] = index
        }
        // A table or view on one side only stands for its columns, constraints and the rest.
        var oneSidedRelations: [String: Verdict] = [:]
        for object in comparison.objects
        where relationKinds.contains(object.identity.kind) && object.verdict.isOneSided {
            oneSidedRelations["\(object.identity.schema ?? "")\u{0}\(object.identity.name)"] = object.verdict
        }
        var byMigration = [[ObjectComparison]](repeating: [], count: snapshots.count - 1)
        var unattributed: [ObjectComparison] = []
        for object in comparison.objects {
            let identity = object.identity
            if let relation = identity.relation, oneSidedRelations["\(identity.schema ?? "")\u{0}\(relation)"] == object.verdict { continue }
            let owner = identity.relation.flatMap { relationTouch["\(identity.schema ?? "")\u{0}\($0)"] }
            if let index = lastTouch[identity] ?? owner { byMigration[index].append(object) } else { unattributed.append(object) }
        }
        let applied = directory.files.prefix(snapshots.count - 1)
        migrations = zip(applied, byMigration).map { MigrationEffects(migration: $0.record, file: $0.path, objects: $1) }
        notApplied = directory.files.dropFirst(applied.count + (failure == nil ? 0 : 1)).map(\.record)
        self.failure = failure
        self.unattributed = unattributed
    }
}
