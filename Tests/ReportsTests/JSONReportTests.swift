import Comparison
import Foundation
import GoldenFiles
import SchemaModel
import Testing
@testable import Reports

@Suite("JSON report")
struct JSONReportTests {
    let result = ResultFixture.everyVerdict

    func parsed(_ json: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8))
        return try #require(value as? [String: Any])
    }

    @Test("matches golden/reports/result.json")
    func golden() {
        #expect(GoldenFile("reports/result.json").mismatch(with: JSONReport.render(result, options: ReportOptions())) == nil)
    }

    @Test("names its format and version, the overall verdict, the gate's mode and the exit status")
    func header() throws {
        let document = try parsed(JSONReport.render(result, options: ReportOptions()))
        #expect(document["format"] as? String == "deepdiff-comparison")
        #expect(document["formatVersion"] as? Int == 1)
        #expect(document["verdict"] as? String == "different")
        #expect(document["strict"] as? Bool == false)
        #expect(document["exitStatus"] as? Int == 1)
        #expect(document["failingObjects"] as? Int == 5)
        let equivalent = try parsed(JSONReport.render(ResultFixture.result([.equivalent(reasons: ["comments"])]), options: ReportOptions()))
        #expect(equivalent["verdict"] as? String == "equivalent")
        #expect(equivalent["exitStatus"] as? Int == 0)
    }

    @Test("decoding the objects back gives the same comparisons, verdicts included")
    func roundTrip() throws {
        struct Objects: Decodable {
            var objects: [ObjectComparison]
            var summary: [KindSummary]
            var unmodeledObjects: UnmodeledCounts
            var source: SideDescription
        }
        let decoded = try JSONDecoder().decode(Objects.self, from: Data(JSONReport.render(result, options: ReportOptions()).utf8))
        #expect(decoded.objects.map(\.verdict) == result.objects.map(\.verdict))
        #expect(decoded.objects.map(\.identity) == result.objects.map(\.identity))
        #expect(decoded.objects.map(\.source) == result.objects.map(\.source))
        #expect(decoded.objects.map(\.target) == result.objects.map(\.target))
        #expect(decoded.objects.map(\.diff) == result.objects.map(\.diff))
        #expect(decoded.objects.map(\.attributeDifferences) == result.objects.map(\.attributeDifferences))
        #expect(decoded.summary == result.summary)
        #expect(decoded.unmodeledObjects == result.unmodeledObjects)
        #expect(decoded.source == result.source)
    }

    @Test("an attribute present without a value is null; a side without the attribute has no key")
    func attributeValueNullAndAbsent() throws {
        let column = ObjectComparison(identity: ResultFixture.identity(.column, "c", relation: "t"), verdict: .different, attributeDifferences: [
            AttributeDifference(name: "default", source: .sql("0"), target: .null, isSecurityRelevant: false),
            AttributeDifference(name: "collation", source: .text("C"), target: nil, isSecurityRelevant: false),
        ])
        let result = ComparisonResult(source: ResultFixture.production, target: ResultFixture.staging, objects: [column],
                                      unmodeledObjects: UnmodeledCounts(source: [:], target: [:]))
        let document = try parsed(JSONReport.render(result, options: ReportOptions()))
        let objects = try #require(document["objects"] as? [[String: Any]])
        let differences = try #require(objects.first?["attributeDifferences"] as? [[String: Any]])
        #expect(differences.count == 2)
        #expect(differences[0]["target"] is NSNull)
        #expect((differences[0]["source"] as? [String: String]) == ["sql": "0"])
        #expect(differences[1].keys.contains("target") == false)
    }

    @Test("decoding keeps a null attribute value apart from a missing one")
    func attributeValueNullAndAbsentRoundTrip() throws {
        let differences = [
            AttributeDifference(name: "default", source: .sql("0"), target: .null, isSecurityRelevant: false),
            AttributeDifference(name: "collation", source: nil, target: .text("C"), isSecurityRelevant: false, isFormattingOnly: true),
            AttributeDifference(name: "comment", source: .null, target: nil, isSecurityRelevant: false),
        ]
        let decoded = try JSONDecoder().decode([AttributeDifference].self, from: JSONEncoder().encode(differences))
        #expect(decoded == differences)
        let written = try JSONDecoder().decode(AttributeDifference.self, from: Data(
            #"{"name":"owner","source":null,"isSecurityRelevant":true,"isFormattingOnly":false}"#.utf8))
        #expect(written == AttributeDifference(name: "owner", source: .null, target: nil, isSecurityRelevant: true))
    }

    @Test("each object carries its qualified name and whether it fails the gate, strict or not")
    func perObjectFields() throws {
        let single = ResultFixture.result([.equivalent(reasons: ["whitespace"])])
        for strict in [false, true] {
            let document = try parsed(JSONReport.render(single, options: ReportOptions(strict: strict)))
            let objects = try #require(document["objects"] as? [[String: Any]])
            #expect(objects.first?["qualifiedName"] as? String == "public.v0")
            #expect(objects.first?["fails"] as? Bool == strict)
        }
    }

    @Test("docs/json-format.md documents every key the report writes")
    func documented() throws {
        let documentation = try String(contentsOf: GoldenFile.repositoryRoot.appendingPathComponent("docs/json-format.md"), encoding: .utf8)
        var keys: Set<String> = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                // Unmodeled counts are keyed by kind names, not by the format's own keys.
                for (key, child) in object where !["foreign table", "text search configuration"].contains(key) {
                    keys.insert(key)
                    collect(child)
                }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(try parsed(JSONReport.render(result, options: ReportOptions())))
        #expect(keys.count > 30)
        for key in keys.sorted() {
            #expect(documentation.contains("`\(key)`") || documentation.contains("\"\(key)\""), "\(key) is not documented")
        }
    }

    @Test("the same result always gives the same bytes, with keys sorted")
    func deterministic() {
        let first = JSONReport.render(result, options: ReportOptions())
        #expect(first == JSONReport.render(result, options: ReportOptions()))
        let keys = first.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == keys.sorted())
    }
}
