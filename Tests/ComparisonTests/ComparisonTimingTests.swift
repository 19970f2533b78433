import Comparison
import Foundation
import SchemaModel
import SQLFingerprint
import Testing

/// Prints how long comparing two large synthetic snapshots takes, next to the cost of
/// fingerprinting their definitions alone. Informative only: run it in release mode
/// (`swift test -c release --filter ComparisonTiming`); it asserts the outcome, never the time.
@Suite("Comparison timing")
struct ComparisonTimingTests {
    /// About `12 × scale` thousand objects: tables with eight columns each, views and functions.
    /// The target differs from the source in a few places, as a staging database would.
    static func snapshots(tables: Int = 1_000, views: Int = 1_500, functions: Int = 1_500) -> (Snapshot, Snapshot) {
        var source: [SchemaObject] = [], target: [SchemaObject] = []
        for table in 0..<tables {
            let name = "t\(table)"
            let tableObject = Fixture.object(.table, name, attributes: [AttributeName.owner: .text("postgres"),
                                                                        AttributeName.privileges: .list(["anon=r/postgres", "postgres=arwdDxt/postgres"])])
            source.append(tableObject)
            target.append(tableObject)
            let columns = (1...8).map { "c\($0)" }
            let targetColumns = table % 100 == 7 ? columns.reversed() : columns
            source += columns.enumerated().map { Fixture.column(name, $0.element, position: Int64($0.offset + 1)) }
            target += targetColumns.enumerated().map { Fixture.column(name, $0.element, position: Int64($0.offset + 1)) }
        }
        for view in 0..<views {
            let text = " SELECT t.c1,\n    t.c2,\n    t.c3 + t.c4 AS total,\n    lower(t.c5) AS label\n   FROM public.t\(view % tables) t\n  WHERE t.c6 > \(view) AND t.c7 IS NOT NULL\n  ORDER BY t.c1;"
            source.append(Fixture.object(.view, "v\(view)", definition: text))
            target.append(Fixture.object(.view, "v\(view)", definition: view % 20 == 3 ? text.uppercased() : text))
        }
        for function in 0..<functions {
            let body = (0..<12).map { "    v_total := v_total + (SELECT count(*) FROM public.t\($0) WHERE c1 > p_from + \(function));" }
                .joined(separator: "\n")
            let text = "CREATE OR REPLACE FUNCTION public.f\(function)(p_from integer)\n RETURNS integer\n LANGUAGE plpgsql\n STABLE\nAS $function$\nDECLARE\n    v_total integer := 0;\nBEGIN\n\(body)\n    RETURN v_total;\nEND;\n$function$\n"
            source.append(Fixture.object(.function, "f\(function)", arguments: "p_from integer", definition: text))
            let changed = function % 100 == 11 ? text.replacingOccurrences(of: "count(*)", with: "count(c1)") : text
            target.append(Fixture.object(.function, "f\(function)", arguments: "p_from integer", definition: changed))
        }
        return (Fixture.snapshot(source), Fixture.snapshot(target))
    }

    @Test("comparing two 12,000-object snapshots (timing printed)")
    func twelveThousandObjects() {
        let (source, target) = Self.snapshots()
        let timer = ContinuousClock()

        let fingerprintStart = timer.now
        var digests = 0
        for object in source.objects + target.objects {
            guard let text = object.definition?.text else { continue }
            digests += Fingerprint(exactText: text).hex.count + Fingerprint(normalizing: text).hex.count
        }
        let fingerprinting = timer.now - fingerprintStart

        let cpuStart = clock()
        let compareStart = timer.now
        let result = Comparator.compare(source: source, target: target, sourceLabel: "production", targetLabel: "staging")
        let comparing = timer.now - compareStart
        let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)

        print("""
            comparison timing: \(source.objects.count) vs \(target.objects.count) objects; \
            fingerprinting every definition of both sides once, one thread: \(fingerprinting); \
            Comparator.compare: \(comparing) wall, \(String(format: "%.3f", cpu)) s CPU
            """)
        #expect(digests > 0)
        let summary = Dictionary(uniqueKeysWithValues: result.summary.map { ($0.kind, $0) })
        #expect(summary[.table]?.different == 10)
        #expect(summary[.view]?.equivalent == 75)
        #expect(summary[.function]?.different == 15)
        #expect(summary[.column]?.identical == 8_000)
    }
}
