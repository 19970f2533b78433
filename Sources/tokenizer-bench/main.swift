// Release-mode throughput of the SQL lexer and of normalizing plus hashing, on a generated
// corpus of realistic definitions (run by scripts/bench-tokenizer).
import Foundation
import SeededRandom
import SQLFingerprint
import SQLTokenizer

/// Definitions as catalog functions return them: functions with plpgsql and sql bodies, views,
/// comments, every string notation, numbers and operators.
struct CorpusGenerator {
    var random = SeededGenerator(state: 20_240_601)

    private static let columns = ["id", "user_id", "created_at", "\"Status\"", "amount", "email", "tenant_id", "payload", "name", "updated_at"]
    private static let tables = ["public.orders", "auth.users", "\"Billing\".\"Invoices\"", "storage.objects", "app.events"]

    mutating func pick(_ words: [String]) -> String { words[Int.random(in: 0..<words.count, using: &random)] }
    mutating func number() -> String {
        switch Int.random(in: 0..<5, using: &random) {
        case 0: String(Int.random(in: 0..<100_000, using: &random))
        case 1: "\(Int.random(in: 0..<1000, using: &random)).\(Int.random(in: 0..<100, using: &random))"
        case 2: "1e-\(Int.random(in: 1..<9, using: &random))"
        case 3: "0x\(String(Int.random(in: 0..<65536, using: &random), radix: 16))"
        default: "1_000_\(Int.random(in: 100..<999, using: &random))"
        }
    }

    mutating func condition() -> String {
        "\(pick(Self.columns)) \(pick(["=", "<>", ">=", "<=", "!=", "~*", "@>", "||"])) \(number()) AND \(pick(Self.columns))::text ILIKE 'it''s %' || E'\\n\\t' "
    }

    mutating func plpgsqlFunction(_ index: Int) -> String {
        var body = "DECLARE\n    v_count integer := 0; -- running total\n    v_label text := $q$label's$q$;\nBEGIN\n"
        for _ in 0..<Int.random(in: 4..<12, using: &random) {
            body += """
                    /* check the row */ IF \(condition()) THEN
                        v_count := v_count + \(number());
                        RAISE NOTICE 'row % of %', NEW.\(pick(Self.columns)), v_count;
                        PERFORM pg_notify('events', json_build_object('id', NEW.id, 'at', now())::text);
                    END IF;

                """
        }
        body += "    RETURN NEW;\nEND;\n"
        return """
            CREATE OR REPLACE FUNCTION app.trigger_\(index)()
             RETURNS trigger
             LANGUAGE plpgsql
             SECURITY DEFINER
             SET search_path TO 'public', 'pg_temp'
            AS $function$
            \(body)$function$

            """
    }

    mutating func sqlFunction(_ index: Int) -> String {
        """
        CREATE OR REPLACE FUNCTION public.lookup_\(index)(p_id bigint, p_name text DEFAULT 'none'::text)
         RETURNS SETOF \(pick(Self.tables))
         LANGUAGE sql STABLE PARALLEL SAFE
        AS $$ SELECT * FROM \(pick(Self.tables)) t -- by id
              WHERE t.id = p_id AND \(condition()) ORDER BY t.\(pick(Self.columns)) DESC LIMIT \(number()) $$

        """
    }

    mutating func view(_ index: Int) -> String {
        """
        CREATE OR REPLACE VIEW reporting.summary_\(index) AS
         SELECT o.\(pick(Self.columns)),
            count(*) FILTER (WHERE \(condition())) AS n,
            sum(o.amount * 1.25 + \(number())) AS total,
            CASE WHEN o."Status" = 'paid' THEN U&'\\0070aid' ELSE N'open' END AS state, B'1010' AS flags, X'FF' AS mask
           FROM \(pick(Self.tables)) o
             LEFT JOIN \(pick(Self.tables)) u ON u.id = o.user_id
          WHERE \(condition()) AND o.created_at > now() - '30 days'::interval
          GROUP BY o.\(pick(Self.columns));

        """
    }

    /// Definitions until their total size reaches `bytes`.
    mutating func definitions(totalBytes bytes: Int) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var total = 0
        var index = 0
        while total < bytes {
            let text: String
            switch index % 3 {
            case 0: text = plpgsqlFunction(index)
            case 1: text = sqlFunction(index)
            default: text = view(index)
            }
            result.append(Array(text.utf8))
            total += result[result.count - 1].count
            index += 1
        }
        return result
    }
}

