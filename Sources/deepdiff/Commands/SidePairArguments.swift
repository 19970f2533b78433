import CommandLineArguments

/// The SOURCE and TARGET arguments of the comparing commands: both, or neither for the config
/// file's default pair.
struct SidePairArguments {
    static let sides = PositionalArgument.any("sides", help: "SOURCE and TARGET: connection strings, snapshot files or environments of deepdiff.toml (or neither, for the config file's default pair).")

    /// What is said when one side is given without the other.
    static let oneSideGiven = "give both SOURCE and TARGET, or neither to use the config file's default pair"

    let sides: [String]

    init(_ arguments: ParsedArguments) throws(UsageError) {
        sides = arguments.values(Self.sides)
        guard sides.count == 0 || sides.count == 2 else { throw UsageError(Self.oneSideGiven) }
    }
}
