import Comparison

/// The verdict on the schemas of a whole comparison: identical, equivalent (nothing fails the
/// gate) or different. `OverallVerdict` adds the migration histories to it.
public enum SchemaVerdict: Hashable, Sendable {
    /// Every object is identical.
    case identical(objects: Int)
    /// Nothing fails the gate, but some objects differ in formatting or only in how two PostgreSQL
    /// versions print them.
    case equivalent(formattingOnly: Int, printedDifferently: Int)
    /// `count` objects fail the gate (with `strict`, formatting-only differences included), not
    /// counting the columns, constraints, indexes... of tables, views and materialized views present
    /// on one side only, which `children` describes (e.g. `51 columns and indexes of tables present
    /// on one side only`; nil when there are none).
    case different(count: Int, children: String?)

    /// The verdict on `result`'s objects under `strict`, with the one-sided relations already found.
    init(_ result: ComparisonResult, strict: Bool, oneSided: OneSidedRelations) {
        var failing = 0, formattingOnly = 0, printedDifferently = 0
        for index in result.objects.indices {
            let verdict = result.objects[index].verdict
            if verdict.isDifference(strict: strict) {
                if !oneSided.isFolded(result.objects[index]) { failing += 1 }
            } else if case .equivalent = verdict {
                formattingOnly += 1
            } else if case .printedDifferently = verdict {
                printedDifferently += 1
            }
        }
        if failing > 0 {
            self = .different(count: failing, children: oneSided.foldedDescription)
        } else if formattingOnly + printedDifferently > 0 {
            self = .equivalent(formattingOnly: formattingOnly, printedDifferently: printedDifferently)
        } else {
            self = .identical(objects: result.objects.count)
        }
    }

    /// The stable name used in JSON: `identical`, `equivalent` or `different`.
    public var name: String {
        switch self {
        case .identical: "identical"
        case .equivalent: "equivalent"
        case .different: "different"
        }
    }

    /// Whether objects fail the gate.
    public var isDifferent: Bool {
        if case .different = self { true } else { false }
    }

    /// The verdict's first word as the verdict line shouts it: `IDENTICAL`, `EQUIVALENT`, `DIFFERENT`.
    public var word: String { name.uppercased() }

    /// What the verdict line says after the word, e.g. `4 objects differ`.
    public var detail: String {
        switch self {
        case .identical(let objects):
            return "every object is the same (\(Self.count(objects, "object")) compared)"
        case .equivalent(let formattingOnly, let printedDifferently):
            var parts: [String] = []
            if formattingOnly > 0 { parts.append("\(Self.count(formattingOnly, "object")) \(formattingOnly == 1 ? "differs" : "differ") only in formatting") }
            if printedDifferently > 0 {
                parts.append("\(Self.count(printedDifferently, "object")) only in how each PostgreSQL version \(printedDifferently == 1 ? "prints it" : "prints them")")
            }
            return parts.joined(separator: ", ")
        case .different(let count, let children):
            return "\(Self.count(count, "object")) \(count == 1 ? "differs" : "differ")" + (children.map { " (plus \($0))" } ?? "")
        }
    }

    /// The one-line verdict people read, e.g. `DIFFERENT: 4 objects differ`.
    public var line: String { word + ": " + detail }

    /// `1 object`, `2 objects`.
    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
