/// The columns of an accounts CSV file (header names, case-insensitive; spaces and
/// hyphens read as `_`). Only `sector` and `base_value` are required.
enum AccountsColumn: String, CaseIterable, Sendable {
    case sector, group
    case baseValue = "base_value"
    case target, growth
    case q1, q2, q3, q4
    case baseQ1 = "base_q1", baseQ2 = "base_q2", baseQ3 = "base_q3", baseQ4 = "base_q4"

    /// Quarterly growth column of 0-based quarter `q`.
    static func quarter(_ q: Int) -> AccountsColumn { [.q1, .q2, .q3, .q4][min(max(q, 0), 3)] }
    /// Base-year quarterly value column of 0-based quarter `q`.
    static func baseQuarter(_ q: Int) -> AccountsColumn { [.baseQ1, .baseQ2, .baseQ3, .baseQ4][min(max(q, 0), 3)] }

    /// Reads a header cell: lower case, spaces and hyphens as `_`.
    init?(header: String) {
        let key = AccountsColumn.normalise(header)
        self.init(rawValue: key)
    }

    static func normalise(_ text: String) -> String {
        String(text.lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
    }
}

/// Where each sector line and column came from, so that validation errors can name
/// `path:line:column`.
struct AccountsSourceMap: Sendable {
    let path: String
    let headerLine: Int
    /// Physical line of each sector row, in sector order.
    let sectorLines: [Int]
    /// 1-based column number of each column present in the header.
    let columnNumbers: [AccountsColumn: Int]
    /// Line of each metadata key (canonical name).
    let metadataLines: [String: Int]
    /// The worksheet, nil for CSV.
    var sheet: String? = nil

    var headerLocation: FileLocation { FileLocation(path: path, line: headerLine, sheet: sheet) }

    func location(sector index: Int, column: AccountsColumn) -> FileLocation {
        let line = index < sectorLines.count ? sectorLines[index] : headerLine
        return FileLocation(path: path, line: line, column: columnNumbers[column], sheet: sheet)
    }

    func columnLocation(_ column: AccountsColumn) -> FileLocation {
        FileLocation(path: path, line: headerLine, column: columnNumbers[column], sheet: sheet)
    }

    func metadataLocation(_ key: String) -> FileLocation? {
        metadataLines[key].map { FileLocation(path: path, line: $0, sheet: sheet) }
    }
}
