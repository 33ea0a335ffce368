import Spreadsheets

/// One region of a multi-region input-output table in the layout of the OECD
/// Inter-Country Input-Output tables (ICIO): rows and columns labelled `REGION_SECTOR`
/// (`VNM_D01T02`, `ROW_D01T02`), final demand `REGION_CATEGORY` (`VNM_HFCE`), then
/// `TLS`, `VA` and `OUT`.
///
/// For region r and the other regions s, the single-region table in domestic flows
/// (Miller & Blair 2009, §3.3: the single-region view of an interregional table) is
/// - Z = Zʳʳ and final demand Fʳʳ (the region's own categories, domestic products only);
/// - exports eᵢ = Σ_s (Σⱼ zᵢⱼʳˢ + Σ_c fᵢcʳˢ): the region's sales to the other regions,
///   one `exports_to_other_regions` column;
/// - imported inputs mⱼ = Σ_s Σᵢ zᵢⱼˢʳ: one `imported_inputs` row (what the region's
///   industries buy from the other regions);
/// - the region's rows of taxes, value added and output unchanged.
/// So rows still balance (Zʳʳ·1 + Fʳʳ·1 + e = x) and columns too (1ᵀZʳʳ + m + t + v = x).
/// The other regions' sales to the region's final demand (imported final goods) are not
/// part of a domestic-flow table and are left out.
/// - Complexity: O(cells).
public enum MultiRegionTable {
    public static let exportsLabel = "exports_to_other_regions"
    public static let importedInputsLabel = "imported_inputs"

    /// The region code and the rest of an ICIO label: `VNM_D01T02` → (`VNM`, `D01T02`);
    /// codes are 2–3 upper-case letters or digits.
    static func split(_ label: String) -> (region: String, rest: String)? {
        guard let underscore = label.firstIndex(of: "_") else { return nil }
        let code = label[..<underscore], rest = label[label.index(after: underscore)...]
        guard (2...3).contains(code.count), !rest.isEmpty,
              code.allSatisfy({ ($0.isLetter && $0.isUppercase) || $0.isNumber }) else { return nil }
        return (String(code), String(rest))
    }

    /// The regions of a multi-region table in order of first appearance among the row
    /// labels: codes under which the same sector appears for at least two codes (so
    /// `VNM_A01` and `ROW_A01`); fewer than two means a single-region table.
    public static func regions(of sheet: TableSheet) -> [String] {
        guard let header = sheet.rows.first else { return [] }
        return regions(header: header.cells.map(\.text), rowLabels: sheet.rows.dropFirst().compactMap { $0.cells.first?.text })
    }

    /// The same from the header's cells and the data rows' labels (first cells).
    public static func regions(header: [String], rowLabels: some Sequence<String>) -> [String] {
        guard !header.isEmpty else { return [] }
        let columnLabels = Set(header.dropFirst())
        var order: [String] = []
        var codesOfRest: [String: Set<String>] = [:]
        for label in rowLabels {
            guard columnLabels.contains(label), let (code, rest) = split(label) else { continue }
            if !order.contains(code) { order.append(code) }
            codesOfRest[rest, default: []].insert(code)
        }
        let shared = Set(codesOfRest.values.filter { $0.count > 1 }.flatMap { $0 })
        let regions = order.filter(shared.contains)
        return regions.count > 1 ? regions : []
    }

    /// The sheet of region `region` alone, as described above.
    /// - Throws: `regionNotFound` listing the regions; `nonNumericCell` at a summed cell.
    public static func extract(_ region: String, from sheet: TableSheet) throws(InputOutputError) -> TableSheet {
        let regions = regions(of: sheet)
        guard regions.contains(region) else { throw .regionNotFound(path: sheet.path, region: region, available: regions) }
        guard let header = sheet.rows.first else { throw .emptyTable(path: sheet.path) }
        let regionSet = Set(regions)
        let columnLabels = header.cells.map(\.text)
        let columnSet = Set(columnLabels.dropFirst())

        // Columns: the region's (prefix dropped), the non-regional ones (OUT), the other regions' summed into exports.
        var kept: [(index: Int, label: String)] = []
        var exportSources: [Int] = []
        for k in columnLabels.indices.dropFirst() {
            if let (code, rest) = split(columnLabels[k]), regionSet.contains(code) {
                if code == region { kept.append((k, rest)) } else { exportSources.append(k) }
            } else {
                kept.append((k, columnLabels[k]))
            }
        }
        func location(_ k: Int) -> Int { sheet.location(row: header, cell: k).column ?? k + 1 }
        var sourceColumns = [location(0)] + kept.map { location($0.index) }
        if let first = exportSources.first { sourceColumns.append(location(first)) }
        func number(_ row: SheetRow, _ k: Int) throws(InputOutputError) -> Double {
            switch sheet.number(row.cells[k]) {
            case .empty: return 0
            case let .number(value): return value
            case let .notANumber(text):
                throw .nonNumericCell(at: sheet.location(row: row, cell: k), column: columnLabels[k], text: text)
            }
        }

        var rows: [SheetRow] = [SheetRow(number: header.number, cells: [header.cells[0]] + kept.map { .text($0.label) }
            + (exportSources.isEmpty ? [] : [.text(exportsLabel)]))]
        var importedInputs = [Double](repeating: 0, count: kept.count)
        var importedRowNumber: Int?
        var lastSectorRow = 0
        for row in sheet.rows.dropFirst() {
            guard row.cells.count == columnLabels.count else {
                throw .raggedRow(at: sheet.location(row: row), expected: columnLabels.count, actual: row.cells.count)
            }
            let label = row.cells[0].text
            let isSector = columnSet.contains(label)
            if let (code, rest) = split(label), regionSet.contains(code), isSector {
                if code == region {
                    var exports = 0.0
                    for k in exportSources { exports += try number(row, k) }
                    rows.append(SheetRow(number: row.number, cells: [.text(rest)] + kept.map { row.cells[$0.index] }
                        + (exportSources.isEmpty ? [] : [.number(exports)])))
                    lastSectorRow = rows.count
                } else {
                    for (c, column) in kept.enumerated() { importedInputs[c] += try number(row, column.index) }
                    importedRowNumber = importedRowNumber ?? row.number
                }
            } else {
                let name = split(label).flatMap { $0.region == region ? $0.rest : nil } ?? label
                rows.append(SheetRow(number: row.number, cells: [.text(name)] + kept.map { row.cells[$0.index] }
                    + (exportSources.isEmpty ? [] : [.text("")])))
            }
        }
        if let importedRowNumber {
            // Imported inputs by using sector only: the region's final-demand and total columns stay empty.
            let sectorCount = kept.prefix { columnSet.contains(region + "_" + $0.label) }.count
            let cells: [SheetCell] = [.text(importedInputsLabel)] + kept.indices.map { c in c < sectorCount ? .number(importedInputs[c]) : .text("") }
                + (exportSources.isEmpty ? [] : [.text("")])
            rows.insert(SheetRow(number: importedRowNumber, cells: cells), at: max(lastSectorRow, 1))
        }
        return sheet.replacingRows(rows, sourceColumns: sourceColumns)
    }
}
