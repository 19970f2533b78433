/// An object's attributes by name (see `AttributeName`), kept sorted by name.
///
/// Objects carry a dozen attributes at most and there are tens of thousands of objects: a small
/// sorted array is built, compared and written in order without hashing a single name, where a
/// dictionary would hash every name on every insert and lookup. In JSON it is an object whose keys
/// are the names.
public struct Attributes: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// One named value.
    public struct Entry: Hashable, Sendable {
        public let name: String
        public var value: AttributeValue

        /// Equal when the names have the same UTF-8 bytes and the values are equal.
        public static func == (lhs: Entry, rhs: Entry) -> Bool {
            UTF8Bytes.equal(lhs.name, rhs.name) && lhs.value == rhs.value
        }

        public func hash(into hasher: inout Hasher) {
            UTF8Bytes.hash(name, into: &hasher)
            hasher.combine(value)
        }
    }

    /// Equal when both have the same names (by UTF-8 bytes) with equal values.
    public static func == (lhs: Attributes, rhs: Attributes) -> Bool {
        // By index: comparing the arrays would copy each entry on both sides.
        lhs.entries.count == rhs.entries.count && lhs.entries.indices.allSatisfy { index in
            UTF8Bytes.equal(lhs.entries[index].name, rhs.entries[index].name) && lhs.entries[index].value == rhs.entries[index].value
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(entries)
    }

    /// The attributes, sorted by name.
    public private(set) var entries: [Entry] = []

    /// No attributes.
    public init() {}

    /// The attributes `pairs` names; of two with the same name the later one is kept.
    public init(_ pairs: some Sequence<(String, AttributeValue)>) {
        entries.reserveCapacity(pairs.underestimatedCount)
        for (name, value) in pairs { self[name] = value }
    }

    public init(dictionaryLiteral elements: (String, AttributeValue)...) {
        self.init(elements)
    }

    /// The attributes `entries` lists, kept as they are when their names are in order and unique (as
    /// the catalog readers list them, row after row), else sorted as `init(_:)` sorts them. Unlike a
    /// dictionary literal, the list itself becomes the storage: nothing is copied or freed.
    public init(inOrder entries: [Entry]) {
        guard entries.indices.dropFirst().allSatisfy({ entries[$0 - 1].name < entries[$0].name }) else {
            self.init(entries.map { ($0.name, $0.value) })
            return
        }
        self.init()
        self.entries = entries
    }

    /// The value named `name`, or nil; setting nil removes it.
    public subscript(name: String) -> AttributeValue? {
        get {
            switch position(of: name) {
            case .found(let index): entries[index].value
            case .insertionPoint: nil
            }
        }
        set {
            switch (position(of: name), newValue) {
            case (.found(let index), let value?): entries[index].value = value
            case (.found(let index), nil): entries.remove(at: index)
            case (.insertionPoint(let index), let value?) where index == entries.count: entries.append(Entry(name, value))
            case (.insertionPoint(let index), let value?): entries.insert(Entry(name, value), at: index)
            case (.insertionPoint, nil): break
            }
        }
    }

    /// The names, sorted.
    public var names: [String] { entries.map(\.name) }
    /// How many attributes there are.
    public var count: Int { entries.count }
    /// Whether there are none.
    public var isEmpty: Bool { entries.isEmpty }

    public func makeIterator() -> some IteratorProtocol<(name: String, value: AttributeValue)> {
        entries.lazy.map { (name: $0.name, value: $0.value) }.makeIterator()
    }

    private enum Position {
        case found(Int)
        case insertionPoint(Int)
    }

    /// Where `name` is, or where it would go: a binary search by `String` order, then the names that
    /// order alike (canonically equivalent ones, which only their bytes tell apart) one by one.
    private func position(of name: String) -> Position {
        // Names mostly come from the same literals (`AttributeName`), and a name stored alike is the
        // same name: found by two machine words each, before any comparison of text.
        if let index = entries.firstIndex(where: { UTF8Bytes.storedAlike($0.name, name) }) { return .found(index) }
        // Names set in order (as the catalog readers list them) go at the end after one comparison.
        guard let last = entries.last, !(last.name < name) else { return .insertionPoint(entries.count) }
        var low = 0, high = entries.count - 1
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].name < name { low = middle + 1 } else { high = middle }
        }
        var index = low
        while index < entries.count, !(name < entries[index].name) {
            if UTF8Bytes.equal(entries[index].name, name) { return .found(index) }
            index += 1
        }
        return .insertionPoint(low)
    }
}

extension Attributes.Entry {
    /// The value `value` named `name` (by way of the memberwise initializer: see `SchemaObject`).
    public init(_ name: String, _ value: AttributeValue) {
        self.init(name: name, value: value)
    }
}

extension Attributes: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try [String: AttributeValue](from: decoder).map { ($0.key, $0.value) })
    }

    public func encode(to encoder: any Encoder) throws {
        try Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0.value) }).encode(to: encoder)
    }
}
