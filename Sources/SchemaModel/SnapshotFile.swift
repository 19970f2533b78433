import FoundationEssentials

/// Reads and writes snapshot files: deterministic JSON (sorted keys, objects sorted by identity),
/// free of secrets, with a format marker and version.
public enum SnapshotFile {
    /// The snapshot as the bytes of its file.
    public static func encode(_ snapshot: Snapshot) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var sorted = snapshot
        sorted.objects = IdentityOrder.sorted(sorted.objects) { $0.identity }
        // The objects are most of the file: they are written by a direct writer that produces the
        // same bytes, and spliced into what the encoder makes of the rest.
        let placeholder = Array("\n  \"objects\" : [\n\n  ]".utf8)
        if sorted.objects.allSatisfy(PrettyJSONWriter.canWrite) {
            var header = sorted
            header.objects = []
            let headerBytes = Array(try encoder.encode(header))
            if let range = headerBytes.firstRange(of: placeholder) {
                var writer = PrettyJSONWriter()
                writer.writeArray(of: sorted.objects, indent: 1)
                var data = Data(headerBytes[..<range.lowerBound])
                data.append(contentsOf: Array("\n  \"objects\" : ".utf8))
                data.append(contentsOf: writer.bytes)
                data.append(contentsOf: headerBytes[range.upperBound...])
                data.append(0x0A)
                return data
            }
        }
        var data = try encoder.encode(sorted)
        data.append(0x0A)
        return data
    }

    /// Writes the snapshot to `path`.
    public static func write(_ snapshot: Snapshot, to path: String) throws(SnapshotFileError) {
        do {
            try encode(snapshot).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw SnapshotFileError(path: path, reason: .unwritable(FileErrorText.reason(for: error)))
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
    ///
    /// The objects, nearly all of a file, are read with `JSONReader` one at a time; the small rest
    /// goes through `JSONDecoder` with the objects' array cut out.
    public static func decode(_ data: Data, path: String) throws(SnapshotFileError) -> Snapshot {
        let outcome = data.withUnsafeBytes { raw in
            Result { () throws(SnapshotFileError) -> Snapshot in
                try decode(raw.bindMemory(to: UInt8.self), path: path)
            }
        }
        return try outcome.get()
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws(SnapshotFileError) -> Snapshot {
        let topLevel: [String: Range<Int>]?
        do {
            topLevel = try topLevelMembers(of: bytes)
        } catch {
            throw SnapshotFileError(path: path, reason: .notJSON)
        }
        guard let members = topLevel else { throw SnapshotFileError(path: path, reason: .notASnapshot) }
        guard case .string(Snapshot.formatName)? = value(of: "format", in: members, bytes),
              case .integer(let version)? = value(of: "formatVersion", in: members, bytes) else {
            throw SnapshotFileError(path: path, reason: .notASnapshot)
        }
        if version > Snapshot.currentFormatVersion {
            throw SnapshotFileError(path: path, reason: .newerFormat(Int(version)))
        }
        // Without objects the document is small: the decoder reads it all (and names what is missing).
        guard let objectsRange = members["objects"] else { return try decodeWithDecoder(Data(bytes), path: path) }
        var rest = Data(UnsafeBufferPointer(rebasing: bytes[..<objectsRange.lowerBound]))
        rest.append(contentsOf: "[]".utf8)
        rest.append(UnsafeBufferPointer(rebasing: bytes[objectsRange.upperBound...]))
        var snapshot = try decodeWithDecoder(rest, path: path)
        do {
            snapshot.objects = try objects(in: bytes, at: objectsRange.lowerBound)
        } catch {
            throw SnapshotFileError(path: path, reason: .malformed(error.description))
        }
        return snapshot
    }

    /// The byte range of each member's value of the top-level object, after checking the whole
    /// document is JSON; nil when it is JSON but not an object.
    private static func topLevelMembers(of bytes: UnsafeBufferPointer<UInt8>) throws(JSONReader.SyntaxError) -> [String: Range<Int>]? {
        var reader = JSONReader(bytes)
        guard reader.peek() == UInt8(ascii: "{") else {
            _ = try reader.value(building: false)
            guard reader.isAtEnd() else { throw JSONReader.SyntaxError(offset: reader.position) }
            return nil
        }
        var members: [String: Range<Int>] = [:]
        try reader.forEachMember { (key, reader) throws(JSONReader.SyntaxError) in
            _ = reader.peek()
            let start = reader.position
            _ = try reader.value(building: false)
            members[key] = start..<reader.position
        }
        guard reader.isAtEnd() else { throw JSONReader.SyntaxError(offset: reader.position) }
        return members
    }

    /// The value of a top-level member, already known to be valid JSON.
    private static func value(of key: String, in members: [String: Range<Int>], _ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        guard let range = members[key] else { return nil }
        var reader = JSONReader(bytes, at: range.lowerBound)
        return try? reader.value()
    }

    /// The objects of the array starting at `offset`, decoded one element at a time so that the
    /// parsed JSON of only one object is held at once.
    private static func objects(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) throws(JSONMappingError) -> [SchemaObject] {
        var reader = JSONReader(bytes, at: offset)
        guard reader.peek() == UInt8(ascii: "[") else { throw JSONMappingError(path: ".objects", problem: "wrong type") }
        var objects: [SchemaObject] = []
        var mappingError: JSONMappingError?
        do {
            try reader.forEachElement { (reader) throws(JSONReader.SyntaxError) in
                let element = try reader.value()
                do throws(JSONMappingError) {
                    objects.append(try SchemaObject(json: element, path: ""))
                } catch {
                    mappingError = JSONMappingError(path: ".objects[\(objects.count)]" + error.path, problem: error.problem)
                    throw JSONReader.SyntaxError(offset: reader.position)
                }
            }
        } catch {
            // The document was checked already, so only a mapping error can stop the walk.
            throw mappingError ?? JSONMappingError(path: ".objects", problem: "corrupt value")
        }
        return objects
    }

    private static func decodeWithDecoder(_ data: Data, path: String) throws(SnapshotFileError) -> Snapshot {
        do {
            return try JSONDecoder().decode(Snapshot.self, from: data)
        } catch let error as DecodingError {
            throw SnapshotFileError(path: path, reason: .malformed(Self.describe(error)))
        } catch {
            throw SnapshotFileError(path: path, reason: .malformed(FileErrorText.reason(for: error)))
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
