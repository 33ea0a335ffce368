/// A TOML value. Tables and arrays are views into their document (cheap to copy).
public enum TOMLValue: Sendable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    case dateTime(TOMLDateTime)
    case array(TOMLArray)
    case table(TOMLTable)

    init(_ stored: StoredValue, in storage: TOMLStorage) {
        switch stored {
        case let .string(text): self = .string(text)
        case let .integer(number): self = .integer(number)
        case let .float(number): self = .float(number)
        case let .boolean(flag): self = .boolean(flag)
        case let .dateTime(dateTime): self = .dateTime(dateTime)
        case let .array(index): self = .array(TOMLArray(storage: storage, index: index))
        case let .table(index): self = .table(TOMLTable(storage: storage, index: index))
        }
    }

    public var string: String? { if case let .string(text) = self { text } else { nil } }
    public var integer: Int64? { if case let .integer(number) = self { number } else { nil } }
    public var float: Double? { if case let .float(number) = self { number } else { nil } }
    public var boolean: Bool? { if case let .boolean(flag) = self { flag } else { nil } }
    public var dateTime: TOMLDateTime? { if case let .dateTime(value) = self { value } else { nil } }
    public var array: TOMLArray? { if case let .array(array) = self { array } else { nil } }
    public var table: TOMLTable? { if case let .table(table) = self { table } else { nil } }
}

/// A table of a parsed document: its keys in file order, each with its value and the
/// place of its definition.
///
/// - Complexity: lookups by key O(1) on average; `keys` O(1).
public struct TOMLTable: Sendable {
    let storage: TOMLStorage
    let index: Int

    var node: TableNode { storage.tables[index] }

    /// The keys in the order they first appear in the file.
    public var keys: [String] { node.keys }
    public var count: Int { node.keys.count }
    public var isEmpty: Bool { node.keys.isEmpty }

    public subscript(key: String) -> TOMLValue? {
        node.slot(key).map { TOMLValue($0.value, in: storage) }
    }

    public func contains(key: String) -> Bool { node.positions[key] != nil }

    /// Where `key` is first defined: its own position in a `key = value` line, a
    /// `[header]` or a dotted key.
    public func location(of key: String) -> TOMLLocation? { node.slot(key)?.location }
}

/// An array of a parsed document (an inline array or an array of tables).
public struct TOMLArray: Sendable, RandomAccessCollection {
    let storage: TOMLStorage
    let index: Int

    var node: ArrayNode { storage.arrays[index] }

    public var startIndex: Int { 0 }
    public var endIndex: Int { node.elements.count }

    public subscript(position: Int) -> TOMLValue {
        TOMLValue(node.elements[position].value, in: storage)
    }

    /// True for an array of tables (`[[header]]`), false for an inline `[…]` array.
    public var isArrayOfTables: Bool { node.isArrayOfTables }

    /// Where element `position` starts (for an array of tables: its `[[header]]`).
    public func location(at position: Int) -> TOMLLocation { node.elements[position].location }
}
