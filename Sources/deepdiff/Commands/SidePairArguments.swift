import ArgumentParser

/// The SOURCE and TARGET arguments of the comparing commands: both, or neither for the config
/// file's default pair.
struct SidePairArguments: ParsableArguments {
    @Argument(help: "SOURCE and TARGET: connection strings, snapshot files or environments of deepdiff.toml (or neither, for the config file's default pair).")
    var sides: [String] = []

    func validate() throws {
        guard sides.count == 0 || sides.count == 2 else {
            throw ValidationError("give both SOURCE and TARGET, or neither to use the config file's default pair")
        }
    }
}
