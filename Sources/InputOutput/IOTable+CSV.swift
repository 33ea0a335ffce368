import Foundation
import LinearAlgebra
import Spreadsheets

/// Reading and writing input-output tables as CSV in the layout statistical offices
/// publish (OECD / GSO style), documented with an example in docs/io-table-format.md:
///
/// ```
/// sector,agriculture,industry,households,government,gfcf,inventories,exports,imports,total
/// agriculture,150,500,...,-20,1000
/// industry,200,100,...,-40,2000
/// taxes_less_subsidies,5,10
/// compensation,300,500
/// operating_surplus,345,890
/// output,1000,2000
/// employment,25,60
/// ```
///
/// Rows: sectors (products), then primary inputs, the output row, then satellite rows.
/// Columns: sectors in the same order as the rows, then final-demand categories,
/// then an optional total. Labels are matched case-insensitively against the aliases
/// below; empty cells are zero; lines starting with `#` are comments.
extension IOTable {
    /// Final-demand column aliases (normalised: lower case, spaces and hyphens as `_`).
    static let finalDemandAliases: [String: FinalDemandKind] = [
        "households": .households, "household": .households, "cons": .households, "hfce": .households,
        "household_consumption": .households, "p3_s14": .households,
        "government": .government, "gc": .government, "ggfc": .government, "government_consumption": .government,
        "p3_s13": .government,
        "gfcf": .grossFixedCapitalFormation, "gross_fixed_capital_formation": .grossFixedCapitalFormation,
        "investment": .grossFixedCapitalFormation, "p51g": .grossFixedCapitalFormation,
        "inventories": .inventories, "invnt": .inventories, "changes_in_inventories": .inventories, "p52": .inventories,
        "exports": .exports, "expo": .exports, "export": .exports, "p6": .exports,
        "cons_nonres": .exports, "purchases_by_non_residents": .exports, "exports_to_other_regions": .exports,
        "imports": .imports, "impo": .imports, "impo_neg": .imports, "import": .imports, "p7": .imports,
        "other": .other, "npish": .other, "p3_s15": .other, "dpabr": .other, "other_final_demand": .other, "valuables": .other,
        "cons_abr": .other,
        "p53": .other,
    ]
    static let totalColumnAliases: Set<String> = ["total", "total_output", "output", "x", "gross_output", "out", "p1"]
    static let primaryInputAliases: [String: PrimaryInputKind] = [
        "taxes_less_subsidies": .productTaxes, "product_taxes": .productTaxes, "txs": .productTaxes,
        "txs_net_product_taxes": .productTaxes, "txs_int_fnl": .productTaxes, "net_taxes": .productTaxes,
        "txs_imp_fnl": .productTaxes,
        "d21x31": .productTaxes, "taxes": .productTaxes, "tls": .productTaxes, "taxsub": .productTaxes,
        "d21": .productTaxes, "d31": .productTaxes,
        "compensation": .compensation, "compensation_of_employees": .compensation, "lab": .compensation,
        "lab_compensation": .compensation, "d1": .compensation, "wages": .compensation,
        "operating_surplus": .operatingSurplus, "gross_operating_surplus": .operatingSurplus, "gos": .operatingSurplus,
        "b2a3g": .operatingSurplus, "surplus": .operatingSurplus, "b2g": .operatingSurplus, "b3g": .operatingSurplus,
        "valu_minus_lab_(gos+other)": .operatingSurplus,
        "other_value_added": .otherValueAdded, "other_taxes_on_production": .otherValueAdded, "d29x39": .otherValueAdded,
        "d29": .otherValueAdded, "d39": .otherValueAdded,
        "value_added": .valueAdded, "valu": .valueAdded, "valu_value_added": .valueAdded, "va": .valueAdded,
        "b1g": .valueAdded, "gva": .valueAdded,
        "imported_inputs": .imports, "imports_row": .imports,
        "other_primary_inputs": .other, "column_residual_unexplained": .other,
    ]
    static let outputRowAliases: Set<String> = ["output", "total", "total_output", "gross_output", "x", "outpt", "out", "p1"]
    static let satelliteAliases: [String: String] = [
        "employment": "employment", "empn": "employment", "jobs": "employment", "persons_employed": "employment",
    ]
    static let satellitePrefix = "satellite:"
    /// Subtotal rows that repeat other rows' sums and are skipped: OECD `TTL_INT_FNL`
    /// (total intermediate consumption at purchasers' prices, Z's column sums plus taxes).
    static let subtotalRowAliases: Set<String> = ["ttl_int_fnl", "total_intermediate_consumption"]