/// Seconds of CPU time this thread has used: other processes on a shared machine do not count.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Best-of-`runs` throughput of `work` over `bytes` bytes, in MB/s (10^6 bytes of input per
/// second of this thread's CPU time).
func throughput(bytes: Int, runs: Int, _ work: () -> Int) -> (megabytesPerSecond: Double, checksum: Int) {
    var best = Double.infinity
    var checksum = 0
    for _ in 0..<runs {
        let start = threadCPUSeconds()
        checksum = work()
        best = min(best, threadCPUSeconds() - start)
    }
    return (Double(bytes) / best / 1e6, checksum)
}

// `tokenizer-bench normalize` measures only normalizing, for profiling that phase alone; a
// number after it is the corpus size in MB (a small one keeps valgrind's runs short).
let onlyNormalize = CommandLine.arguments.dropFirst().first == "normalize"
let corpusMegabytes = CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 50

var generator = CorpusGenerator()
let definitions = generator.definitions(totalBytes: corpusMegabytes * 1_000_000)
let totalBytes = definitions.reduce(0) { $0 + $1.count }
let whole = definitions.flatMap { $0 }
print("corpus: \(definitions.count) definitions, \(totalBytes) bytes")

// `tokenizer-bench digest FILE...` prints one SHA-256 over the canonical forms of the corpus's
// definitions, then one per file: a change to the normalizer must leave them all as they were.
if CommandLine.arguments.dropFirst().first == "digest" {
    var digests: [UInt8] = []
    for definition in definitions {
        digests += definition.withUnsafeBufferPointer { SQLNormalizer.withCanonicalBytes(of: $0) { SHA256Digest.digest(of: $0) } }
    }
    print("corpus \(SHA256Digest.hex(of: digests))")
    for path in CommandLine.arguments.dropFirst(2) {
        guard let data = FileManager.default.contents(atPath: path) else {
            print("\(path): cannot read")
            continue
        }
        let text = [UInt8](data)
        print("\(path) \(text.withUnsafeBufferPointer { SQLNormalizer.withCanonicalBytes(of: $0) { SHA256Digest.hex(of: $0) } })")
    }
    exit(0)
}


if !onlyNormalize {
let perDefinition = throughput(bytes: totalBytes, runs: 5) {
    var tokens = 0
    for definition in definitions {
        tokens += definition.withUnsafeBufferPointer { SQLLexer.tokenize($0).count }
    }
    return tokens
}
print(String(format: "tokenize, one definition at a time: %7.1f MB/s (%d tokens)", perDefinition.megabytesPerSecond, perDefinition.checksum))

let withBodies = throughput(bytes: totalBytes, runs: 5) {
    var tokens = 0
    for definition in definitions {
        definition.withUnsafeBufferPointer { text in
            for token in SQLLexer.tokenize(text) {
                tokens += 1
                // Dollar-quoted bodies are lexed again, as the normalizer does.
                guard token.kind == .string, text[token.start] == UInt8(ascii: "$") else { continue }
                let tagLength = text[token.range].dropFirst().firstIndex(of: UInt8(ascii: "$"))! + 1 - token.start
                tokens += SQLLexer.tokenize(UnsafeBufferPointer(rebasing: text[(token.start + tagLength)..<(token.end - tagLength)])).count
            }
        }
    }
    return tokens
}
print(String(format: "tokenize, bodies lexed as well:    %7.1f MB/s (%d tokens)", withBodies.megabytesPerSecond, withBodies.checksum))

let wholeCorpus = throughput(bytes: totalBytes, runs: 5) {
    whole.withUnsafeBufferPointer { SQLLexer.tokenize($0).count }
}
print(String(format: "tokenize, whole corpus as one text: %7.1f MB/s (%d tokens)", wholeCorpus.megabytesPerSecond, wholeCorpus.checksum))

}

// The canonical form alone, to tell the normalizer's share from the hash's.
let canonicalOnly = throughput(bytes: totalBytes, runs: 5) {
    var canonicalBytes = 0
    for definition in definitions {
        canonicalBytes += definition.withUnsafeBufferPointer { text in SQLNormalizer.withCanonicalBytes(of: text) { $0.count } }
    }
    return canonicalBytes
}
print(String(format: "canonical form alone:              %7.1f MB/s (%d bytes written)", canonicalOnly.megabytesPerSecond, canonicalOnly.checksum))

let normalized = throughput(bytes: totalBytes, runs: 5) {
    var digestBytes = 0
    for definition in definitions {
        // The path `Fingerprint(normalizing:)` takes: the digest of the canonical form in place.
        digestBytes += definition.withUnsafeBufferPointer { text in
            SQLNormalizer.withCanonicalBytes(of: text) { Int(SHA256Digest.digest(of: $0)[0]) }
        }
    }
    return digestBytes
}
print(String(format: "canonical form + SHA-256:          %7.1f MB/s", normalized.megabytesPerSecond))
