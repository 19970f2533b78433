import CLibPQ

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// All rows of one statement's result, every value in PostgreSQL's text format.
public struct QueryResult: Sendable, RandomAccessCollection {
    /// The result's column names, in order.
    public var columnNames: [String] { storage.columnNames }
    /// The rows, in the order the server sent them.
    public let rows: [Row]

    private let storage: ResultStorage

    /// A result built from values in hand, e.g. to test code that reads rows without a database.
    /// Each inner array is one row and must have one value per column.
    public init(columnNames: [String], values: [[String?]]) {
        precondition(values.allSatisfy { $0.count == columnNames.count }, "each row needs one value per column")
        self.init(storage: ResultStorage(columnNames: columnNames, values: values.flatMap { $0 }))
    }

    init(storage: ResultStorage) {
        self.storage = storage
        rows = (0..<storage.rowCount).map { Row(storage: storage, row: $0) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.rowCount }

    /// The row at `position`, counting from 0.
    public subscript(position: Int) -> Row { rows[position] }
}

/// The values of a result, shared by the result and its rows: libpq's own result, each value read
/// where it is when a row asks for it (no copy of the whole result is made first), or values given
/// in hand.
final class ResultStorage: @unchecked Sendable {
    // Sendable: nothing here changes after `init`, and libpq lets any thread read a `PGresult`.
    private enum Values {
        case libpq(OpaquePointer)
        case inHand([String?])
    }

    let columnNames: [String]
    /// The names' UTF-8 bytes one after another, and where each name's bytes are: lookups compare
    /// lengths, then bytes, without touching a `String` or an array per column.
    private let nameBytes: [UInt8]
    private let nameRanges: [Range<Int>]
    /// The first column whose name has each length, first byte and last byte (hashed into
    /// `slotCount` slots), or `unusedSlot`: a lookup compares one name, not every name in turn.
    /// Names that share a slot are told apart by scanning.
    private let slots: [Int32]
    private static let slotCount = 64
    private static let unusedSlot: Int32 = -1
    private static let sharedSlot: Int32 = -2
    private let values: Values
    let rowCount: Int

    /// The values of `result`, which this storage owns and frees.
    convenience init(_ result: OpaquePointer) {
        self.init(columnNames: (0..<PQnfields(result)).map { String(cString: PQfname(result, $0)) },
                  values: .libpq(result), rowCount: Int(PQntuples(result)))
    }

    /// Values in hand, row after row.
    convenience init(columnNames: [String], values: [String?]) {
        self.init(columnNames: columnNames, values: .inHand(values), rowCount: columnNames.isEmpty ? 0 : values.count / columnNames.count)
    }

    private init(columnNames: [String], values: Values, rowCount: Int) {
        self.columnNames = columnNames
        var nameBytes: [UInt8] = []
        var nameRanges: [Range<Int>] = []
        for name in columnNames {
            nameRanges.append(nameBytes.count..<(nameBytes.count + name.utf8.count))
            nameBytes.append(contentsOf: name.utf8)
        }
        var slots = [Int32](repeating: Self.unusedSlot, count: Self.slotCount)
        nameBytes.withUnsafeBufferPointer { stored in
            for (position, range) in nameRanges.enumerated() {
                let name = UnsafeBufferPointer(rebasing: stored[range])
                let slot = Self.slot(of: name)
                switch slots[slot] {
                case Self.unusedSlot: slots[slot] = Int32(position)
                case Self.sharedSlot: break
                // A repeated name keeps its first column.
                case let earlier: if !Self.equal(name, UnsafeBufferPointer(rebasing: stored[nameRanges[Int(earlier)]])) { slots[slot] = Self.sharedSlot }
                }
            }
        }
        self.nameBytes = nameBytes
        self.nameRanges = nameRanges
        self.slots = slots
        self.values = values
        self.rowCount = rowCount
    }

    @inline(__always)
    private static func slot(of name: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = name.first, let last = name.last else { return 0 }
        return (name.count &* 31 &+ Int(first) &* 7 &+ Int(last)) & (slotCount - 1)
    }

    @inline(__always)
    private static func equal(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        left.count == right.count && (left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
    }

    deinit {
        if case .libpq(let result) = values { PQclear(result) }
    }

    /// The bytes of a value where libpq holds them (valid while `result` is), nil for NULL; libpq
    /// gives the length, so the value is not scanned for its end.
    @inline(__always)
    private static func bytes(of result: OpaquePointer, row: Int, column: Int) -> UnsafeBufferPointer<UInt8>? {
        let row = Int32(row), column = Int32(column)
        guard PQgetisnull(result, row, column) == 0, let value = PQgetvalue(result, row, column) else { return nil }
        return UnsafeBufferPointer(start: UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self),
                                   count: Int(PQgetlength(result, row, column)))
    }

    /// Calls `body` with the UTF-8 bytes of the value in `row` and `column` (nil for NULL), where they
    /// are: for values read as bytes (numbers, flags) without making a `String` first.
    @inline(__always)
    func withValueBytes<Value>(row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>?) throws(PostgresError) -> Value)
        throws(PostgresError) -> Value {
        switch values {
        case .libpq(let result):
            guard let bytes = Self.bytes(of: result, row: row, column: column) else { return try body(nil) }
            return try body(bytes)
        case .inHand(let values):
            guard var value = values[row * columnNames.count + column] else { return try body(nil) }
            // `withUTF8` rethrows untyped errors: the typed one is carried out in a `Result`.
            let outcome = value.withUTF8 { bytes in Result { () throws(PostgresError) in try body(bytes) } }
            return try outcome.get()
        }
    }

    /// The value in `row` and `column`, nil for NULL.
    func value(row: Int, column: Int) -> String? {
        switch values {
        case .libpq(let result):
            return Self.bytes(of: result, row: row, column: column).map { String(decoding: $0, as: UTF8.self) }
        case .inHand(let values):
            return values[row * columnNames.count + column]
        }
    }

    /// The position of the column whose name's UTF-8 is `name`; with duplicate names
    /// (`SELECT 1 AS a, 2 AS a`) the first column wins, as in most drivers. Names are compared as
    /// PostgreSQL does, byte for byte.
    @inline(__always)
    func columnPosition(_ name: UnsafeBufferPointer<UInt8>) -> Int? {
        nameBytes.withUnsafeBufferPointer { stored in
            switch slots[Self.slot(of: name)] {
            case Self.unusedSlot:
                return nil
            case Self.sharedSlot:
                return nameRanges.firstIndex { Self.equal(name, UnsafeBufferPointer(rebasing: stored[$0])) }
            case let position:
                return Self.equal(name, UnsafeBufferPointer(rebasing: stored[nameRanges[Int(position)]])) ? Int(position) : nil
            }
        }
    }
}
