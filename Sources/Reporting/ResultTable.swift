/// One cell of a result table: text, or a number with the decimals to show it with in
/// human-readable formats (CSV and JSON carry the full value).
public enum Cell: Sendable, Equatable {
    case text(String)
    case number(Double, decimals: Int)
    case empty

    public static func value(_ value: Double?, _ decimals: Int) -> Cell {
        value.map { .number($0, decimals: decimals) } ?? .empty
    }
}

/// A titled table of results with typed cells; renderers turn it into aligned text,
/// CSV, JSON or Markdown. The economics builds these; it never prints.
public struct ResultTable: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        /// Machine name (CSV header, JSON key), e.g. `contribution_pp`.
        public let id: String
        /// Human header, e.g. `Contribution (pp)`.
        public let header: String
        public init(_ id: String, _ header: String) {
            self.id = id
            self.header = header
        }
    }

    public let id: String
    public let title: String
    public let columns: [Column]
    public private(set) var rows: [[Cell]]
    public var notes: [String]

    public init(id: String, title: String, columns: [Column], rows: [[Cell]] = [], notes: [String] = []) {
        self.id = id
        self.title = title
        self.columns = columns
        self.rows = []
        self.notes = notes
        for row in rows { append(row) }
    }

    /// Appends a row, padding or truncating it to the column count.
    public mutating func append(_ row: [Cell]) {
        var cells = Array(row.prefix(columns.count))
        while cells.count < columns.count { cells.append(.empty) }
        rows.append(cells)
    }
}

/// A document: a headline block of key–value lines, then tables.
public struct Report: Sendable, Equatable {
    public var title: String
    /// Ordered key–value pairs shown first (e.g. "P(GRDP ≥ 8%)" → "63.2%").
    public var headline: [(key: String, value: Cell)]
    public var tables: [ResultTable]

    public init(title: String, headline: [(key: String, value: Cell)] = [], tables: [ResultTable] = []) {
        self.title = title
        self.headline = headline
        self.tables = tables
    }

    public static func == (lhs: Report, rhs: Report) -> Bool {
        lhs.title == rhs.title && lhs.tables == rhs.tables
            && lhs.headline.map(\.key) == rhs.headline.map(\.key) && lhs.headline.map(\.value) == rhs.headline.map(\.value)
    }
}
