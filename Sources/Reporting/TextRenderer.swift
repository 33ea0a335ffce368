import Foundation

/// `--format text`: aligned plain-text tables for a terminal, numbers right-aligned.
enum TextRenderer {
    static func render(_ report: Report) -> String {
        var out = report.title.isEmpty ? "" : report.title + "\n" + String(repeating: "=", count: report.title.count) + "\n"
        if !report.headline.isEmpty {
            let width = report.headline.map(\.key.count).max() ?? 0
            for (key, value) in report.headline {
                out += key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + NumberText.human(value) + "\n"
            }
        }
        for table in report.tables {
            out += "\n" + table.title + "\n"
            let cells = table.rows.map { $0.map(NumberText.human) }
            let widths = table.columns.indices.map { c in
                max(table.columns[c].header.count, cells.map { $0[c].count }.max() ?? 0)
            }
            func line(_ values: [String], numericRow: [Bool]) -> String {
                values.indices.map { c in
                    let pad = String(repeating: " ", count: widths[c] - values[c].count)
                    return numericRow[c] ? pad + values[c] : values[c] + pad
                }.joined(separator: "  ").replacingTrailingSpaces()
            }
            let numericColumn = table.columns.indices.map { c in
                table.rows.contains { if case .number = $0[c] { true } else { false } }
            }
            out += line(table.columns.map(\.header), numericRow: numericColumn) + "\n"
            out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            for row in cells { out += line(row, numericRow: numericColumn) + "\n" }
            for note in table.notes { out += "  note: " + note + "\n" }
        }
        return out
    }
}

extension String {
    func replacingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
