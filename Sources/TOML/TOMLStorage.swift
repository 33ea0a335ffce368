/// The parsed document, flat: every table and every array is a node in one of two
/// arrays, and containers refer to their children by index.
///
/// A flat store keeps building, reading and freeing a document iterative: a header of
/// 100,000 dotted keys makes 100,000 nested tables but no recursion, so no stack
/// overflow when it is built or released. Immutable once parsed (hence `Sendable`).
final class TOMLStorage: Sendable {
    let tables: [TableNode]
    let arrays: [ArrayNode]

    init(tables: [TableNode], arrays: [ArrayNode]) {
        self.tables = tables
        self.arrays = arrays
    }
}

/// A value as stored: scalars inline, containers by node index.
enum StoredValue: Sendable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    case dateTime(TOMLDateTime)
    case array(Int)
    case table(Int)
}

/// A value and the place where it was defined (its key, or for an array element the
/// element's first character).
struct Slot: Sendable {
    var value: StoredValue
    var location: TOMLLocation
    /// Which document the slot was read from, when documents are merged
    /// (`TOMLDocument.marked(source:)`, `merging(_:)`); 0 for a single parsed document.
    var source: Int = 0
}

/// A table: keys in file order, each with its slot.
struct TableNode: Sendable {
    /// How the table came to exist; TOML's redefinition rules depend on it.
    enum Origin: Sendable {
        /// Created as a parent by a header (`a` in `[a.b]`): may still be defined by a header.
        case implicit
        /// Defined by a `[header]` or `[[header]]` (or the root table).
        case header
        /// Created by a dotted key (`a` in `a.b = 1`): dotted keys may extend it, headers not.
        case dotted
        /// An inline table: complete once closed.
        case inline
    }

    var origin: Origin
    var keys: [String] = []
    var slots: [Slot] = []
    var positions: [String: Int] = [:]

    init(origin: Origin) { self.origin = origin }

    func slot(_ key: String) -> Slot? {
        positions[key].map { slots[$0] }
    }
}

/// An array: an inline `[…]` value or an array of tables (`[[header]]`).
struct ArrayNode: Sendable {
    var isArrayOfTables: Bool
    var elements: [Slot]
}
