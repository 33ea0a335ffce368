import Foundation
import InputOutput
import Spreadsheets

/// Reading and writing GRDP accounts as CSV, for Hanoi or any other region:
///
/// ```
/// # region: Hanoi
/// # base_year: 2024
/// # year: 2025
/// # unit: % of GRDP (current prices)
/// # grdp_target: 8
/// # source: Thong ke TP Ha Noi (free-text comment lines are kept as notes)
/// sector,group,base_value,target,growth,q1,q2,q3
/// agriculture,agriculture,1.909,3.1,,3.34,3.18,3.89
/// services,services,65.6,8.6,,8.58,8.80,8.83
/// product_taxes,taxes,9.701,5.7,,,,
/// ```
///
/// Header names are case-insensitive, in any order; only `sector` and `base_value` are
/// required. The other columns are `group, target, growth` (% per year), `q1..q4`
/// (year-on-year growth of the quarters so far: a prefix Q1..Qk, no gaps) and
/// `base_q1..base_q4` (base-year quarterly values: all four or none). Empty cells are
/// "not given". Leading comment lines `# key: value` set `region`, `base_year`, `year`
/// (also `plan_year`, `analysis_year`), `unit` and `grdp_target`; other leading comment
/// lines are kept as `notes`; comments after the header are ignored.
extension GRDPAccounts {
    /// Calendar years the accounts may be for (base year and analysis year).
    static let plausibleYears = 1900...2200

    /// A metadata year must lie in `plausibleYears`.
    static func checkPlausible(_ year: Int, key: String, value: String, at location: FileLocation?) throws(GrowthError) {
        guard plausibleYears.contains(year) else {
            throw .invalidMetadata(at: location, key: key, value: value,
                                   reason: "is outside \(plausibleYears.lowerBound) … \(plausibleYears.upperBound); write the calendar year, e.g. 2024")
        }
    }

    /// The analysis year must come after the base year.
    static func checkYearOrder(base: Int?, year: Int?, at location: FileLocation?) throws(GrowthError) {
        guard let base, let year, base >= year else { return }
        throw .invalidMetadata(at: location, key: "year", value: String(year),
                               reason: "is not after base_year \(base); growth is measured from the base year to a later year")
    }
    static let metadataAliases: [String: String] = [
        "region": "region", "base_year": "base_year", "year": "year", "plan_year": "year",
        "analysis_year": "year", "unit": "unit", "grdp_target": "grdp_target",
    ]

    /// Reads accounts from a file: CSV in any dialect (`options.dialect`) or a worksheet
    /// of an .xlsx workbook (`options.sheet`, default the first). See `init(sheet:)`.
    public static func load(path: String, options: TableFile.Options = .init()) throws(GrowthError) -> GRDPAccounts {
        let sheet: TableSheet
        do {
            sheet = try TableFile.read(path: path, options: options)
        } catch {
            if case let .unreadableFile(path, reason) = error { throw .unreadableFile(path: path, reason: reason) }
            throw .spreadsheet(error)
        }
        return try GRDPAccounts(sheet: sheet)
    }

    /// Parses accounts from CSV text (separator and decimal mark detected); `path` names
    /// the source in error messages, which point at `path:line:column`.
    public init(csv text: String, path: String) throws(GrowthError) {
        try self.init(sheet: CSVDialect.automatic.sheet(text, path: path))
    }

