import Foundation

/// `--format csv`: one CSV block per table after a `# title` line, full-precision numbers.
enum CSVRenderer {
    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func cell(_ cell: Cell) -> String {
        switch cell {
        case let .text(text): escape(text)
        case let .number(value, _): NumberText.full(value)
        case .empty: ""
        }
    }

    static func render(_ report: Report) -> String {
        var blocks: [String] = []
        if !report.headline.isEmpty {
            blocks.append((["# headline", "key,value"] + report.headline.map { escape($0.key) + "," + cell($0.value) }).joined(separator: "\n"))
        }
        for table in report.tables {
            var lines = ["# " + table.title, table.columns.map { escape($0.id) }.joined(separator: ",")]
            lines += table.rows.map { $0.map(cell).joined(separator: ",") }
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }
}
