import Comparison
import SchemaModel

/// Comparison results built in code for the report tests: one with every verdict, attribute
/// differences (security-relevant or not), a diff with changed tokens and hidden formatting
/// hunks, and unmodeled objects; and small variations of it.
enum ResultFixture {
    static let production = SideDescription(label: "production", database: "app",
                                            server: ServerInfo(versionNumber: 150018, version: "15.18"))
    static let staging = SideDescription(label: "staging", database: "app",
                                         server: ServerInfo(versionNumber: 180001, version: "18.1"))

    /// A fingerprint made of one repeated hex pair, e.g. `fingerprint("a1")`.
    static func fingerprint(_ pair: String) -> Fingerprint {
        Fingerprint(hex: String(repeating: pair, count: 32))
    }

    static func proof(_ exact: String, _ normalized: String) -> DefinitionProof {
        DefinitionProof(exact: fingerprint(exact), normalized: fingerprint(normalized))
    }

    /// The byte range of `token` within `line` (the first occurrence).
    static func range(of token: String, in line: String) -> ByteRange {
        let bytes = Array(line.utf8), needle = Array(token.utf8)
        let start = (0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle } ?? 0
        return ByteRange(start: start, end: start + needle.count)
    }

    static let removedLine = "  WHERE created_at > now() - interval '7 days'"
    static let addedLine = "  WHERE created_at > now() - interval '30 days'"

    static let latencyDiff = DefinitionDiff(hunks: [
        DiffHunk(sourceStart: 9, sourceCount: 3, targetStart: 9, targetCount: 3, isFormattingOnly: false, lines: [
            DiffLine(change: .context, text: "  SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms)"),
            DiffLine(change: .removed, text: removedLine, changedTokens: [range(of: "'7 days'", in: removedLine)]),
            DiffLine(change: .added, text: addedLine, changedTokens: [range(of: "'30 days'", in: addedLine)]),
            DiffLine(change: .context, text: "  GROUP BY agent_id;"),
        ]),
    ], omittedFormattingHunks: 2)

    static func identity(_ kind: ObjectKind, _ name: String, relation: String? = nil, arguments: String? = nil) -> ObjectIdentity {
        ObjectIdentity(kind: kind, schema: "public", relation: relation, name: name, arguments: arguments)
    }

    /// Every verdict at least once.
    static let objects: [ObjectComparison] = [
        ObjectComparison(identity: identity(.table, "agent_calls"), verdict: .identical),
        ObjectComparison(identity: identity(.column, "id", relation: "agent_calls"), verdict: .identical),
        ObjectComparison(identity: identity(.column, "cost", relation: "agent_calls"), verdict: .different, attributeDifferences: [
            AttributeDifference(name: AttributeName.dataType, source: .text("numeric"), target: .text("numeric(10,2)"), isSecurityRelevant: false),
            AttributeDifference(name: AttributeName.defaultExpression, source: .sql("0"), target: .null, isSecurityRelevant: false),
        ]),
        ObjectComparison(identity: identity(.table, "test_results"), verdict: .onlyInTarget),
        ObjectComparison(identity: identity(.view, "v_financial_metrics_enriched"),
                         verdict: .equivalent(reasons: ["whitespace", "keyword case"]),
                         source: proof("e1", "c0"), target: proof("e2", "c0")),
        ObjectComparison(identity: identity(.view, "v_active_clients"), verdict: .printedDifferently(sourceMajor: 15, targetMajor: 18),
                         source: proof("d1", "c1"), target: proof("d2", "c2")),
        ObjectComparison(identity: identity(.view, "v_clients"), verdict: .identical, source: proof("b1", "c3"), target: proof("b1", "c3")),
        ObjectComparison(identity: identity(.function, "get_latency_metrics", arguments: "p_from timestamp with time zone"),
                         verdict: .different, source: proof("f1", "a1"), target: proof("f2", "a2"),
                         attributeDifferences: [
                             AttributeDifference(name: AttributeName.securityDefiner, source: .flag(false), target: .flag(true), isSecurityRelevant: true),
                             AttributeDifference(name: AttributeName.volatility, source: .text("stable"), target: .text("volatile"), isSecurityRelevant: false),
                         ],
                         diff: latencyDiff),
        ObjectComparison(identity: identity(.function, "calculate_kpi", arguments: "integer"), verdict: .onlyInSource,
                         source: proof("f3", "a3")),
        ObjectComparison(identity: identity(.policy, "clients_read", relation: "clients"), verdict: .different,
                         attributeDifferences: [
                             AttributeDifference(name: AttributeName.roles, source: .list(["authenticated"]),
                                                 target: .list(["anon", "authenticated"]), isSecurityRelevant: true),
                             AttributeDifference(name: AttributeName.usingExpression, source: .sql("(owner_id = auth.uid())"),
                                                 target: .sql("(owner_id = auth.uid( ))"), isSecurityRelevant: true, isFormattingOnly: true),
                         ]),
    ]

