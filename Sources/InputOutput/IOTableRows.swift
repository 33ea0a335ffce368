import Spreadsheets

/// A table's rows as the input-output parser reads them: the header and each row's
/// label and width first (to classify rows and columns), then a row's numbers on
/// demand, straight into a reused buffer. Two sources: a `TableSheet` (a workbook, or a
/// CSV as text cells) and a `CSVTable` (a CSV file parsed from its bytes, no `String`
/// per cell).
protocol IOTableRows {
    var path: String { get }
    /// The worksheet name, nil for CSV.
    var sheetName: String? { get }
    /// The header row's cells as text.
    var header: [String] { get }
    /// Data rows after the header.
    var rowCount: Int { get }
    func label(_ row: Int) -> String
    func cellCount(_ row: Int) -> Int
    /// Where a cell (0-based) of a data row is; `row` nil for the header, `cell` nil for the whole row.
    func location(row: Int?, cell: Int?) -> CellLocation
    /// Cells `1..<cells` of `row` into `numbers` (see `RowNumbers`).
    func read(row: Int, cells: Int, into numbers: inout RowNumbers)
}

/// One row's numbers: `values[k]` for cell k, 0 for an empty cell, NaN for text that is
/// not a number (its text in `problems`); a non-finite number stays as it is.
struct RowNumbers {
    var values: [Double]
    var problems: [(cell: Int, text: String)] = []

    init(width: Int) { values = [Double](repeating: 0, count: width) }

    /// The text of cell `k` when it is not a number.
    func problem(_ k: Int) -> String? { problems.first { $0.cell == k }?.text }
}

/// A worksheet (or a CSV read into text cells) as rows for the parser.
struct SheetRows: IOTableRows {
    let sheet: TableSheet
    var path: String { sheet.path }
    var sheetName: String? { sheet.sheet }
    var header: [String] { sheet.rows.first?.cells.map(\.text) ?? [] }
    var rowCount: Int { max(sheet.rows.count - 1, 0) }
    func label(_ row: Int) -> String { sheet.rows[row + 1].cells.first?.text ?? "" }
    func cellCount(_ row: Int) -> Int { sheet.rows[row + 1].cells.count }
    func location(row: Int?, cell: Int?) -> CellLocation { sheet.location(row: sheet.rows[(row ?? -1) + 1], cell: cell) }

    func read(row: Int, cells: Int, into numbers: inout RowNumbers) {
        numbers.problems.removeAll(keepingCapacity: true)
        let record = sheet.rows[row + 1]
        for k in 1..<min(cells, record.cells.count) {
            switch sheet.number(record.cells[k]) {
            case .empty: numbers.values[k] = 0
            case let .number(value): numbers.values[k] = value
            case let .notANumber(text):
                numbers.values[k] = .nan
                numbers.problems.append((k, text))
            }
        }
    }
}

/// A CSV file indexed over its bytes as rows for the parser.
struct CSVTableRows: IOTableRows {
    let table: CSVTable
    var path: String { table.path }
    var sheetName: String? { nil }
    var header: [String] { table.header }
    var rowCount: Int { table.rows.count }
    func label(_ row: Int) -> String { table.rows[row].label }
    func cellCount(_ row: Int) -> Int { table.rows[row].cellCount }
    func location(row: Int?, cell: Int?) -> CellLocation { table.location(row: row, cell: cell) }

    func read(row: Int, cells: Int, into numbers: inout RowNumbers) {
        table.numbers(row: row, cells: cells, into: &numbers.values, problems: &numbers.problems)
    }
}
