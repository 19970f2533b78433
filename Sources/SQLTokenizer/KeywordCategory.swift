/// How PostgreSQL's grammar restricts a keyword's use as a name (kwlist.h's categories).
public enum KeywordCategory: UInt8, Sendable, CaseIterable {
    /// Never a name unless quoted: `select`, `from`, `user`.
    case reserved = 1
    /// Usable as any name: `language`, `name`, `begin`.
    case unreserved
    /// Usable as a column name but not a function or type name: `int`, `values`.
    case columnName
    /// Usable as a function or type name but not a column name: `left`, `join`.
    case typeOrFunctionName
}
