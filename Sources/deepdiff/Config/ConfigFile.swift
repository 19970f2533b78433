import Comparison
import FoundationEssentials

/// `deepdiff.toml`: named environments (a URL, a service name or a snapshot file each), the default
/// pair, the schemas in scope and the objects to ignore.
///
/// ```toml
/// [defaults]
/// source = "production"
/// target = "staging"
/// preset = "supabase"            # leave out the schemas Supabase manages
/// schemas = ["public"]           # or exclude_schemas = [...]
/// ignore = ["table public.agent_calls_test", "function public.debug_*"]
/// migrations_dir = "supabase/migrations"   # compare and audit set these files against each history
///
/// [environments.production]
/// url = "postgresql://postgres@db.example.supabase.co:5432/postgres"
/// password_env = "PRODUCTION_DB_PASSWORD"   # or PGPASSWORD / ~/.pgpass; never in this file
///
/// [environments.staging]
/// service = "staging"            # from pg_service.conf
/// ```
/// `DEEPDIFF_SOURCE` and `DEEPDIFF_TARGET` override the default pair; `DEEPDIFF_ENV_<NAME>_URL`
/// overrides an environment's `url` (NAME upper-cased, other characters as `_`).
struct ConfigFile: Sendable {
    /// Where an environment's schema comes from.
    enum EnvironmentSource: Sendable, Equatable {
        case connection(String)
        case snapshot(String)
    }

    /// One named environment.
    struct Environment: Sendable, Equatable {
        let name: String
        let source: EnvironmentSource
        /// The variable holding its password, if the file names one.
        let passwordVariable: String?
    }

    /// The file it was read from.
    let path: String
    /// Environments by name.
    let environments: [String: Environment]
    /// The `[defaults]` pair, after environment-variable overrides.
    let defaultSource: String?
    let defaultTarget: String?
    /// Scope and comparison settings from `[defaults]`.
    let preset: String?
    let schemas: [String]
    let excludedSchemas: [String]
    let ignoredObjects: [ObjectPattern]
    let strict: Bool
    /// `migrations_dir`, relative to the config file's folder unless absolute.
    let migrationsDirectory: String?

    /// The file name looked for in the working directory and its parents.
    static let fileName = "deepdiff.toml"