    /// Parses accounts from rows of cells (a CSV file or a worksheet); errors point at
    /// `path:line:column`, or `path:Sheet!C5` for a workbook.
    /// - Throws: `GrowthError` for a missing required column, an unknown or duplicate
    ///   column, a ragged row, an empty required cell, a non-numeric or non-finite cell,
    ///   bad metadata, a duplicate sector, a negative base value, a non-positive total,
    ///   no sectors, gaps in the quarterly growth or an incomplete set of base quarters.
    /// - Complexity: O(cells).
    public init(sheet: TableSheet) throws(GrowthError) {
        let path = sheet.path
        func at(_ line: Int, column: Int? = nil) -> FileLocation {
            FileLocation(path: path, line: line, column: column, sheet: sheet.sheet)
        }
        // MARK: Metadata and notes: the comment lines before the header
        var metadata: [String: String] = [:]
        var metadataLines: [String: Int] = [:]
        var notes: [String] = []
        let headerNumber = sheet.rows.first?.number ?? Int.max
        for comment in sheet.comments where comment.number < headerNumber {
            let body = comment.text
            if let (key, value) = Self.metadataEntry(body) {
                if let first = metadataLines[key] {
                    throw .invalidMetadata(at: at(comment.number), key: key, value: value,
                                           reason: "is given twice (first on line \(first)); keep one line")
                }
                metadata[key] = value
                metadataLines[key] = comment.number
            } else {
                notes.append(body)
            }
        }
        func year(_ key: String) throws(GrowthError) -> Int? {
            guard let value = metadata[key] else { return nil }
            guard let year = Int(value) else {
                throw .invalidMetadata(at: metadataLines[key].map { at($0) }, key: key, value: value,
                                       reason: "is not a whole year; write e.g. 2024")
            }
            try Self.checkPlausible(year, key: key, value: value, at: metadataLines[key].map { at($0) })
            return year
        }
        let baseYear = try year("base_year")
        let analysisYear = try year("year")
        try Self.checkYearOrder(base: baseYear, year: analysisYear, at: metadataLines["year"].map { at($0) })
        var grdpTarget: Double?
        if let value = metadata["grdp_target"] {
            guard let target = NumberText.parse(value, decimalMark: sheet.decimalMark) ?? Double(value), target.isFinite else {
                throw .invalidMetadata(at: metadataLines["grdp_target"].map { at($0) },
                                       key: "grdp_target", value: value, reason: "is not a finite number; give the target in %, e.g. 8.0")
            }
            grdpTarget = target
        }

        // MARK: Header
        let records = sheet.rows.map { CSVRecord(line: $0.number, fields: $0.cells.map(\.text)) }
        guard let header = records.first else {
            throw .noSectors(at: at((sheet.comments.last?.number ?? 0) + 1))
        }
        var columnNumbers: [AccountsColumn: Int] = [:]
        for (k, name) in header.fields.enumerated() {
            let location = at(header.line, column: k + sheet.firstColumn)
            guard let column = AccountsColumn(header: name) else { throw .unknownColumn(at: location, column: name) }
            guard columnNumbers[column] == nil else { throw .duplicateColumn(at: location, column: name) }
            columnNumbers[column] = k + 1  // 1-based index into the row's cells
        }
        for required in [AccountsColumn.sector, .baseValue] where columnNumbers[required] == nil {
            throw .missingColumn(at: at(header.line), column: required.rawValue)
        }

        // MARK: Rows
        var sectors: [SectorAccount] = []
        var sectorLines: [Int] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                throw .raggedRow(at: at(record.line), expected: header.fields.count, actual: record.fields.count)
            }
            let row = AccountsRow(record: record, sheet: sheet, columnNumbers: columnNumbers)
            let name = row.text(.sector) ?? ""
            guard !name.isEmpty else { throw .emptyCell(at: row.location(.sector), column: "sector", sector: "") }
            guard let baseValue = try row.number(.baseValue, sector: name) else {
                throw .emptyCell(at: row.location(.baseValue), column: AccountsColumn.baseValue.rawValue, sector: name)
            }
            var quarters: [Double?] = []
            for q in 0..<4 { quarters.append(try row.number(.quarter(q), sector: name)) }
            let observed = quarters.prefix { $0 != nil }.count
            if let later = quarters[observed...].firstIndex(where: { $0 != nil }), let value = quarters[later] {
                throw .quarterlyGap(at: row.location(.quarter(later)), sector: name,
                                    missingQuarter: observed + 1, givenQuarter: later + 1, value: value)
            }
            var baseQuarters: [Double?] = []
            for q in 0..<4 { baseQuarters.append(try row.number(.baseQuarter(q), sector: name)) }
            let givenBaseQuarters = baseQuarters.compactMap { $0 }
            if !givenBaseQuarters.isEmpty, givenBaseQuarters.count < 4,
               let missing = baseQuarters.firstIndex(where: { $0 == nil }),
               let given = baseQuarters.firstIndex(where: { $0 != nil }) {
                throw .incompleteBaseQuarters(at: row.location(.baseQuarter(given)), sector: name, missingQuarter: missing + 1)
            }
            sectors.append(SectorAccount(
                name: name, group: row.text(.group), baseValue: baseValue,
                target: try row.number(.target, sector: name), growth: try row.number(.growth, sector: name),
                quarterlyGrowth: quarters.compactMap { $0 },
                baseQuarterValues: givenBaseQuarters.isEmpty ? nil : givenBaseQuarters))
            sectorLines.append(record.line)
        }
        // MARK: The accounts, with where each value came from
        let sourceMap = AccountsSourceMap(
            path: path, headerLine: header.line, sectorLines: sectorLines,
            columnNumbers: columnNumbers.mapValues { $0 - 1 + sheet.firstColumn }, metadataLines: metadataLines, sheet: sheet.sheet)
        try self.init(
            region: metadata["region"] ?? "", baseYear: baseYear, year: analysisYear,
            unit: metadata["unit"] ?? "", grdpTarget: grdpTarget,
            sectors: sectors, notes: notes, sourceMap: sourceMap)
    }

    /// `key: value` with a known metadata key (canonical name), else nil (a note).
    static func metadataEntry(_ comment: String) -> (key: String, value: String)? {
        guard let colon = comment.firstIndex(of: ":") else { return nil }
        let key = AccountsColumn.normalise(String(comment[..<colon]).trimmingSpaces())
        guard let canonical = metadataAliases[key] else { return nil }
        return (canonical, String(comment[comment.index(after: colon)...]).trimmingSpaces())
    }

    /// The accounts as CSV in the format `init(csv:path:)` reads: metadata lines, notes,
    /// then a header with the columns that hold any value. Numbers are written in the
    /// shortest form that reads back to the same `Double`, so write-then-read is exact.
    /// - Complexity: O(n).
    public func csvText() -> String {
        var lines: [String] = []
        if !region.isEmpty { lines.append("# region: \(region)") }
        if let baseYear { lines.append("# base_year: \(baseYear)") }
        if let year { lines.append("# year: \(year)") }
        if !unit.isEmpty { lines.append("# unit: \(unit)") }
        if let grdpTarget { lines.append("# grdp_target: \(Self.format(grdpTarget))") }
        for note in notes { lines.append(note.isEmpty ? "#" : "# \(note)") }

        let quarterCount = sectors.map(\.quarterlyGrowth.count).max() ?? 0
        var columns: [AccountsColumn] = [.sector]
        if sectors.contains(where: { $0.group != nil }) { columns.append(.group) }
        columns.append(.baseValue)
        if sectors.contains(where: { $0.target != nil }) { columns.append(.target) }
        if sectors.contains(where: { $0.growth != nil }) { columns.append(.growth) }
        columns += (0..<quarterCount).map(AccountsColumn.quarter)
        if sectors.contains(where: { $0.baseQuarterValues != nil }) { columns += (0..<4).map(AccountsColumn.baseQuarter) }
        lines.append(columns.map(\.rawValue).joined(separator: ","))

        for sector in sectors {
            let cells = columns.map { column -> String in
                switch column {
                case .sector: return Self.field(sector.name)
                case .group: return sector.group.map(Self.field) ?? ""
                case .baseValue: return Self.format(sector.baseValue)
                case .target: return sector.target.map(Self.format) ?? ""
                case .growth: return sector.growth.map(Self.format) ?? ""
                case .q1, .q2, .q3, .q4:
                    let q = [AccountsColumn.q1, .q2, .q3, .q4].firstIndex(of: column) ?? 0
                    return q < sector.quarterlyGrowth.count ? Self.format(sector.quarterlyGrowth[q]) : ""
                case .baseQ1, .baseQ2, .baseQ3, .baseQ4:
                    let q = [AccountsColumn.baseQ1, .baseQ2, .baseQ3, .baseQ4].firstIndex(of: column) ?? 0
                    return sector.baseQuarterValues.map { Self.format($0[q]) } ?? ""
                }
            }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A text cell, quoted when it holds a comma, quote or line break, or starts with `#`
    /// (which would otherwise make the row a comment).
    static func field(_ text: String) -> String {
        text.hasPrefix("#") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : CSVRecords.escape(text)
    }

    /// Whole numbers without ".0"; others in Swift's shortest round-trip form.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}

/// One data row of an accounts file with its cells addressed by column.
private struct AccountsRow {
    let record: CSVRecord
    let sheet: TableSheet
    let columnNumbers: [AccountsColumn: Int]

    func location(_ column: AccountsColumn) -> FileLocation {
        FileLocation(path: sheet.path, line: record.line, column: columnNumbers[column].map { $0 - 1 + sheet.firstColumn }, sheet: sheet.sheet)
    }

    /// The cell's text, nil when the column is absent or the cell is empty.
    func text(_ column: AccountsColumn) -> String? {
        guard let number = columnNumbers[column], number - 1 < record.fields.count else { return nil }
        let cell = record.fields[number - 1]
        return cell.isEmpty ? nil : cell
    }

    func number(_ column: AccountsColumn, sector: String) throws(GrowthError) -> Double? {
        guard let cell = text(column) else { return nil }
        guard let value = NumberText.parse(cell, decimalMark: sheet.decimalMark) else {
            throw .nonNumericCell(at: location(column), column: column.rawValue, sector: sector, text: cell)
        }
        guard value.isFinite else {
            throw .nonFiniteValue(at: location(column), sector: sector, field: column.rawValue, value: value)
        }
        return value
    }
}