    static let unmodeled = UnmodeledCounts(source: ["foreign table": 2], target: ["foreign table": 1, "text search configuration": 1])

    /// The full fixture: every verdict, a diff, attribute differences, unmodeled objects.
    static let everyVerdict = ComparisonResult(source: production, target: staging, objects: objects, unmodeledObjects: unmodeled)

    /// A result whose objects all have the verdicts given (names generated), no unmodeled objects.
    static func result(_ verdicts: [Verdict]) -> ComparisonResult {
        let objects = verdicts.enumerated().map { index, verdict in
            ObjectComparison(identity: identity(.view, "v\(index)"), verdict: verdict,
                             source: verdict == .onlyInTarget ? nil : proof("b1", "c1"),
                             target: verdict == .onlyInSource ? nil : proof("b1", "c1"))
        }
        return ComparisonResult(source: production, target: staging, objects: objects, unmodeledObjects: UnmodeledCounts(source: [:], target: [:]))
    }
}

/// The seed's audit: identical schemas, production recording 1 migration (`20251112000000
/// create-staging`, written by hand) and staging the 17 its migration tool applied.
enum HistoryFixture {
    /// The 17 migrations of fixtures/demo/migrations, by version and name.
    static let demoMigrations: [(String, String)] = [
        ("20251113092934", "import_from_prod"), ("20251113110933", "agent_calls_enrichment_complete"),
        ("20251113173945", "create_agent_sms_table"), ("20251113174002", "sms_rls_policies"),
        ("20251113174046", "sms_analytics"), ("20251113175729", "fix_sms_pricing_model_v2"),
        ("20251114115154", "add_cost_per_email_to_deployments"), ("20251114160211", "create_unified_communications_view"),
        ("20251115103027", "create_arthur_prospects"), ("20251115104510", "arthur_dashboard"),
        ("20251117101559", "create_financial_timeseries_function"), ("20251117143820", "global_dashboard_views"),
        ("20251118090415", "user_access_views"), ("20251118142233", "financial_breakdown_functions"),
        ("20251120094858", "add_quality_justification_column"), ("20251120094954", "add_latency_columns"),
        ("20251120095358", "rename_justification_to_analysis"),
    ]

    /// A migration as staging's history records it: one statement, a quote in the third.
    static func applied(_ index: Int) -> MigrationRecord {
        let (version, name) = demoMigrations[index]
        let statement = index == 2
            ? "CREATE TABLE public.agent_sms (id uuid PRIMARY KEY);\nCOMMENT ON TABLE public.agent_sms IS 'SMS sent by agents';"
            : "-- \(name)"
        return MigrationRecord(version: version, name: name, statementsFingerprint: ResultFixture.fingerprint(String(index + 16, radix: 16)),
                               statements: [statement])
    }

    static let createStaging = MigrationRecord(version: "20251112000000", name: "create-staging",
                                               statementsFingerprint: ResultFixture.fingerprint("00"), statements: [])

    static let production = MigrationHistory(framework: .supabase, table: MigrationRepair.supabaseTable, entries: [createStaging])
    static let staging = MigrationHistory(framework: .supabase, table: MigrationRepair.supabaseTable,
                                          entries: demoMigrations.indices.map(applied))

    /// `result` with the seed's two histories compared and attached.
    static func withSeedHistories(_ result: ComparisonResult) -> ComparisonResult {
        var result = result
        result.migrationHistory = MigrationHistoryComparison.compare(source: [production], target: [staging])
        return result
    }

    /// The seed's case: three identical objects, histories of 1 and 17 migrations.
    static let seed = withSeedHistories(ResultFixture.result([.identical, .identical, .identical]))

    /// Identical schemas and the same 17 migrations on both sides.
    static let inSync: ComparisonResult = {
        var result = ResultFixture.result([.identical])
        result.migrationHistory = MigrationHistoryComparison.compare(source: [staging], target: [staging])
        return result
    }()
}
