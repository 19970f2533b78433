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

    private let storage: ResultStorage

    /// A result built from values in hand, e.g. to test code that reads rows without a database.
    /// Each inner array is one row and must have one value per column.
    public init(columnNames: [String], values: [[String?]]) {
        precondition(values.allSatisfy { $0.count == columnNames.count }, "each row needs one value per column")
        self.init(storage: ResultStorage(columnNames: columnNames, values: values.flatMap { $0 }))
    }

    init(storage: ResultStorage) {
        self.storage = storage
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.rowCount }

    /// The row at `position`, counting from 0.
    public subscript(position: Int) -> Row {
        precondition(indices.contains(position), "row \(position) of \(count)")
        return Row(row: position, positions: ColumnPositions(storage))
    }

    /// The rows in order, sharing what they learn of where their columns are: a loop over a result
    /// looks up each column name it uses once, not once per row.
    public func makeIterator() -> Iterator {
        Iterator(storage: storage)
    }

    /// Iterates over the rows of a result.
    public struct Iterator: IteratorProtocol {
        private let positions: ColumnPositions
        private var nextRow = 0

        init(storage: ResultStorage) {
            positions = ColumnPositions(storage)
        }

        public mutating func next() -> Row? {
            guard nextRow < positions.storage.rowCount else { return nil }
            defer { nextRow += 1 }
            positions.startRow()
            return Row(row: nextRow, positions: positions)
        }
    }
}

/// The positions of the columns that the rows of one loop have asked for, by the address of the
/// string literal naming each: a literal's bytes stay where the program keeps them, so an address
/// seen before names the same column.
///
/// The rows of a loop mostly ask for the same columns in the same order, so each row's n-th request
/// is checked against the n-th request of the row before (one comparison of addresses); only when
/// that misses is the name looked up in the result.
///
/// Not `Sendable`: rows of one loop share it, on the thread that runs the loop.
final class ColumnPositions {
    private static let capacity = 64
    /// The result whose columns these are.
    let storage: ResultStorage
    /// The requests of the latest row, in order: the name's address and its column's position.
    private let addresses = UnsafeMutablePointer<UnsafeRawPointer?>.allocate(capacity: capacity)
    private let positions = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
    /// How many requests the current row has made.
    private var request = 0

    init(_ storage: ResultStorage) {
        self.storage = storage
        addresses.initialize(repeating: nil, count: Self.capacity)
        positions.initialize(repeating: 0, count: Self.capacity)
    }

    deinit {
        addresses.deallocate()
        positions.deallocate()
    }

    /// Called as the loop moves to its next row.
    func startRow() {
        request = 0
    }

    /// The position of the column `name` names, or nil when the result has none of that name.
    @inline(__always)
    func position(of name: StaticString) -> Int? {
        let request = request
        guard name.hasPointerRepresentation, request < Self.capacity else { return lookUp(name) }
        let address = UnsafeRawPointer(name.utf8Start)
        self.request = request + 1
        if addresses[request] == address { return positions[request] }
        guard let position = lookUp(name) else { return nil }
        addresses[request] = address
        positions[request] = position
        return position
    }

    /// The position of the column `name` names, found among the result's column names.
    private func lookUp(_ name: StaticString) -> Int? {
        name.withUTF8Buffer { storage.columnPosition($0) }
    }
}

/// The values of a result, shared by the result and its rows: libpq's own result, each value read
/// where it is when a row asks for it (no copy of the whole result is made first), or values given
/// in hand.
final class ResultStorage: @unchecked Sendable {
    // Sendable: nothing here changes after `init`, and libpq lets any thread read a `PGresult`.
    private enum Values {
        case libpq(OpaquePointer)
        /// Values in hand: their UTF-8 one after another in storage this one owns, and each value's
        /// range, row after row (nil for NULL).
        case inHand(bytes: UnsafeMutableBufferPointer<UInt8>, ranges: [Range<Int>?])
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
        var ranges: [Range<Int>?] = []
        var total = 0
        for value in values {
            ranges.append(value.map { total..<(total + $0.utf8.count) })
            total += value?.utf8.count ?? 0
        }
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(total, 1))
        for case let (value?, range?) in zip(values, ranges) {
            _ = UnsafeMutableBufferPointer(rebasing: bytes[range]).initialize(from: value.utf8)
        }
        self.init(columnNames: columnNames, values: .inHand(bytes: bytes, ranges: ranges),
                  rowCount: columnNames.isEmpty ? 0 : values.count / columnNames.count)
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
        switch values {
        case .libpq(let result): PQclear(result)
        case .inHand(let bytes, _): bytes.deallocate()
        }
    }

    /// The bytes of a value where libpq holds them (valid while `result` is), nil for NULL; libpq
    /// gives the length, so the value is not scanned for its end. libpq holds a NULL as an empty
    /// value, so only an empty value needs asking which of the two it is.
    @inline(__always)
    private static func bytes(of result: OpaquePointer, row: Int, column: Int) -> UnsafeBufferPointer<UInt8>? {
        let row = Int32(row), column = Int32(column)
        guard let value = PQgetvalue(result, row, column) else { return nil }
        let length = Int(PQgetlength(result, row, column))
        if length == 0 && PQgetisnull(result, row, column) != 0 { return nil }
        return UnsafeBufferPointer(start: UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self), count: length)
    }

    /// The UTF-8 bytes of the value in `row` and `column` where they are (libpq's result, or the
    /// values in hand), valid as long as this storage is; nil for NULL. Numbers and flags are read
    /// from them without making a `String` first.
    @inline(__always)
    func bytes(row: Int, column: Int) -> UnsafeBufferPointer<UInt8>? {
        switch values {
        case .libpq(let result):
            return Self.bytes(of: result, row: row, column: column)
        case .inHand(let bytes, let ranges):
            return ranges[row * columnNames.count + column].map { UnsafeBufferPointer(rebasing: bytes[$0]) }
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
