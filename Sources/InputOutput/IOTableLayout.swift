import Spreadsheets

/// Which rows and columns of a table file are what, from the labels alone (docs/io-table-format.md):
/// sector rows (labels that are column labels, before any primary input), primary-input
/// rows, the output row and satellite rows; then the sector columns (the sector rows'
/// labels in order), final-demand columns and an optional total column. Every error
/// names its cell: a ragged row, a duplicate, unknown or mismatched label.
/// - Complexity: O(rows + columns) label look-ups.
struct IOTableLayout {
    var sectorRows: [Int] = []
    var primaryRows: [(row: Int, input: PrimaryInputRow)] = []
    var outputRow: Int?
    var satelliteRows: [(row: Int, name: String)] = []
    var sectorLabels: [String] = []
    var finalDemandColumns: [(index: Int, column: FinalDemandColumn)] = []
    var totalColumn: Int?

    /// Classifies the rows, in file order; the first defect found is thrown.
    init<Rows: IOTableRows>(rows: Rows, empty: InputOutputError) throws(InputOutputError) {
        let path = rows.path
        let width = rows.header.count
        var seen: [String: Int] = [:]
        let columnKeys = Set(rows.header.dropFirst().map { IOTable.normalise($0) })
        for r in 0..<rows.rowCount {
            guard rows.cellCount(r) == width else {
                throw .raggedRow(at: rows.location(row: r, cell: nil), expected: width, actual: rows.cellCount(r))
            }
            let label = rows.label(r)
            let key = IOTable.normalise(label)
            if seen[key] != nil { throw .duplicateLabel(at: rows.location(row: r, cell: 0), label: label) }
            seen[key] = r
            if IOTable.subtotalRowAliases.contains(key) { continue }
            let inPrimaryBlock = !primaryRows.isEmpty || outputRow != nil || !satelliteRows.isEmpty
            let isReservedLabel = IOTable.primaryInputAliases[key] != nil || IOTable.outputRowAliases.contains(key)
                || IOTable.satelliteAliases[key] != nil || key.hasPrefix(IOTable.satellitePrefix)
            if !inPrimaryBlock, !isReservedLabel, columnKeys.contains(key) {
                sectorRows.append(r)
            } else if let kind = IOTable.primaryInputAliases[key], outputRow == nil {
                primaryRows.append((r, PrimaryInputRow(label: label, kind: kind)))
            } else if IOTable.outputRowAliases.contains(key), outputRow == nil {
                outputRow = r
            } else if let name = IOTable.satelliteAliases[key] {
                satelliteRows.append((r, name))
            } else if key.hasPrefix(IOTable.satellitePrefix) {
                satelliteRows.append((r, String(label.dropFirst(IOTable.satellitePrefix.count))))
            } else if !inPrimaryBlock, !isReservedLabel, !label.isEmpty {
                // A row label that is not a column label: a sector missing from the columns.
                throw .sectorMismatch(path: path, detail: "row '\(label)' (\(rows.location(row: r, cell: 0))) has no matching column")
            } else {
                throw .unknownRow(at: rows.location(row: r, cell: 0), label: label)
            }
        }
        guard !sectorRows.isEmpty else { throw empty }
        sectorLabels = sectorRows.map { rows.label($0) }
    }

    /// Classifies the columns after the rows: no duplicate label, the sector columns match
    /// the sector rows, the others are final demand or the total.
    mutating func classifyColumns<Rows: IOTableRows>(_ rows: Rows) throws(InputOutputError) {
        let path = rows.path
        let columnLabels = Array(rows.header.dropFirst())
        var headerSeen = Set<String>()
        for (k, label) in columnLabels.enumerated() {
            let key = IOTable.normalise(label)
            if headerSeen.contains(key) { throw .duplicateLabel(at: rows.location(row: nil, cell: k + 1), label: label) }
            headerSeen.insert(key)
        }
        let n = sectorLabels.count
        guard columnLabels.count >= n else {
            throw .sectorMismatch(path: path, detail: "\(n) sector rows but only \(columnLabels.count) columns")
        }
        for (k, label) in sectorLabels.enumerated() where IOTable.normalise(columnLabels[k]) != IOTable.normalise(label) {
            throw .sectorMismatch(path: path, detail: "column \(k + 2) (\(rows.location(row: nil, cell: k + 1))) is '\(columnLabels[k])' but sector row \(k + 1) is '\(label)'")
        }
        let sectorKeys = Set(sectorLabels.map { IOTable.normalise($0) })
        for (offset, label) in columnLabels.enumerated().dropFirst(n) {
            let key = IOTable.normalise(label)
            if let kind = IOTable.finalDemandKind(key) {
                finalDemandColumns.append((offset + 1, FinalDemandColumn(label: label, kind: kind)))
            } else if IOTable.totalColumnAliases.contains(key), totalColumn == nil {
                totalColumn = offset + 1
            } else if sectorKeys.contains(key) {
                throw .duplicateLabel(at: rows.location(row: nil, cell: offset + 1), label: label)
            } else {
                throw .unknownColumn(at: rows.location(row: nil, cell: offset + 1), column: label)
            }
        }
    }
}
