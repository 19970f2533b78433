import CommandLineArguments

/// Options that choose the config file and what is read from each database.
struct SourceOptions {
    static let config = CommandOption.value("config", help: "The config file (default: $DEEPDIFF_CONFIG, or deepdiff.toml in this folder or a parent).")
    static let schemas = CommandOption.repeatedValue("schema", help: "Read only this schema (repeatable). Default: every non-system schema.")
    static let excludedSchemas = CommandOption.repeatedValue("exclude-schema", help: "Leave this schema out (repeatable).")
    static let preset = CommandOption.value("preset", help: "A named scope: 'supabase' leaves out the schemas Supabase manages (but keeps your triggers and policies on their tables).",
                                            choices: ["supabase"])
    static let connectTimeout = CommandOption.value("connect-timeout", help: "Seconds to wait for a connection.", default: "10")
    static let statementTimeout = CommandOption.value("statement-timeout", help: "Seconds any one catalog query may run; a query that runs longer is cancelled and deepdiff exits 2.",
                                                      default: "300")
    static let quiet = CommandOption.flag("quiet", help: "Do not show progress on standard error.")
    /// Every option of the group, in the order help lists them.
    static let options = [config, schemas, excludedSchemas, preset, connectTimeout, statementTimeout, quiet]

    let config: String?
    let schemas: [String]
    let excludedSchemas: [String]
    let preset: String?
    let connectTimeout: Int
    let statementTimeout: Int
    let quiet: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        config = arguments.value(Self.config)
        schemas = arguments.values(Self.schemas)
        excludedSchemas = arguments.values(Self.excludedSchemas)
        preset = arguments.value(Self.preset)
        connectTimeout = try arguments.integer(Self.connectTimeout)
        statementTimeout = try arguments.integer(Self.statementTimeout)
        quiet = arguments.isSet(Self.quiet)
        guard connectTimeout > 0, statementTimeout > 0 else {
            throw UsageError("timeouts must be positive numbers of seconds")
        }
    }
}
