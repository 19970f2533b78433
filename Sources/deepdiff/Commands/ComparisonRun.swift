import Catalog
import CommandLineArguments
import Comparison
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Migrations
import Reports
import SchemaModel

/// The work every comparing command shares: resolve the two sides (arguments or the config file's
/// default pair), read them concurrently, compare, write the reports, and turn the result into
/// deepdiff's exit status.
struct ComparisonRun {
    let sides: SideContext
    let output: OutputOptions

    init(sources: SourceOptions, output: OutputOptions) {
        self.sides = SideContext(options: sources)
        self.output = output
    }

    /// Reads both sides, compares them, writes the reports and returns the exit status.
    /// `migrationsDirectory` (else the config file's `migrations_dir`) is set against each side's
    /// history. `restrict` narrows the comparison (the single-object commands, which take no
    /// migration files); it may throw to report an unknown name.
    func run(arguments: [String], migrationsDirectory: String? = nil,
             restrict: ((Snapshot, Snapshot) throws -> Set<ObjectIdentity>)? = nil) throws -> ExitStatus {
        let config = try sides.loadConfig()
        // Read before the databases, so a wrong folder fails at once.
        let migrations = try restrict == nil ? Self.migrationDirectory(migrationsDirectory ?? config?.migrationsDirectory) : nil
        let (sourceSide, targetSide) = try sides.resolvePair(arguments, config: config)
        var options = ComparisonOptions()
        options.showFormattingHunks = output.showFormatting
        options.ignoredObjects = config?.ignoredObjects ?? []
        // The comparison runs while the databases confirm their reads (see `loadBoth`).
        let (sourceSnapshot, targetSnapshot, comparison) = try sides.loader(config: config).loadBoth(sourceSide, targetSide) { source, target in
            var options = options
            if let restrict {
                options.onlyObjects = try restrict(source, target)
            }
            return Comparator.compare(source: source, target: target,
                                      sourceLabel: sourceSide.label, targetLabel: targetSide.label, options: options)
        }
        KeptUntilExit.keep((sourceSnapshot, targetSnapshot))
        var result = comparison
        if restrict == nil {
            // Migration histories speak of the whole database, not of one object.
            result = result.attachingMigrationHistories(source: sourceSnapshot, target: targetSnapshot)
        }
        if let migrations {
            result.migrationFiles = MigrationFilesReport(directory: migrations.path, files: migrations.history.entries,
                                                         skippedFiles: migrations.skippedFiles,
                                                         source: (sourceSide.label, sourceSnapshot.migrationHistories),
                                                         target: (targetSide.label, targetSnapshot.migrationHistories))
        }
        let strict = output.strict || (config?.strict ?? false)
        KeptUntilExit.keep(result)
        try writeReports(result, strict: strict)
        // The reports' overall verdict decides, so the exit status always agrees with what they say
        // (out-of-sync migration histories count as a finding).
        return OverallVerdict(result, options: ReportOptions(strict: strict)).exitStatus == 0 ? .same : .different
    }

    /// The migration files of `path`; nil without a path. A folder without any is an error: the
    /// path is most likely wrong, and an empty comparison would pass in silence.
    static func migrationDirectory(_ path: String?) throws -> MigrationDirectory? {
        guard let path else { return nil }
        let directory = try MigrationDirectory(path: path)
        guard !directory.files.isEmpty else {
            throw UsageError("\(path) holds no migration files named <version>_<name>.sql")
        }
        return directory
    }

    /// Writes the main report (stdout or --output) and the optional JUnit file.
    func writeReports(_ result: Comparison.ComparisonResult, strict: Bool) throws {
        let writesToTerminal = output.output == nil && isatty(STDOUT_FILENO) != 0
        let useColor = switch output.color {
        case .always: true
        case .never: false
        case .auto: writesToTerminal && (sides.environment["NO_COLOR"] ?? "").isEmpty
        }
        let options = ReportOptions(strict: strict, color: useColor, verbose: output.verbose)
        let rendered = switch output.format {
        case .text: TextReport.render(result, options: options)
        case .json: JSONReport.render(result, options: options)
        case .junit: JUnitReport.render(result, options: options)
        case .markdown: MarkdownReport.render(result, options: options)
        }
        try ReportDestination(path: output.output).write(rendered)
        if let junitPath = output.junit {
            try ReportDestination(path: junitPath).write(JUnitReport.render(result, options: options))
        }
    }
}

/// Standard output, or a file.
struct ReportDestination {
    let path: String?

    func write(_ text: String) throws {
        guard let path else {
            StandardStream.output.write(text)
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ReportWriteError(path: path, reason: FileErrorText.reason(for: error))
        }
    }
}

/// A report file could not be written.
struct ReportWriteError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "cannot write \(path): \(reason)" }
}
