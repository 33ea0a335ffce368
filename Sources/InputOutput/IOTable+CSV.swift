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
    /// - Throws: `InputOutputError.spreadsheet(.unterminatedQuote)` for a quote that never closes.
    public init(csv text: String, path: String) throws(InputOutputError) {
        let table: CSVTable
        do {
            table = try CSVTable(bytes: Array(text.utf8), path: path)
        } catch {
            throw .spreadsheet(error)
        }
        try self.init(csv: table)
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
        try self.init(rows: SheetRows(sheet: sheet))
    }

    /// Parses a table from a CSV file indexed over its bytes (`TableFile.open`): the same
    /// checks and errors as `init(sheet:)` on the same text, with the numbers parsed from
    /// the bytes straight into the matrices. - Complexity: O(bytes).
    public init(csv table: CSVTable) throws(InputOutputError) {
        try self.init(rows: CSVTableRows(table: table))
    }

    init<Rows: IOTableRows>(rows: Rows) throws(InputOutputError) {
        let empty = rows.sheetName.map { InputOutputError.emptySheet(path: rows.path, sheet: $0) } ?? .emptyTable(path: rows.path)
        guard rows.header.count > 1, rows.rowCount > 0 else { throw empty }
        var layout = try IOTableLayout(rows: rows, empty: empty)
        try layout.classifyColumns(rows)
        try self.init(rows: rows, layout: layout)
    }

    /// Reads the numbers of a classified table in the order of its checks: sector rows
    /// (flows, final demand, total, imports sign), primary inputs, satellites (employment ≥ 0),
    /// the output row against the total column.
    private init<Rows: IOTableRows>(rows: Rows, layout: IOTableLayout) throws(InputOutputError) {
        let path = rows.path, header = rows.header
        let n = layout.sectorRows.count
        var numbers = RowNumbers(width: header.count)
        func number(_ r: Int, _ column: Int) throws(InputOutputError) -> Double {
            let value = numbers.values[column]
            if value.isFinite { return value }
            if let text = numbers.problem(column) {
                throw .nonNumericCell(at: rows.location(row: r, cell: column), column: header[column], text: text)
            }
            throw .nonFiniteCell(at: rows.location(row: r, cell: column), column: header[column])
        }
        func sectorColumns(_ r: Int, into matrix: inout Matrix, row i: Int) throws(InputOutputError) {
            rows.read(row: r, cells: n + 1, into: &numbers)
            for j in 1...n where !numbers.values[j].isFinite { _ = try number(r, j) }
            let stride = matrix.rows
            numbers.values.withUnsafeBufferPointer { v in
                matrix.withUnsafeMutableColumnMajor { m in
                    for j in 0..<n { m[i + j * stride] = v[j + 1] }
                }
            }
        }

        var z = Matrix(rows: n, columns: n)
        var zRows = BlockedRowWriter(columns: n)  // Z's rows go in blocks (few cache misses); each row's checks come first
        var f = Matrix(rows: n, columns: layout.finalDemandColumns.count)
        var totals: [Double] = []
        for (i, r) in layout.sectorRows.enumerated() {
            rows.read(row: r, cells: header.count, into: &numbers)
            for j in 1...n where !numbers.values[j].isFinite { _ = try number(r, j) }
            numbers.values.withUnsafeBufferPointer { v in zRows.append(UnsafeBufferPointer(rebasing: v[1...n]), into: &z) }
            for (c, entry) in layout.finalDemandColumns.enumerated() { f[i, c] = try number(r, entry.index) }
            if let totalColumn = layout.totalColumn { totals.append(try number(r, totalColumn)) }
            for entry in layout.finalDemandColumns where entry.column.kind == .imports {
                let value = try number(r, entry.index)
                if value > 0 { throw .importsSign(path: path, sector: layout.sectorLabels[i], value: value) }
            }
        }
        zRows.flush(into: &z)
        var w = Matrix(rows: layout.primaryRows.count, columns: n)
        for (k, entry) in layout.primaryRows.enumerated() { try sectorColumns(entry.row, into: &w, row: k) }
        var e = Matrix(rows: layout.satelliteRows.count, columns: n)
        for (k, entry) in layout.satelliteRows.enumerated() { try sectorColumns(entry.row, into: &e, row: k) }
        // Employment counts persons or jobs, so it is ≥ 0; other satellites (emissions) may be negative.
        for (s, entry) in layout.satelliteRows.enumerated() where entry.name == "employment" {
            for j in 0..<n where e[s, j] < 0 {
                throw .negativeEmployment(at: rows.location(row: entry.row, cell: j + 1), sector: layout.sectorLabels[j], value: e[s, j])
            }
        }
        var output: [Double]
        if let outputRow = layout.outputRow {
            var single = Matrix(rows: 1, columns: n)
            try sectorColumns(outputRow, into: &single, row: 0)
            output = single.row(0)
            if !totals.isEmpty {
                for j in 0..<n where abs(output[j] - totals[j]) > 1e-6 * max(abs(output[j]), abs(totals[j]), 1) {
                    throw .outputMismatch(path: path, sector: layout.sectorLabels[j], outputRow: output[j], totalColumn: totals[j])
                }
            }
        } else if !totals.isEmpty {
            output = totals
        } else {
            throw .missingOutput(path: path)
        }
        try self.init(
            sectors: layout.sectorLabels, intermediate: z,
            finalDemandColumns: layout.finalDemandColumns.map(\.column), finalDemand: f,
            primaryInputRows: layout.primaryRows.map(\.input), primaryInputs: w,
            output: output, satelliteRows: layout.satelliteRows.map(\.name), satellites: e)
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
