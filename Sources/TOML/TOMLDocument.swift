/// A parsed TOML 1.0 document (https://toml.io/en/v1.0.0).
///
/// ```swift
/// let document = try TOMLDocument.parse("[levers.tourism]\namount = 12_000\n")
/// let tourism = document.root["levers"]?.table?["tourism"]?.table
/// tourism?["amount"]?.integer            // 12000
/// tourism?.location(of: "amount")?.line  // 2
/// ```
///
/// The parser is a recursive-descent reader of the TOML 1.0 ABNF grammar over the UTF-8
/// bytes, with the specification's table rules (a table is defined once; dotted keys
/// extend only tables they created; inline tables and inline arrays are closed). It never
/// traps on any input: every problem is a `TOMLError` at a line and column.
///
/// - Complexity: O(n) time and memory in the length of the text: one validation pass,
///   one parsing pass, O(1) average work per key (hashing aside), and locations counted
///   incrementally. Arrays and inline tables may nest `maximumNesting` deep; tables made
///   by headers and dotted keys may nest to any depth, without recursion.
public struct TOMLDocument: Sendable {
    /// The root table.
    public let root: TOMLTable

    /// How deep arrays and inline tables may nest inside one value (the parser recurses
    /// once per level; deeper values are an error, not a stack overflow).
    public static let maximumNesting = 128

    /// Parses `text`.
    /// - Throws: `TOMLError` at the first problem found.
    public static func parse(_ text: String) throws(TOMLError) -> TOMLDocument {
        try parse(utf8: Array(text.utf8))
    }

    /// Parses UTF-8 bytes (checked: invalid UTF-8 is a `TOMLError`). A byte-order mark at
    /// the start is skipped.
    public static func parse(utf8 bytes: [UInt8]) throws(TOMLError) -> TOMLDocument {
        var parser = try TOMLParser(bytes: bytes)
        try parser.parseDocument()
        let storage = TOMLStorage(tables: parser.tables, arrays: parser.arrays)
        return TOMLDocument(root: TOMLTable(storage: storage, index: 0))
    }
}
