import Foundation

/// `--format markdown`: GitHub-flavoured Markdown tables.
enum MarkdownRenderer {
    static func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }

    static func render(_ report: Report) -> String {
        var out = report.title.isEmpty ? "" : "# " + report.title + "\n\n"
        if !report.headline.isEmpty {
            out += report.headline.map { "- **\(escape($0.key))**: \(escape(NumberText.human($0.value)))" }.joined(separator: "\n") + "\n\n"
        }
        for table in report.tables {
            out += "## " + table.title + "\n\n"
            out += "| " + table.columns.map { escape($0.header) }.joined(separator: " | ") + " |\n"
            let numeric = table.columns.indices.map { c in table.rows.contains { if case .number = $0[c] { true } else { false } } }
            out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
            for row in table.rows { out += "| " + row.map { escape(NumberText.human($0)) }.joined(separator: " | ") + " |\n" }
            for note in table.notes { out += "\n_Note: \(escape(note))_\n" }
            out += "\n"
        }
        return out
    }
}
