/// A parsed JSON value, as `JSONReader` builds it for the parts of a snapshot file that are read
/// without `JSONDecoder` (see `SnapshotFile`).
enum JSONValue: Sendable {
    case null
    case bool(Bool)
    /// A number written as an integer that fits in 64 bits.
    case integer(Int64)
    /// Any other number: legal JSON, but no snapshot field holds one.
    case otherNumber
    case string(String)
    case array([JSONValue])
    /// The members; when a key repeats, its last value wins.
    case object([String: JSONValue])
}
