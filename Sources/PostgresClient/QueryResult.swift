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

/// The values of a result, row after row in one array, shared by the result and its rows.
final class ResultStorage: Sendable {
    let columnNames: [String]
    /// The names' UTF-8 bytes one after another, and where each name's bytes are: lookups compare
    /// lengths, then bytes, without touching a `String` or an array per column.
    private let nameBytes: [UInt8]
    private let nameRanges: [Range<Int>]
    let values: [String?]
    let rowCount: Int

    init(columnNames: [String], values: [String?]) {
        self.columnNames = columnNames
        var nameBytes: [UInt8] = []
        var nameRanges: [Range<Int>] = []
        for name in columnNames {
            nameRanges.append(nameBytes.count..<(nameBytes.count + name.utf8.count))
            nameBytes.append(contentsOf: name.utf8)
        }
        self.nameBytes = nameBytes
        self.nameRanges = nameRanges
        self.values = values
        self.rowCount = columnNames.isEmpty ? 0 : values.count / columnNames.count
    }

    /// The position of the column named `name`; with duplicate names (`SELECT 1 AS a, 2 AS a`) the
    /// first column wins, as in most drivers. A scan of bytes, not a hash: results have a few dozen
    /// columns at most, whose short names compare faster than they hash. (Names are compared as
    /// PostgreSQL does, byte for byte.)
    func columnPosition(_ name: String) -> Int? {
        var name = name
        return name.withUTF8 { wanted in
            nameBytes.withUnsafeBufferPointer { stored in
                nameRanges.withUnsafeBufferPointer { ranges in
                    for (position, range) in ranges.enumerated() where range.count == wanted.count {
                        if wanted.isEmpty || memcmp(stored.baseAddress! + range.lowerBound, wanted.baseAddress!, wanted.count) == 0 {
                            return position
                        }
                    }
                    return nil
                }
            }
        }
    }
}
