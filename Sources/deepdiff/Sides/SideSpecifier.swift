import FoundationEssentials
import PostgresClient

/// One side of a comparison as the user named it, resolved: a live database or a snapshot file.
struct SideSpecifier: Sendable, Equatable {
    /// Where the schema is read from.
    enum Origin: Sendable, Equatable {
        /// A libpq connection string (URI, keyword/value, `service=...`, or "" for PG* variables),
        /// with a password to add when the config file names a variable for it.
        case database(connectionString: String, password: String?)
        /// A snapshot file written by `deepdiff snapshot`.
        case snapshotFile(path: String)
    }

    /// The name reports show: the environment's name, the snapshot file's name, or the masked
    /// connection target. Never carries a password.
    let label: String
    /// Where the schema comes from.
    let origin: Origin

    /// Resolves `argument`: an environment of the config file, an existing snapshot file, or a
    /// connection string, in that order.
    static func resolve(_ argument: String, config: ConfigFile?, environment: [String: String]) throws(SideResolutionError) -> SideSpecifier {
        if let named = config?.environments[argument] {
            return try resolve(named, environment: environment)
        }
        if FileManager.default.fileExists(atPath: argument) {
            return SideSpecifier(label: URL(fileURLWithPath: argument).lastPathComponent, origin: .snapshotFile(path: argument))
        }
        if ConnectionTarget.looksLikeConnectionString(argument) {
            return SideSpecifier(label: ConnectionTarget.label(for: argument), origin: .database(connectionString: argument, password: nil))
        }
        if argument.hasSuffix(".json") {
            throw SideResolutionError("snapshot file \(argument) does not exist")
        }
        let known = config?.environments.keys.sorted() ?? []
        let where_ = config.map { " in \($0.path)" } ?? " (no deepdiff.toml found)"
        let knownText = known.isEmpty ? "" : " (known: \(known.joined(separator: ", ")))"
        throw SideResolutionError("'\(argument)' is not an environment\(where_)\(knownText), a snapshot file or a connection string")
    }

    private static func resolve(_ named: ConfigFile.Environment, environment: [String: String]) throws(SideResolutionError) -> SideSpecifier {
        switch named.source {
        case .snapshot(let path):
            return SideSpecifier(label: named.name, origin: .snapshotFile(path: path))
        case .connection(let connectionString):
            var password: String?
            if let variable = named.passwordVariable {
                guard let value = environment[variable], !value.isEmpty else {
                    throw SideResolutionError("environment '\(named.name)' takes its password from $\(variable), which is not set")
                }
                password = value
            }
            return SideSpecifier(label: named.name, origin: .database(connectionString: connectionString, password: password))
        }
    }
}

/// A side argument that names nothing deepdiff can read.
struct SideResolutionError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
