import Datasets

/// Tables describing the embedded dataset and its provenance (`grdp data`).
public enum DatasetReports {
    /// A number written as in the file (as many decimals as its text has), or the text
    /// itself when it is not a number; empty text is an empty cell.
    static func numberCell(_ text: String) -> Cell {
        guard !text.isEmpty else { return .empty }
        guard let value = Double(text), value.isFinite, !text.contains("e"), !text.contains("E") else { return .text(text) }
        let decimals = text.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
        return .number(value, decimals: decimals)
    }


    public static func dataset(_ dataset: HanoiDataset) -> Report {
        var tables: [ResultTable] = []
        let table = dataset.table
        var io = ResultTable(
            id: "io_table", title: "Hanoi input-output table 2024 (billion VND, current prices)",
            columns: [.init("sector", "Sector")] + table.sectors.map { .init($0, $0) }
                + table.finalDemandColumns.map { .init($0.label, $0.label) } + [.init("output", "Output")])
        for (i, sector) in table.sectors.enumerated() {
            io.append([.text(sector)] + table.intermediate.row(i).map { .number($0, decimals: 0) }
                + table.finalDemand.row(i).map { .number($0, decimals: 0) } + [.number(table.output[i], decimals: 0)])
        }
        for (r, row) in table.primaryInputRows.enumerated() {
            io.append([.text(row.label)] + table.primaryInputs.row(r).map { .number($0, decimals: 0) })
        }
        tables.append(io)

        var assumptions = ResultTable(
            id: "assumptions", title: "Assumptions (sampled by the Monte Carlo over their ranges)",
            columns: [.init("id", "Assumption"), .init("central", "Central"), .init("low", "Low"), .init("high", "High"),
                      .init("unit", "Unit"), .init("reason", "Reason")])
        for a in dataset.assumptions.assumptions {
            assumptions.append([.text(a.id), .number(a.central, decimals: 3), .number(a.low, decimals: 3), .number(a.high, decimals: 3), .text(a.unit), .text(a.reason)])
        }
        tables.append(assumptions)

        var provenance = ResultTable(
            id: "provenance", title: "Provenance of every embedded number",
            columns: [.init("file", "File"), .init("row", "Row"), .init("column", "Column"), .init("value", "Value"),
                      .init("kind", "Kind"), .init("reference", "Reference"), .init("url", "URL"), .init("date", "Date"),
                      .init("detail", "Detail"), .init("low", "Low"), .init("high", "High")])
        for e in dataset.provenance.entries {
            provenance.append(e.fields.enumerated().map { index, field in
                // value, low and high are numbers (the JSON contract); the rest is text.
                [3, 9, 10].contains(index) ? DatasetReports.numberCell(field) : .text(field)
            })
        }
        tables.append(provenance)
        return Report(
            title: "Embedded dataset: Hanoi 2024 base, 2025 plan",
            headline: [
                ("Files", .text(dataset.files.keys.sorted().joined(separator: ", "))),
                ("Provenance entries", .number(Double(dataset.provenance.entries.count), decimals: 0)),
                ("Rebuild", .text("grdp data build (from data/sources in the repository)")),
            ],
            tables: tables)
    }
}
