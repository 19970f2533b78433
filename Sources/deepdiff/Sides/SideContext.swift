import Catalog
import CommandLineArguments
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The source options and the process environment, turned into what a command needs to read sides:
/// the config file, the resolved sides, the schema scope and a loader.
struct SideContext {
    let options: SourceOptions
    let environment: [String: String]

    init(options: SourceOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.options = options
        self.environment = environment
    }

    /// The config file, when there is one.
    func loadConfig() throws -> ConfigFile? {
        guard let path = ConfigFile.locate(explicitPath: options.config, environment: environment) else { return nil }
        return try ConfigFile.load(path: path, environment: environment)
    }

    /// One side named on the command line.
    func resolve(_ argument: String, config: ConfigFile?) throws -> SideSpecifier {
        try SideSpecifier.resolve(argument, config: config, environment: environment)
    }

    /// The two sides: both given, or neither (the config file's default pair).
    func resolvePair(_ arguments: [String], config: ConfigFile?) throws -> (SideSpecifier, SideSpecifier) {
        let names: (String, String)
        switch arguments.count {
        case 2:
            names = (arguments[0], arguments[1])
        case 0:
            guard let config else {
                throw UsageError("give SOURCE and TARGET, or write a deepdiff.toml with a [defaults] source and target")
            }
            guard let source = config.defaultSource, let target = config.defaultTarget else {
                throw UsageError("\(config.path) has no default pair: set source and target under [defaults], or give SOURCE and TARGET")
            }
            names = (source, target)
        default:
            throw UsageError(SidePairArguments.oneSideGiven)
        }
        return (try resolve(names.0, config: config), try resolve(names.1, config: config))
    }

    /// The schema scope from the flags, else from the config file.
    func scope(config: ConfigFile?) -> SchemaScope {
        let included = options.schemas.isEmpty ? (config?.schemas ?? []) : options.schemas
        let excluded = options.excludedSchemas + (config?.excludedSchemas ?? [])
        let presetName = options.preset ?? config?.preset
        return SchemaScope(includedSchemas: included, excludedSchemas: excluded,
                           preset: presetName == "supabase" ? .supabase : nil)
    }

    /// The reader of sides for these options.
    func loader(config: ConfigFile?) -> SnapshotLoader {
        SnapshotLoader(
            scope: scope(config: config),
            connectTimeoutSeconds: options.connectTimeout,
            statementTimeoutMilliseconds: options.statementTimeout * 1000,
            progress: options.quiet || isatty(STDERR_FILENO) == 0 ? nil : ProgressReporter()
        )
    }
}
