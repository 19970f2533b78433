import Comparison
import GoldenFiles
import Reports
import Testing

/// Renders `result` in every format, compares each output with `golden/reports/<name>.<format>`,
/// and validates the JUnit output against schemas/junit.xsd.
func expectGoldenReports(_ result: ComparisonResult, named name: String) throws {
    let options = ReportOptions()
    let junit = JUnitReport.render(result, options: options)
    let outputs = [
        ("txt", TextReport.render(result, options: options)),
        ("json", JSONReport.render(result, options: options)),
        ("md", MarkdownReport.render(result, options: options)),
        ("junit.xml", junit),
    ]
    for (fileExtension, output) in outputs {
        let mismatch = GoldenFile("reports/\(name).\(fileExtension)").mismatch(with: output)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }
    let validation = try XMLLint.validate(junit)
    #expect(validation.status == 0, "xmllint: \(validation.output)")
}