    /// Finds the config file: `explicitPath`, else `$DEEPDIFF_CONFIG`, else `deepdiff.toml` in the
    /// working directory or the nearest parent holding one. Nil when there is none.
    static func locate(explicitPath: String?, environment: [String: String]) -> String? {
        if let explicitPath { return explicitPath }
        if let fromEnvironment = environment["DEEPDIFF_CONFIG"], !fromEnvironment.isEmpty { return fromEnvironment }
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        while true {
            let candidate = directory.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }

    /// Reads and checks the file at `path`; `environment` supplies the overrides.
    static func load(path: String, environment: [String: String]) throws(ConfigError) -> ConfigFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, line: nil, key: nil, message: "cannot read the config file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: nil, key: nil, message: "the config file is not valid UTF-8")
        }
        let document: TOMLDocument
        do {
            document = try TOMLDocument(parsing: text)
        } catch {
            throw ConfigError(file: path, line: error.line, key: nil, message: error.message)
        }
        return try ConfigFile(path: path, document: document, environment: environment)
    }

    private init(path: String, document: TOMLDocument, environment: [String: String]) throws(ConfigError) {
        self.path = path
        func fail(_ entry: TOMLDocument.Entry, _ message: String) -> ConfigError {
            ConfigError(file: path, line: entry.line, key: entry.path, message: message)
        }
        func string(_ entry: TOMLDocument.Entry) throws(ConfigError) -> String {
            guard case .string(let value) = entry.value else { throw fail(entry, "expected a string") }
            return value
        }
        func strings(_ entry: TOMLDocument.Entry) throws(ConfigError) -> [String] {
            guard case .array(let values) = entry.value else { throw fail(entry, "expected an array of strings") }
            var result: [String] = []
            for value in values {
                guard case .string(let text) = value else { throw fail(entry, "expected an array of strings") }
                result.append(text)
            }
            return result
        }

        var source: String?, target: String?, preset: String?
        var schemas: [String] = [], excluded: [String] = [], ignored: [ObjectPattern] = []
        var strict = false
        var migrationsDirectory: String?
        var environmentFields: [String: [String: TOMLDocument.Entry]] = [:]

        for entry in document.entries {
            switch entry.table {
            case ["defaults"]:
                switch entry.key {
                case "source": source = try string(entry)
                case "target": target = try string(entry)
                case "preset":
                    preset = try string(entry)
                    guard preset == "supabase" else { throw fail(entry, "unknown preset '\(preset ?? "")' (known: supabase)") }
                case "schemas": schemas = try strings(entry)
                case "exclude_schemas": excluded = try strings(entry)
                case "ignore":
                    for text in try strings(entry) {
                        guard let pattern = ObjectPattern(text) else {
                            throw fail(entry, "'\(text)' is not an object pattern ([KIND] NAME, with * and ? as wildcards)")
                        }
                        ignored.append(pattern)
                    }
                case "strict":
                    guard case .boolean(let value) = entry.value else { throw fail(entry, "expected true or false") }
                    strict = value
                case "migrations_dir": migrationsDirectory = Self.relativeToFile(try string(entry), path: path)
                default:
                    throw fail(entry, "unknown key (known: source, target, preset, schemas, exclude_schemas, ignore, strict, migrations_dir)")
                }
            case let table where table.count == 2 && table[0] == "environments":
                guard ["url", "service", "snapshot", "password_env"].contains(entry.key) else {
                    throw fail(entry, "unknown key (known: url, service, snapshot, password_env)")
                }
                environmentFields[table[1], default: [:]][entry.key] = entry
            default:
                throw fail(entry, "unknown setting (expected [defaults] or [environments.NAME])")
            }
        }

        var environments: [String: Environment] = [:]
        for (name, fields) in environmentFields {
            let sources = ["url", "service", "snapshot"].compactMap { fields[$0] }
            guard sources.count == 1, let sourceEntry = sources.first else {
                throw ConfigError(file: path, line: fields.values.map(\.line).min(), key: "environments.\(name)",
                                  message: "give exactly one of url, service or snapshot")
            }
            let value = try string(sourceEntry)
            let overrideName = "DEEPDIFF_ENV_\(Self.variableSuffix(for: name))_URL"
            let environmentSource: EnvironmentSource
            if let override = environment[overrideName], !override.isEmpty {
                environmentSource = .connection(override)
            } else {
                switch sourceEntry.key {
                case "snapshot":
                    environmentSource = .snapshot(Self.relativeToFile(value, path: path))
                case "service":
                    environmentSource = .connection("service=\(value)")
                default:
                    if ConnectionTarget.containsPassword(value) {
                        throw fail(sourceEntry, "the URL holds a password; never write one in this file: use password_env, PGPASSWORD or ~/.pgpass")
                    }
                    environmentSource = .connection(value)
                }
            }
            let passwordVariable = try fields["password_env"].map { entry throws(ConfigError) in try string(entry) }
            environments[name] = Environment(name: name, source: environmentSource, passwordVariable: passwordVariable)
        }

        self.environments = environments
        self.defaultSource = environment["DEEPDIFF_SOURCE"].flatMap { $0.isEmpty ? nil : $0 } ?? source
        self.defaultTarget = environment["DEEPDIFF_TARGET"].flatMap { $0.isEmpty ? nil : $0 } ?? target
        self.preset = preset
        self.schemas = schemas
        self.excludedSchemas = excluded
        self.ignoredObjects = ignored
        self.strict = strict
        self.migrationsDirectory = migrationsDirectory
    }

    /// `value`, a path written in the file at `path`, as the file means it: relative to the file's folder.
    static func relativeToFile(_ value: String, path: String) -> String {
        value.hasPrefix("/") ? value : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(value).path
    }

    /// `production-eu` → `PRODUCTION_EU`.
    static func variableSuffix(for name: String) -> String {
        String(name.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}

/// A problem in the config file, naming the file, line and key.
struct ConfigError: Error, CustomStringConvertible, Equatable {
    let file: String
    let line: Int?
    let key: String?
    let message: String

    var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let key { return "\(location): \(key): \(message)" }
        return "\(location): \(message)"
    }
}
