import Spreadsheets

/// A side file of values by sector: `sector,value[,value...]` lines (an optional header line),
/// one line per sector of the table, in any order and any CSV dialect (`;` or tab, decimal
/// commas, a byte-order mark, CRLF). Regional sector sizes (`sector,size`) and rebalancing
/// targets (`sector,row_total,column_total`) are such files.
public enum SectorValueFile {
    /// The values of `path`, one row of `columns` numbers per sector of `sectors`, in that order.
    /// - Throws: `unreadableFile`, or `invalidSectorValues` naming the file and line: a line
    ///   with the wrong number of cells, a non-numeric value (the first line may be a header),
    ///   an unknown sector, a sector twice, a sector missing.
    /// - Complexity: O(lines · (columns + sectors)).
    public static func load(path: String, sectors: [String], columns: Int) throws(InputOutputError) -> [[Double]] {
        let text: String
        switch InputFileText.read(path) {
        case let .success(contents): text = contents
        case let .failure(problem): throw .unreadableFile(path: path, reason: problem.description)
        }
        return try parse(text, path: path, sectors: sectors, columns: columns)
    }

    /// `load` on text already read; `path` names it in errors.
    public static func parse(_ text: String, path: String, sectors: [String], columns: Int) throws(InputOutputError) -> [[Double]] {
        var values: [String: [Double]] = [:]
        let sheet = CSVDialect.automatic.sheet(text, path: path)
        let records = sheet.rows.map { CSVRecord(line: $0.number, fields: $0.cells.map(\.text)) }
        for record in records {
            guard record.fields.count == columns + 1 else {
                throw .invalidSectorValues(path: path, line: record.line, reason: "expected \(columns + 1) cells (sector and \(columns) value(s)), found \(record.fields.count)")
            }
            let numbers = record.fields.dropFirst().map { NumberText.parse($0, decimalMark: sheet.decimalMark) }
            if numbers.contains(where: { $0 == nil }) {
                if record.line == records.first?.line { continue }  // header line
                throw .invalidSectorValues(path: path, line: record.line, reason: "'\(record.fields.dropFirst().joined(separator: ","))' is not numeric")
            }
            let sector = record.fields[0]
            guard sectors.contains(sector) else {
                throw .invalidSectorValues(path: path, line: record.line, reason: "unknown sector '\(sector)'; the table's sectors are \(sectors.joined(separator: ", "))")
            }
            guard values[sector] == nil else { throw .invalidSectorValues(path: path, line: record.line, reason: "sector '\(sector)' appears twice") }
            values[sector] = numbers.compactMap { $0 }
        }
        var rows: [[Double]] = []
        for sector in sectors {
            guard let row = values[sector] else {
                throw .invalidSectorValues(path: path, line: nil, reason: "no line for sector '\(sector)'; give one line per sector")
            }
            rows.append(row)
        }
        return rows
    }
}
