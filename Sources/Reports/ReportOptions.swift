/// How a report is rendered; the CLI fills it from its flags and the terminal.
public struct ReportOptions: Sendable, Hashable {
    /// Whether `equivalent` objects (formatting-only differences) count as failures.
    public var strict: Bool
    /// Whether the text report uses ANSI colours. The CLI sets it only for a terminal without
    /// `NO_COLOR`; reports never decide that themselves.
    public var color: Bool
    /// Whether the text report lists identical objects too.
    public var verbose: Bool

    /// Creates options; the defaults are a plain, non-strict, summary-and-differences report.
    public init(strict: Bool = false, color: Bool = false, verbose: Bool = false) {
        self.strict = strict
        self.color = color
        self.verbose = verbose
    }
}
