import InputOutput
import LinearAlgebra

/// The GSO 2019 Vietnam input-output table (6 sectors, million VND) as published by the
/// third-party reduction (see data/sources/README.md), read into an `IOTable`.
///
/// Adjustments, each stated: the table's columns do not close (inputs + taxes + value
/// added fall short of output by up to 6.4%, the `COLUMN_RESIDUAL_unexplained` row); the
/// shared data README finds the gap equals GDP by expenditure minus (value added + taxes),
/// i.e. a product-tax row lost in the reduction, so the residual is added to product
/// taxes. `VALU_minus_LAB` becomes operating surplus (incl. other value added).
/// `DPABR` and `CONS_NONRES` must be zero (they are in the 2019 file) and are dropped.
/// Final-demand columns take grdp's names (households, government, gfcf, inventories,
/// exports, imports).
public enum NationalTable2019 {
    public static let fileName = "vn_io2019_6sec_aggregated_mVND.csv"
    public static let sectors = ["Primary", "MiningEnergy", "Refinery", "Utilities", "Secondary", "Tertiary"]

    public static func table(csv text: String) throws(DatasetError) -> IOTable {
        let records = CSVRecords.parse(text)
        guard let header = records.first else { throw .malformed(path: fileName, line: 1, reason: "empty file") }
        func column(_ name: String) throws(DatasetError) -> Int {
            guard let index = header.fields.firstIndex(of: name) else {
                throw .malformed(path: fileName, line: header.line, reason: "no column '\(name)'")
            }
            return index
        }
        var rowsByLabel: [String: CSVRecord] = [:]
        for record in records.dropFirst() { rowsByLabel[record.fields[0]] = record }
        func row(_ label: String) throws(DatasetError) -> CSVRecord {
            guard let record = rowsByLabel[label] else { throw .malformed(path: fileName, line: header.line, reason: "no row '\(label)'") }
            return record
        }
        func number(_ record: CSVRecord, _ column: Int) throws(DatasetError) -> Double {
            let text = record.fields[column]
            if text.isEmpty { return 0 }
            guard let value = Double(text), value.isFinite else {
                throw .malformed(path: fileName, line: record.line, reason: "'\(text)' in column \(header.fields[column]) is not a number")
            }
            return value
        }
        let n = sectors.count
        let sectorColumns = try sectors.map { s throws(DatasetError) in try column(s) }
        let finalColumns: [(String, FinalDemandKind)] = [
            ("CONS", .households), ("GC", .government), ("GFCF", .grossFixedCapitalFormation),
            ("INVNT", .inventories), ("EXPO", .exports), ("IMPO_neg", .imports),
        ]
        var z = Matrix(rows: n, columns: n)
        var f = Matrix(rows: n, columns: finalColumns.count)
        var x = [Double](repeating: 0, count: n)
        let totalColumn = try column("TOTAL_output")
        for (i, label) in sectors.enumerated() {
            let record = try row(label)
            for j in 0..<n { z[i, j] = try number(record, sectorColumns[j]) }
            for (c, (name, _)) in finalColumns.enumerated() { f[i, c] = try number(record, try column(name)) }
            for dropped in ["DPABR", "CONS_NONRES"] where try number(record, try column(dropped)) != 0 {
                throw .malformed(path: fileName, line: record.line, reason: "column \(dropped) is not zero; the reader drops it")
            }
            x[i] = try number(record, totalColumn)
        }
        var w = Matrix(rows: 3, columns: n)
        let taxes = try row("TXS_net_product_taxes"), residual = try row("COLUMN_RESIDUAL_unexplained")
        let valueAdded = try row("VALU_value_added"), labour = try row("LAB_compensation")
        for j in 0..<n {
            w[0, j] = try number(taxes, sectorColumns[j]) + number(residual, sectorColumns[j])
            w[1, j] = try number(labour, sectorColumns[j])
            w[2, j] = try number(valueAdded, sectorColumns[j]) - number(labour, sectorColumns[j])
        }
        do {
            return try IOTable(
                sectors: sectors, intermediate: z,
                finalDemandColumns: finalColumns.map { FinalDemandColumn(label: $0.1.rawValue, kind: $0.1) }, finalDemand: f,
                primaryInputRows: [
                    .init(label: "taxes_less_subsidies", kind: .productTaxes),
                    .init(label: "compensation", kind: .compensation),
                    .init(label: "operating_surplus", kind: .operatingSurplus),
                ],
                primaryInputs: w, output: x)
        } catch {
            throw .infeasible(step: "reading the 2019 table", reason: error.description)
        }
    }

    /// The four groups the Hanoi structure can be matched on: agriculture (Primary),
    /// industry & construction without utilities (MiningEnergy, Refinery, Secondary),
    /// utilities, and services (Tertiary).
    public static let hanoiMatchingGroups = Concordance(
        groupOfSector: [
            "Primary": "agriculture", "MiningEnergy": "industry_construction", "Refinery": "industry_construction",
            "Secondary": "industry_construction", "Utilities": "utilities", "Tertiary": "services",
        ],
        groups: ["agriculture", "industry_construction", "utilities", "services"])
}
