import ArgumentParser

/// Options that choose the config file and what is read from each database.
struct SourceOptions: ParsableArguments {
    @Option(name: .long, help: "The config file (default: $DEEPDIFF_CONFIG, or deepdiff.toml in this folder or a parent).")
    var config: String?

    @Option(name: .customLong("schema"), help: "Read only this schema (repeatable). Default: every non-system schema.")
    var schemas: [String] = []

    @Option(name: .customLong("exclude-schema"), help: "Leave this schema out (repeatable).")
    var excludedSchemas: [String] = []

    @Option(name: .long, help: "A named scope: 'supabase' leaves out the schemas Supabase manages (but keeps your triggers and policies on their tables).")
    var preset: String?

    @Option(name: .long, help: "Seconds to wait for a connection.")
    var connectTimeout: Int = 10

    @Option(name: .long, help: "Seconds any one catalog query may run; a query that runs longer is cancelled and deepdiff exits 2.")
    var statementTimeout: Int = 300

    @Flag(name: .long, help: "Do not show progress on standard error.")
    var quiet = false

    func validate() throws {
        if let preset, preset != "supabase" {
            throw ValidationError("unknown preset '\(preset)' (known: supabase)")
        }
        guard connectTimeout > 0, statementTimeout > 0 else {
            throw ValidationError("timeouts must be positive numbers of seconds")
        }
    }
}
