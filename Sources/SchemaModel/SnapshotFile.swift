import Foundation

/// Reads and writes snapshot files: deterministic JSON (sorted keys, objects sorted by identity),
/// free of secrets, with a format marker and version.
public enum SnapshotFile {
    /// The snapshot as the bytes of its file.
    public static func encode(_ snapshot: Snapshot) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var sorted = snapshot
        sorted.objects.sort { $0.identity < $1.identity }
        var data = try encoder.encode(sorted)
        data.append(0x0A)
        return data
    }

    /// Writes the snapshot to `path`.
    public static func write(_ snapshot: Snapshot, to path: String) throws(SnapshotFileError) {
        do {
            try encode(snapshot).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw SnapshotFileError(path: path, reason: .unwritable(error.localizedDescription))
        }
    }

    /// Reads a snapshot from `path`, refusing anything that is not a snapshot this build understands.
    public static func load(from path: String) throws(SnapshotFileError) -> Snapshot {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SnapshotFileError(path: path, reason: .unreadable)
        }
        return try decode(data, path: path)
    }

    /// Decodes a snapshot from a file's bytes; `path` only names the file in errors.
    public static func decode(_ data: Data, path: String) throws(SnapshotFileError) -> Snapshot {
        let header: Any
        do {
            header = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw SnapshotFileError(path: path, reason: .notJSON)
        }
        guard let fields = header as? [String: Any], fields["format"] as? String == Snapshot.formatName else {
            throw SnapshotFileError(path: path, reason: .notASnapshot)
        }
        guard let version = fields["formatVersion"] as? Int else {
            throw SnapshotFileError(path: path, reason: .notASnapshot)
        }
        if version > Snapshot.currentFormatVersion {
            throw SnapshotFileError(path: path, reason: .newerFormat(version))
        }
        do {
            return try JSONDecoder().decode(Snapshot.self, from: data)
        } catch let error as DecodingError {
            throw SnapshotFileError(path: path, reason: .malformed(Self.describe(error)))
        } catch {
            throw SnapshotFileError(path: path, reason: .malformed(error.localizedDescription))
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        let (context, what): (DecodingError.Context, String) = switch error {
        case .keyNotFound(let key, let context): (context, "missing field \"\(key.stringValue)\"")
        case .typeMismatch(_, let context): (context, "wrong type")
        case .valueNotFound(_, let context): (context, "missing value")
        case .dataCorrupted(let context): (context, "corrupt value")
        @unknown default: (DecodingError.Context(codingPath: [], debugDescription: ""), "undecodable")
        }
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? what : "\(what) at \(path)"
    }
}

/// Why a snapshot file could not be read or written; its description is one sentence for users.
public struct SnapshotFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Hashable, Sendable {
        case unreadable
        case unwritable(String)
        case notJSON
        case notASnapshot
        case newerFormat(Int)
        case malformed(String)
    }

    /// The file concerned.
    public let path: String
    /// What went wrong.
    public let reason: Reason

    public var description: String {
        switch reason {
        case .unreadable:
            "cannot read snapshot file \(path)"
        case .unwritable(let why):
            "cannot write snapshot file \(path): \(why)"
        case .notJSON:
            "\(path) is not valid JSON (truncated or not a snapshot file)"
        case .notASnapshot:
            "\(path) is not a deepdiff snapshot (no \"format\": \"\(Snapshot.formatName)\" marker)"
        case .newerFormat(let version):
            "\(path) was written in snapshot format \(version); this deepdiff reads up to format \(Snapshot.currentFormatVersion): upgrade deepdiff"
        case .malformed(let what):
            "\(path) is a damaged snapshot: \(what)"
        }
    }
}
