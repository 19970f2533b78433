/// One row of a `QueryResult`, decoded by column name into Swift values.
///
/// Columns are named by string literals (`row.string("name")`): a literal's bytes are where the
/// program keeps them, so finding its column makes no copy and hashes nothing, which matters when a
/// catalog read decodes a dozen values in each of tens of thousands of rows.
///
/// Every accessor throws a `PostgresError` of kind `.decoding` naming the column when the column is unknown
/// or the value does not have the asked-for form; none of them traps on what the server sent.
///
/// Rows of one loop over a result share what they learn of where the columns are (see
/// `ColumnPositions`), so a row stays on the thread that reads it: it is not `Sendable`, the result is.
public struct Row {
    private let row: Int
    private let positions: ColumnPositions

    init(row: Int, positions: ColumnPositions) {
        self.row = row
        self.positions = positions
    }

    /// The result's values, which the loop's positions belong to.
    private var storage: ResultStorage { positions.storage }

    /// The text of a column that must not be NULL.
    public func string(_ column: StaticString) throws(PostgresError) -> String {
        guard let value = try optionalString(column) else { throw Self.decodingError(column, "is NULL") }
        return value
    }

    /// The text of a column, nil when NULL.
    public func optionalString(_ column: StaticString) throws(PostgresError) -> String? {
        try bytes(column).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of a column's value, nil when NULL; valid while this row is, as the row keeps the
    /// result that holds them.
    @inline(__always)
    private func bytes(_ column: StaticString) throws(PostgresError) -> UnsafeBufferPointer<UInt8>? {
        storage.bytes(row: row, column: try position(of: column))
    }

    private func position(of column: StaticString) throws(PostgresError) -> Int {
        guard let position = positions.position(of: column) else {
            throw Self.decodingError(column, "is not in the result (columns: \(storage.columnNames.joined(separator: ", ")))")
        }
        return position
    }

    /// Whether the column holds NULL.
    public func isNull(_ column: StaticString) throws(PostgresError) -> Bool {
        try bytes(column) == nil
    }

    /// A boolean column (`t` or `f`) that must not be NULL.
    public func bool(_ column: StaticString) throws(PostgresError) -> Bool {
        guard let bytes = try bytes(column) else { throw Self.decodingError(column, "is NULL") }
        switch (bytes.count, bytes.first) {
        case (1, UInt8(ascii: "t")): return true
        case (1, UInt8(ascii: "f")): return false
        default: throw Self.decodingError(column, "holds \(Self.quoted(bytes)), not a boolean")
        }
    }

    /// An integer column (int2, int4, int8, oid, …) that must not be NULL.
    public func int(_ column: StaticString) throws(PostgresError) -> Int {
        guard let value = try optionalInt(column) else { throw Self.decodingError(column, "is NULL") }
        return value
    }

    /// An integer column, nil when NULL.
    public func optionalInt(_ column: StaticString) throws(PostgresError) -> Int? {
        guard let bytes = try bytes(column) else { return nil }
        guard let value = Self.integer(bytes) else {
            throw Self.decodingError(column, "holds \(Self.quoted(bytes)), not an integer")
        }
        return value
    }

    /// Decimal digits after an optional sign, as `Int(_:)` reads them from text; nil when that is not
    /// what `bytes` holds or the value does not fit.
    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative || bytes.first == UInt8(ascii: "+") { index = 1 }
        guard index < bytes.count else { return nil }
        // Eighteen digits or fewer cannot overflow: read without checking each step (object ids,
        // attnums and the like, in every row).
        if bytes.count - index <= 18 {
            var value = 0
            while index < bytes.count {
                let digit = Int(bytes[index]) &- 0x30
                guard digit >= 0 && digit <= 9 else { return nil }
                value = value &* 10 &+ digit
                index &+= 1
            }
            return negative ? -value : value
        }
        return wideInteger(bytes)
    }

    /// `integer` of nineteen digits or more, which may not fit: `Int(_:)` itself decides. Kept apart
    /// so that the common case makes no string.
    @inline(never)
    private static func wideInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        Int(String(decoding: bytes, as: UTF8.self))
    }

    /// A floating-point column (float4, float8, numeric) that must not be NULL; accepts `NaN` and `±Infinity`.
    public func double(_ column: StaticString) throws(PostgresError) -> Double {
        let text = try string(column)
        guard let value = Double(text) else { throw Self.decodingError(column, "holds \(Self.quoted(text)), not a number") }
        return value
    }

    /// A one-dimensional array column that must not be NULL and must not hold NULL elements.
    public func stringArray(_ column: StaticString) throws(PostgresError) -> [String] {
        guard let elements = try optionalStringArray(column) else { throw Self.decodingError(column, "is NULL") }
        return elements
    }

    /// A one-dimensional array column without NULL elements, nil when the column is NULL.
    public func optionalStringArray(_ column: StaticString) throws(PostgresError) -> [String]? {
        guard let bytes = try bytes(column) else { return nil }
        let elements: [String?]
        do throws(TextArrayLiteral.Malformed) {
            elements = try TextArrayLiteral.elements(of: bytes)
        } catch {
            throw Self.decodingError(column, "holds a malformed array (\(error.reason)): \(Self.quoted(bytes))")
        }
        var nonNull: [String] = []
        nonNull.reserveCapacity(elements.count)
        for (position, element) in elements.enumerated() {
            guard let element else { throw Self.decodingError(column, "has a NULL element at position \(position + 1)") }
            nonNull.append(element)
        }
        return nonNull
    }

    private static func decodingError(_ column: StaticString, _ problem: String) -> PostgresError {
        PostgresError(kind: .decoding, message: "column \(quoted(column.description)) \(problem)")
    }

    /// A value shown in an error, cut short so a 1 MB function body does not become the message.
    private static func quoted(_ text: String) -> String {
        let limit = 80
        return text.count > limit ? "\"\(text.prefix(limit))…\"" : "\"\(text)\""
    }

    /// `quoted` of a value's bytes.
    private static func quoted(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        quoted(String(decoding: bytes, as: UTF8.self))
    }
}
