import Comparison
import GoldenFiles
import Testing
@testable import Reports

@Suite("JUnit report")
struct JUnitReportTests {
    let result = ResultFixture.everyVerdict

    func expectValid(_ document: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let outcome = try XMLLint.validate(document)
        #expect(outcome.status == 0, "xmllint: \(outcome.output)", sourceLocation: sourceLocation)
    }

    func value(_ xpath: String, _ document: String) throws -> String {
        try XMLLint.value(of: xpath, in: document)
    }

    @Test("matches golden/reports/result.junit.xml and validates against schemas/junit.xsd")
    func golden() throws {
        let output = JUnitReport.render(result, options: ReportOptions())
        #expect(GoldenFile("reports/result.junit.xml").mismatch(with: output) == nil)
        try expectValid(output)
    }

    @Test("the totals and every suite's counts are exact")
    func counts() throws {
        let xml = JUnitReport.render(result, options: ReportOptions())
        #expect(try value("concat(/testsuites/@name,' ',/testsuites/@tests,' ',/testsuites/@failures,' ',/testsuites/@errors,' ',/testsuites/@skipped,' ',/testsuites/@time)", xml)
            == "deepdiff 12 5 0 2 0")
        let suites = [("deepdiff.tables", "2 1 0 0"), ("deepdiff.columns", "2 1 0 0"), ("deepdiff.views", "3 0 0 0"),
                      ("deepdiff.functions", "2 2 0 0"), ("deepdiff.policies", "1 1 0 0"), ("deepdiff.unmodeled", "2 0 0 2")]
        #expect(try value("count(/testsuites/testsuite)", xml) == String(suites.count))
        for (name, expected) in suites {
            let suite = "/testsuites/testsuite[@name='\(name)']"
            #expect(try value("concat(\(suite)/@tests,' ',\(suite)/@failures,' ',\(suite)/@errors,' ',\(suite)/@skipped)", xml) == expected, "\(name)")
            #expect(try value("count(\(suite)/testcase)", xml) == expected.split(separator: " ")[0].description, "\(name)")
        }
    }

    @Test("a test case is named by identity, functions with their argument types, and classed by kind and schema")
    func names() throws {
        let xml = JUnitReport.render(result, options: ReportOptions())
        let function = "/testsuites/testsuite/testcase[@name='public.get_latency_metrics(p_from timestamp with time zone)']"
        #expect(try value("string(\(function)/@classname)", xml) == "deepdiff.function.public")
        #expect(try value("string(\(function)/failure/@type)", xml) == "different")
        #expect(try value("string(\(function)/failure/@message)", xml)
            == "function public.get_latency_metrics(p_from timestamp with time zone) is different: definition (1 hunk); attributes security_definer [security], volatility")
        #expect(try value("string(\(function)/@time)", xml) == "0")
    }

    @Test("every compared object's test case shows the fingerprints of both sides in system-out")
    func fingerprints() throws {
        let xml = JUnitReport.render(result, options: ReportOptions())
        #expect(try value("count(/testsuites/testsuite[@name!='deepdiff.unmodeled']/testcase[not(system-out)])", xml) == "0")
        let view = "/testsuites/testsuite/testcase[@name='public.v_financial_metrics_enriched']"
        #expect(try value("string(\(view)/system-out)", xml) == """
            verdict: equivalent (whitespace, keyword case)
            source production  exact sha256:\(String(repeating: "e1", count: 32))  normalized sha256:\(String(repeating: "c0", count: 32))
            target staging     exact sha256:\(String(repeating: "e2", count: 32))  normalized sha256:\(String(repeating: "c0", count: 32))

            """)
        #expect(try value("count(\(view)/failure)", xml) == "0")
    }

    @Test("with strict, equivalent objects fail too")
    func strict() throws {
        let xml = JUnitReport.render(result, options: ReportOptions(strict: true))
        try expectValid(xml)
        #expect(try value("string(/testsuites/@failures)", xml) == "6")
        #expect(try value("string(/testsuites/testsuite/testcase[@name='public.v_financial_metrics_enriched']/failure/@type)", xml) == "equivalent")
    }

    @Test("a failure to read a side is one errored test case")
    func error() throws {
        let xml = JUnitReport.renderError("could not connect to server: Connection refused\n\tIs the server running?",
                                          source: "production", target: "staging")
        try expectValid(xml)
        #expect(try value("concat(/testsuites/@tests,' ',/testsuites/@failures,' ',/testsuites/@errors)", xml) == "1 0 1")
        #expect(try value("string(//testcase/@name)", xml) == "compare production with staging")
        #expect(try value("string(//error/@message)", xml) == "could not connect to server: Connection refused")
        #expect(try value("string(//error)", xml) == "could not connect to server: Connection refused\n\tIs the server running?")
    }

    @Test("an empty comparison is a valid report with zero tests")
    func empty() throws {
        let xml = JUnitReport.render(ResultFixture.result([]), options: ReportOptions())
        try expectValid(xml)
        #expect(try value("string(/testsuites/@tests)", xml) == "0")
    }
}
