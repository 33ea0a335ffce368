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
        /// Unit of the column's numbers (`pp`, `%`), for the JSON contract; by default read off
        /// the id's suffix (`Column.unit(ofID:)`).
        public let unit: String?
        public init(_ id: String, _ header: String, unit: String? = nil) {
            self.id = id
            self.header = header
            self.unit = unit ?? Column.unit(ofID: id)
        }

        /// The unit a column id names by its suffix: `_pp` percentage points, `_pct` percent,
        /// `_bn_vnd` billion VND; nil otherwise.
        public static func unit(ofID id: String) -> String? {
            if id.hasSuffix("_pp") || id == "pp" { return "pp" }
            if id.hasSuffix("_pct") || id == "pct" { return "%" }
            if id.hasSuffix("_bn_vnd") { return "bn VND" }
            return nil
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
    /// The headline for machines: stable snake_case ids with numbers (JSON `headline`).
    /// When empty, the JSON headline falls back to the display headline under ids made from
    /// its keys (`KeyFigure.id(fromLabel:)`).
    public var figures: [KeyFigure]
    /// What produced the report (tool, schema, command, inputs, run settings): JSON `meta`.
    public var meta: ReportMeta

    public init(title: String, headline: [(key: String, value: Cell)] = [], tables: [ResultTable] = [],
                figures: [KeyFigure] = [], meta: ReportMeta = ReportMeta(command: "")) {
        self.title = title
        self.headline = headline
        self.tables = tables
        self.figures = figures
        self.meta = meta
    }

    public static func == (lhs: Report, rhs: Report) -> Bool {
        lhs.title == rhs.title && lhs.tables == rhs.tables && lhs.figures == rhs.figures && lhs.meta == rhs.meta
            && lhs.headline.map(\.key) == rhs.headline.map(\.key) && lhs.headline.map(\.value) == rhs.headline.map(\.value)
    }

    /// The table with this id, if any.
    public func table(id: String) -> ResultTable? { tables.first { $0.id == id } }
}
