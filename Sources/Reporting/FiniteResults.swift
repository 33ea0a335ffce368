/// The last guard before output: no report is written with a NaN or an infinity in it.
///
/// Scenario validation and the commands bound their inputs, but a finite input can still
/// overflow in a product or a sum (e.g. 1e308 × a multiplier > 1). Numbers are checked in
/// headline and table cells, and text cells and table notes are checked for the words `nan`
/// and `inf` (how `String(format:)` and `Double.description` spell them) and for `∞`.
extension Report {
    /// - Parameter inputs: what the command computed the report from, for the message
    ///   (e.g. "the table and --impact").
    /// - Throws: `ReportingError.nonFiniteResult` at the first non-finite cell.
    /// - Complexity: O(cells).
    public func checkFinite(inputs: String) throws(ReportingError) {
        for (key, value) in headline where !Self.isFinite(value) {
            throw .nonFiniteResult(table: "headline", row: key, column: "value", inputs: inputs)
        }
        for table in tables {
            for note in table.notes where !Self.isFinite(.text(note)) {
                throw .nonFiniteResult(table: table.id, row: "note", column: "text", inputs: inputs)
            }
            for row in table.rows {
                for (c, cell) in row.enumerated() where !Self.isFinite(cell) {
                    let label: String = if case let .text(text) = row.first { text } else { "row \(table.rows.firstIndex(of: row).map { $0 + 1 } ?? 0)" }
                    throw .nonFiniteResult(table: table.id, row: label, column: table.columns[c].id, inputs: inputs)
                }
            }
        }
    }

    static func isFinite(_ cell: Cell) -> Bool {
        switch cell {
        case let .number(value, _): return value.isFinite
        case let .text(text):
            if text.contains("∞") { return false }
            let words = text.split { !$0.isLetter && $0 != "-" }.map { $0.trimmingCharacters(in: ["-"]) }
            return !words.contains { $0 == "nan" || $0 == "inf" || $0 == "NaN" || $0 == "Infinity" }
        case .empty: return true
        }
    }
}
