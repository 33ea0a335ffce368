/// One cell of a table as its source holds it: text (every CSV cell; shared and inline
/// strings of a workbook) or a number (a workbook's numeric cell, or a formula's cached
/// numeric value). An empty cell is `.text("")`.
public enum SheetCell: Sendable, Equatable {
    case text(String)
    case number(Double)

    /// The cell as text: numbers in Swift's shortest form that reads back to the same `Double`.
    public var text: String {
        switch self {
        case let .text(text): text
        case let .number(value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
        }
    }

    public var isEmpty: Bool { self == .text("") }
}

/// One data row: its CSV line or sheet row number, and its cells from the table's first column.
public struct SheetRow: Sendable, Equatable {
    public let number: Int
    public let cells: [SheetCell]
    public init(number: Int, cells: [SheetCell]) {
        self.number = number
        self.cells = cells
    }
}

/// A comment line (`# text`) with its line or row number; `text` is without the `#`.
public struct SheetComment: Sendable, Equatable {
    public let number: Int
    public let text: String
    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }
}

/// A table as rows of cells, whatever it was read from — a CSV file in any dialect or a
/// worksheet of an Excel workbook — so that the input-output table and accounts parsers
/// do not care where the rows come from. Blank rows are dropped; rows whose first
/// non-empty cell starts with `#` are `comments`; every cell can be located in the
/// source for an error message (`location(row:cell:)`).
public struct TableSheet: Sendable, Equatable {
    /// The file, as the user named it.
    public let path: String
    /// The worksheet name; nil for CSV.
    public let sheet: String?
    /// The source column (1-based) of `cells[0]`: 1 for CSV, the leftmost used column of a sheet.
    public let firstColumn: Int
    /// The decimal mark of numbers written as text: `.` or `,` (CSV written in a
    /// decimal-comma locale).
    public let decimalMark: Character
    public let comments: [SheetComment]
    public let rows: [SheetRow]
    /// The source column (1-based) of each cell index when the cells are not the
    /// source's columns in order (a region extracted from a multi-region table); nil otherwise.
    public let sourceColumns: [Int]?

    public init(path: String, sheet: String? = nil, firstColumn: Int = 1, decimalMark: Character = ".",
                comments: [SheetComment] = [], rows: [SheetRow], sourceColumns: [Int]? = nil) {
        self.sourceColumns = sourceColumns
        self.path = path
        self.sheet = sheet
        self.firstColumn = firstColumn
        self.decimalMark = decimalMark
        self.comments = comments
        self.rows = rows
    }

    /// Where cell `cell` (0-based index into the row's cells) of row `row` is; nil `cell` for the whole row.
    public func location(row: SheetRow, cell: Int? = nil) -> CellLocation {
        CellLocation(path: path, sheet: sheet, row: row.number, column: cell.map { k in
            if let sourceColumns, sourceColumns.indices.contains(k) { return sourceColumns[k] }
            return k + firstColumn
        })
    }

    /// The number a cell holds, nil when it is empty, `.failure` text when it is not a number.
    /// Text cells are read in the sheet's decimal mark (`NumberText.parse`).
    public func number(_ cell: SheetCell) -> NumberReading {
        switch cell {
        case let .number(value): return .number(value)
        case let .text(text):
            if text.isEmpty { return .empty }
            guard let value = NumberText.parse(text, decimalMark: decimalMark) else { return .notANumber(text) }
            return .number(value)
        }
    }

    /// Other rows in the same source, whose cell `k` came from source column `sourceColumns[k]`
    /// (e.g. a region extracted from a multi-region table).
    public func replacingRows(_ rows: [SheetRow], sourceColumns: [Int]) -> TableSheet {
        TableSheet(path: path, sheet: sheet, firstColumn: firstColumn, decimalMark: decimalMark, comments: comments,
                   rows: rows, sourceColumns: sourceColumns)
    }
}

/// The outcome of reading a cell as a number.
public enum NumberReading: Sendable, Equatable {
    case empty
    case number(Double)
    case notANumber(String)
}

/// Numbers written as text in a CSV cell.
public enum NumberText {
    /// Parses `text` with decimal mark `.` (Swift's `Double(_:)`: `1234.5`, `-1e6`, `nan`, `inf`)
    /// or `,`. With a decimal comma (`-0,25`, `1,5e-3`), digits before it may be grouped
    /// in threes by `.`, a space or a no-break space, as spreadsheets in such locales
    /// write them: `1.234.567,5`, `1 234,5`. Anything else is nil.
    /// - Complexity: O(length).
    public static func parse(_ text: String, decimalMark: Character) -> Double? {
        if decimalMark == "." { return Double(text) }
        let groupMarks: Set<Character> = [".", " ", "\u{00A0}", "\u{202F}"]
        var body = Substring(text)
        var sign = ""
        if let first = body.first, first == "-" || first == "+" { sign = String(first); body = body.dropFirst() }
        let parts = body.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
        guard let integer = parts.first, !integer.isEmpty else { return nil }
        var digits = String(integer)
        if integer.contains(where: { groupMarks.contains($0) }) {
            let groups = integer.split(omittingEmptySubsequences: false) { groupMarks.contains($0) }
            guard let head = groups.first, (1...3).contains(head.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }),
                  groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
            digits = groups.joined()
        }
        guard digits.first?.isASCIIDigit == true || Double(digits) != nil else { return nil }  // nan, inf
        if parts.count == 2 {
            let fraction = parts[1]
            guard let first = fraction.first, first.isASCIIDigit, digits.last?.isASCIIDigit == true,
                  !fraction.contains(",") else { return nil }
            return Double(sign + digits + "." + fraction)
        }
        return Double(sign + digits)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
