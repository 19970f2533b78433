/// A command line read against a `CommandInterface`: each option's and positional argument's
/// values, with typed accessors that fall back on an option's declared default.
public struct ParsedArguments: Sendable {
    /// The values given to each option, by long name; a flag that was given holds one value.
    let optionValues: [String: [String]]
    /// The values of each positional argument, by name.
    let positionalValues: [String: [String]]

    /// Whether `flag` was given.
    public func isSet(_ flag: CommandOption) -> Bool {
        optionValues[flag.name] != nil
    }

    /// The option's value (the last one given), else its default, else nil.
    public func value(_ option: CommandOption) -> String? {
        optionValues[option.name]?.last ?? option.defaultValue
    }

    /// The option's value; a usage error when it has none.
    public func requiredValue(_ option: CommandOption) throws(UsageError) -> String {
        guard let value = value(option) else { throw UsageError("missing \(option.spelling) <\(option.valueName)>") }
        return value
    }

    /// Every value given to the option, in order.
    public func values(_ option: CommandOption) -> [String] {
        optionValues[option.name] ?? []
    }

    /// The option's value as a whole number.
    public func integer(_ option: CommandOption) throws(UsageError) -> Int {
        let text = try requiredValue(option)
        guard let number = Int(text) else { throw UsageError("\(option.spelling) takes a whole number, not '\(text)'") }
        return number
    }

    /// The option's value as one of `Choice`'s cases.
    public func choice<Choice: RawRepresentable>(_ option: CommandOption, as _: Choice.Type) throws(UsageError) -> Choice
    where Choice.RawValue == String {
        let text = try requiredValue(option)
        guard let choice = Choice(rawValue: text) else { throw UsageError("\(option.spelling) does not take '\(text)'") }
        return choice
    }

    /// The value of a positional argument that takes one; the parser has made sure it was given.
    public func value(_ argument: PositionalArgument) -> String {
        positionalValues[argument.name]?.first ?? ""
    }

    /// The values of a positional argument, in order.
    public func values(_ argument: PositionalArgument) -> [String] {
        positionalValues[argument.name] ?? []
    }
}
