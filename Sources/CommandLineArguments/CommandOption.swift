/// One named option of a command: a flag, or an option that takes a value, once or repeatedly.
///
/// The option's declaration carries everything said about it: its names, its help, its default
/// (which the typed accessors of `ParsedArguments` read, and help shows) and the values it accepts.
public struct CommandOption: Sendable, Hashable {
    /// What follows the option's name on the command line.
    public enum Form: Sendable, Hashable {
        /// Nothing: the option is on or off.
        case flag
        /// One value; given again, the last one counts.
        case value
        /// One value each time; every one counts, in order.
        case repeatedValue
    }

    /// The long name, without its dashes: `format` for `--format`.
    public let name: String
    /// The one-letter name, without its dash, if any: `o` for `-o`.
    public let shortName: String?
    public let form: Form
    /// The placeholder of the value in help: `<format>`.
    public let valueName: String
    /// One or two sentences for help.
    public let help: String
    /// The value when the option is not given, as it would be typed; shown in help.
    public let defaultValue: String?
    /// The only values accepted, in the order help lists them; empty when any value is.
    public let choices: [String]
    /// Whether the command cannot run without it.
    public let isRequired: Bool

    /// An option that is on when given: `--quiet`.
    public static func flag(_ name: String, short: String? = nil, help: String) -> CommandOption {
        CommandOption(name: name, shortName: short, form: .flag, valueName: name, help: help,
                      defaultValue: nil, choices: [], isRequired: false)
    }

    /// An option with one value: `--format json`, `--format=json`, `-o FILE`.
    public static func value(_ name: String, short: String? = nil, valueName: String? = nil, help: String,
                             default defaultValue: String? = nil, choices: [String] = [],
                             required: Bool = false) -> CommandOption {
        CommandOption(name: name, shortName: short, form: .value, valueName: valueName ?? name, help: help,
                      defaultValue: defaultValue, choices: choices, isRequired: required)
    }

    /// An option that may be given many times, each with a value: `--schema a --schema b`.
    public static func repeatedValue(_ name: String, valueName: String? = nil, help: String) -> CommandOption {
        CommandOption(name: name, shortName: nil, form: .repeatedValue, valueName: valueName ?? name, help: help,
                      defaultValue: nil, choices: [], isRequired: false)
    }

    /// How the option is written in messages: `--format`.
    public var spelling: String { "--\(name)" }
}

/// A positional argument of a command, matched by position among the arguments that are not options.
public struct PositionalArgument: Sendable, Hashable {
    /// How many values it takes.
    public enum Count: Sendable, Hashable {
        /// Exactly one.
        case one
        /// Any number, from none up: only the last positional argument may take this.
        case any
    }

    /// The placeholder in help and usage: `<database>`.
    public let name: String
    public let count: Count
    /// One or two sentences for help.
    public let help: String

    /// An argument that must be given once.
    public static func one(_ name: String, help: String) -> PositionalArgument {
        PositionalArgument(name: name, count: .one, help: help)
    }

    /// An argument that takes every remaining positional value, none included.
    public static func any(_ name: String, help: String) -> PositionalArgument {
        PositionalArgument(name: name, count: .any, help: help)
    }
}
