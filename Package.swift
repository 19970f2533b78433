// swift-tools-version: 6.0
import PackageDescription

// Targets point one way: tokenizer and model at the bottom, the executable at the top.
// See ../shared/STYLE.md and README.md ("Layout").
let package = Package(
    name: "deepdiff",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "deepdiff", targets: ["deepdiff"]),
        .library(name: "SQLTokenizer", targets: ["SQLTokenizer"]),
    ],
    dependencies: [],
    targets: [
        // Bytes to tokens, PostgreSQL's lexical rules, and the normalizer. No dependencies.
        .target(name: "SQLTokenizer"),
        // The schema model and the snapshot file format: plain Codable values. No dependencies.
        .target(name: "SchemaModel"),
        // SHA-256 from the system's libcrypto (the OpenSSL that libpq already links).
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto",
                       providers: [.apt(["libssl-dev"])]),
        // Fingerprints of SQL definitions: normalized token stream, hashed.
        .target(name: "SQLFingerprint", dependencies: ["SQLTokenizer", "SchemaModel", "CLibCrypto"]),
        // glibc's mallopt, to tune the allocator before the reading threads start.
        .systemLibrary(name: "CMalloc"),
        // libpq, Debian's libpq-dev.
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        // Connections, parameterized queries in a read-only transaction, typed errors.
        .target(name: "PostgresClient", dependencies: ["CLibPQ"]),
        // One reader per object kind; fills the model.
        .target(name: "Catalog", dependencies: ["PostgresClient", "SchemaModel", "SQLFingerprint"]),
        // Matching, verdicts, attribute differences, diffs. No I/O.
        .target(name: "Comparison", dependencies: ["SchemaModel", "SQLTokenizer", "SQLFingerprint"]),
        // Migration-history tables of each framework, migration files, shadow verification.
        .target(name: "Migrations", dependencies: ["Catalog", "Comparison", "PostgresClient", "SchemaModel", "SQLFingerprint", "SQLTokenizer"]),
        // A command line read against declared commands and options, and their help. No dependencies.
        .target(name: "CommandLineArguments"),
        // Text, JSON, JUnit XML, Markdown: functions of a comparison result.
        .target(name: "Reports", dependencies: ["Comparison", "SchemaModel"]),
        .executableTarget(
            name: "deepdiff",
            dependencies: [
                "SQLTokenizer", "SQLFingerprint", "SchemaModel", "PostgresClient", "Catalog",
                "Comparison", "Migrations", "Reports", "CMalloc", "CommandLineArguments",
            ]
        ),
        // Release-mode throughput benchmark of the tokenizer and normalizer (scripts/bench-tokenizer).
        // Reproducible random numbers (SplitMix64), for the benchmark's corpus and the property tests.
        .target(name: "SeededRandom"),
        .executableTarget(name: "tokenizer-bench", dependencies: ["SQLTokenizer", "SQLFingerprint", "SeededRandom"]),
        // Prints deepdiff's catalog statements as a psql script: the floor of scripts/bench-compare.
        .executableTarget(name: "catalog-floor", dependencies: ["Catalog", "PostgresClient"]),
        // Golden-file comparison and re-recording, shared by the test targets.
        .target(name: "GoldenFiles", path: "Tests/GoldenFiles"),
        .testTarget(name: "SQLTokenizerTests", dependencies: ["SQLTokenizer", "SQLFingerprint", "GoldenFiles", "SeededRandom"]),
        .testTarget(name: "PostgresClientTests", dependencies: ["PostgresClient"]),
        .testTarget(name: "CatalogTests", dependencies: ["Catalog", "PostgresClient", "SchemaModel", "GoldenFiles"]),
        .testTarget(name: "ComparisonTests", dependencies: ["Comparison", "SchemaModel", "SQLFingerprint", "GoldenFiles"]),
        .testTarget(name: "MigrationsTests", dependencies: ["Migrations", "Comparison", "SchemaModel", "PostgresClient", "Catalog", "GoldenFiles"]),
        .testTarget(name: "CommandLineArgumentsTests", dependencies: ["CommandLineArguments"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Comparison", "SchemaModel", "GoldenFiles"]),
        .testTarget(name: "EndToEndTests", dependencies: ["deepdiff", "GoldenFiles"]),
        // Hostile databases, never-a-false-identical mutations, read-only and secrets proofs.
        .testTarget(name: "HardeningTests", dependencies: ["deepdiff", "GoldenFiles", "SQLTokenizer", "SQLFingerprint", "SchemaModel"]),
    ],
    swiftLanguageModes: [.v6]
)