    /// The kind of a final-demand column label (normalised): an alias above, or a
    /// country-prefixed one as in OECD ICIO tables (`VNM_HFCE`, `VNM_GFCF`: a code of 2–3
    /// letters or digits, `_`, an alias).
    static func finalDemandKind(_ key: String) -> FinalDemandKind? {
        if let kind = finalDemandAliases[key] { return kind }
        guard let underscore = key.firstIndex(of: "_"), (2...3).contains(key.distance(from: key.startIndex, to: underscore)),
              key[..<underscore].allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
        return finalDemandAliases[String(key[key.index(after: underscore)...])]
    }

    /// Employment counts persons or jobs, so it is ≥ 0; other satellites (emissions) may be negative.
    static func checkEmployment(_ e: Matrix, rows: [(SheetRow, String)], sectors: [String], sheet: TableSheet) throws(InputOutputError) {
        for (s, (record, name)) in rows.enumerated() where name == "employment" {
            for j in sectors.indices where e[s, j] < 0 {
                throw .negativeEmployment(at: sheet.location(row: record, cell: j + 1), sector: sectors[j], value: e[s, j])
            }
        }
    }

    static func normalise(_ label: String) -> String {
        label.lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 }.reduce(into: "") { $0.append($1) }
    }

    /// Reads a table from a file (CSV in any dialect, or the first sheet of an .xlsx
    /// workbook) as it stands. `read(path:options:)` also selects a region, removes
    /// competitive imports and reads the unit.
    public static func load(path: String) throws(InputOutputError) -> IOTable {
        try read(path: path).table
    }

    /// Parses a table from CSV text (separator and decimal mark detected); `path` names
    /// the source in error messages.
    public init(csv text: String, path: String) throws(InputOutputError) {
        try self.init(sheet: CSVDialect.automatic.sheet(text, path: path))
    }

    /// Parses a table from rows of cells (a CSV file or a worksheet).
    ///
    /// Structural checks happen here (ragged rows, non-numeric or non-finite cells,
    /// duplicate or missing labels, sector columns matching sector rows, imports sign,
    /// output row vs total column), each error naming its cell (`file:line:column`, or
    /// `file:Sheet!B3`). Economic checks (negative flows, zero output, balance) are
    /// `validate(tolerance:acceptImbalance:)`.
    /// - Complexity: O(cells).
    public init(sheet: TableSheet) throws(InputOutputError) {
        let path = sheet.path
        let records = sheet.rows
        let empty = sheet.sheet.map { InputOutputError.emptySheet(path: path, sheet: $0) } ?? .emptyTable(path: path)
        guard let header = records.first, header.cells.count > 1, records.count > 1 else { throw empty }
        let width = header.cells.count
        let body = records.dropFirst()
        func label(_ row: SheetRow, _ k: Int) -> String { row.cells[k].text }

        // Classify rows.
        var sectorRows: [SheetRow] = []
        var primaryRows: [(SheetRow, PrimaryInputRow)] = []
        var outputRow: SheetRow?
        var satelliteRows: [(SheetRow, String)] = []
        var seen: [String: Int] = [:]
        let columnKeys = Set(header.cells.dropFirst().map { Self.normalise($0.text) })
        for record in body {
            guard record.cells.count == width else {
                throw .raggedRow(at: sheet.location(row: record), expected: width, actual: record.cells.count)
            }
            let label = label(record, 0)
            let key = Self.normalise(label)
            if seen[key] != nil { throw .duplicateLabel(at: sheet.location(row: record, cell: 0), label: label) }
            seen[key] = record.number
            if Self.subtotalRowAliases.contains(key) { continue }
            let inPrimaryBlock = !primaryRows.isEmpty || outputRow != nil || !satelliteRows.isEmpty
            let isReservedLabel = Self.primaryInputAliases[key] != nil || Self.outputRowAliases.contains(key)
                || Self.satelliteAliases[key] != nil || key.hasPrefix(Self.satellitePrefix)
            if !inPrimaryBlock, !isReservedLabel, columnKeys.contains(key) {
                sectorRows.append(record)
            } else if let kind = Self.primaryInputAliases[key], outputRow == nil {
                primaryRows.append((record, PrimaryInputRow(label: label, kind: kind)))
            } else if Self.outputRowAliases.contains(key), outputRow == nil {
                outputRow = record
            } else if let name = Self.satelliteAliases[key] {
                satelliteRows.append((record, name))
            } else if key.hasPrefix(Self.satellitePrefix) {
                satelliteRows.append((record, String(label.dropFirst(Self.satellitePrefix.count))))
            } else if !inPrimaryBlock, !isReservedLabel, !label.isEmpty {
                // A row label that is not a column label: a sector missing from the columns.
                throw .sectorMismatch(path: path, detail: "row '\(label)' (\(sheet.location(row: record, cell: 0))) has no matching column")
            } else {
                throw .unknownRow(at: sheet.location(row: record, cell: 0), label: label)
            }
        }
        guard !sectorRows.isEmpty else { throw empty }

        // Classify columns.
        let sectorLabels = sectorRows.map { label($0, 0) }
        let columnLabels = header.cells.dropFirst().map(\.text)
        var headerSeen = Set<String>()
        for (k, label) in columnLabels.enumerated() {
            let key = Self.normalise(label)
            if headerSeen.contains(key) { throw .duplicateLabel(at: sheet.location(row: header, cell: k + 1), label: label) }
            headerSeen.insert(key)
        }
        let n = sectorLabels.count
        guard columnLabels.count >= n else {
            throw .sectorMismatch(path: path, detail: "\(n) sector rows but only \(columnLabels.count) columns")
        }
        for (k, label) in sectorLabels.enumerated() where Self.normalise(columnLabels[k]) != Self.normalise(label) {
            throw .sectorMismatch(path: path, detail: "column \(k + 2) (\(sheet.location(row: header, cell: k + 1))) is '\(columnLabels[k])' but sector row \(k + 1) is '\(label)'")
        }
        var finalDemandColumns: [(index: Int, column: FinalDemandColumn)] = []
        var totalColumn: Int?
        for (offset, label) in columnLabels.enumerated().dropFirst(n) {
            let key = Self.normalise(label)
            if let kind = Self.finalDemandKind(key) {
                finalDemandColumns.append((offset + 1, FinalDemandColumn(label: label, kind: kind)))
            } else if Self.totalColumnAliases.contains(key), totalColumn == nil {
                totalColumn = offset + 1
            } else if sectorLabels.contains(where: { Self.normalise($0) == key }) {
                throw .duplicateLabel(at: sheet.location(row: header, cell: offset + 1), label: label)
            } else {
                throw .unknownColumn(at: sheet.location(row: header, cell: offset + 1), column: label)
            }
        }

        func number(_ record: SheetRow, _ column: Int) throws(InputOutputError) -> Double {
            switch sheet.number(record.cells[column]) {
            case .empty: return 0
            case let .notANumber(text):
                throw .nonNumericCell(at: sheet.location(row: record, cell: column), column: header.cells[column].text, text: text)
            case let .number(value):
                guard value.isFinite else { throw .nonFiniteCell(at: sheet.location(row: record, cell: column), column: header.cells[column].text) }
                return value
            }
        }

        var z = Matrix(rows: n, columns: n)
        var f = Matrix(rows: n, columns: finalDemandColumns.count)
        var totals: [Double] = []
        for (i, record) in sectorRows.enumerated() {
            for j in 0..<n { z[i, j] = try number(record, j + 1) }
            for (c, entry) in finalDemandColumns.enumerated() { f[i, c] = try number(record, entry.index) }
            if let totalColumn { totals.append(try number(record, totalColumn)) }
            for entry in finalDemandColumns where entry.column.kind == .imports {
                let value = try number(record, entry.index)
                if value > 0 { throw .importsSign(path: path, sector: sectorLabels[i], value: value) }
            }
        }
        var w = Matrix(rows: primaryRows.count, columns: n)
        for (r, (record, _)) in primaryRows.enumerated() {
            for j in 0..<n { w[r, j] = try number(record, j + 1) }
        }
        var e = Matrix(rows: satelliteRows.count, columns: n)
        for (s, (record, _)) in satelliteRows.enumerated() {
            for j in 0..<n { e[s, j] = try number(record, j + 1) }
        }
        try Self.checkEmployment(e, rows: satelliteRows, sectors: sectorLabels, sheet: sheet)
        var output: [Double]
        if let outputRow {
            output = []
            for j in 0..<n { output.append(try number(outputRow, j + 1)) }
            if !totals.isEmpty {
                for j in 0..<n where abs(output[j] - totals[j]) > 1e-6 * max(abs(output[j]), abs(totals[j]), 1) {
                    throw .outputMismatch(path: path, sector: sectorLabels[j], outputRow: output[j], totalColumn: totals[j])
                }
            }
        } else if !totals.isEmpty {
            output = totals
        } else {
            throw .missingOutput(path: path)
        }
        try self.init(
            sectors: sectorLabels, intermediate: z,
            finalDemandColumns: finalDemandColumns.map(\.column), finalDemand: f,
            primaryInputRows: primaryRows.map(\.1), primaryInputs: w,
            output: output, satelliteRows: satelliteRows.map(\.1), satellites: e)
    }

    /// The table as CSV in the same layout, with a total column and an output row.
    /// By default numbers use the shortest representation that reads back to the same
    /// `Double`, so write-then-read is exact; with `decimals`, fixed decimals (stable text
    /// for generated files, at the cost of rounding).
    public func csvText(decimals: Int? = nil, comments: [String] = []) -> String {
        var lines: [String] = comments.map { "# " + $0 }
        let header = ["sector"] + sectors + finalDemandColumns.map(\.label) + ["total"]
        lines.append(header.map(CSVRecords.escape).joined(separator: ","))
        func format(_ value: Double) -> String {
            if let decimals { return String(format: "%.\(decimals)f", value == 0 ? 0 : value) }
            return value == 0 ? "0" : "\(value)"
        }
        for i in 0..<sectorCount {
            let cells = intermediate.row(i).map(format) + finalDemand.row(i).map(format) + [format(output[i])]
            lines.append(([CSVRecords.escape(sectors[i])] + cells).joined(separator: ","))
        }
        let padding = Array(repeating: "", count: finalDemandColumns.count + 1)
        for (r, row) in primaryInputRows.enumerated() {
            lines.append(([CSVRecords.escape(row.label)] + primaryInputs.row(r).map(format) + padding).joined(separator: ","))
        }
        lines.append((["output"] + output.map(format) + padding).joined(separator: ","))
        for (s, label) in satelliteRows.enumerated() {
            let name = Self.satelliteAliases[Self.normalise(label)] != nil ? label : Self.satellitePrefix + label
            lines.append(([CSVRecords.escape(name)] + satellites.row(s).map(format) + padding).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
