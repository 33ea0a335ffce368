import Foundation

/// The formats every command can emit.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned plain-text tables for a terminal (default).
    case text
    /// One CSV block per table, preceded by a `# title` line; full-precision numbers.
    case csv
    /// One JSON document: headline object and an array of tables with rows as objects.
    case json
    /// GitHub-flavoured Markdown tables.
    case markdown
}

extension Report {
    /// The report rendered in `format`. Output is a pure function of the report, so equal
    /// reports give identical bytes.
    public func rendered(as format: OutputFormat) -> String {
        switch format {
        case .text: TextRenderer.render(self)
        case .csv: CSVRenderer.render(self)
        case .json: JSONRenderer.render(self)
        case .markdown: MarkdownRenderer.render(self)
        }
    }
}

enum NumberText {
    /// Fixed decimals, with "−0.00" normalised to "0.00".
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "−∞") }
        let text = String(format: "%.\(max(0, decimals))f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(text.dropFirst()) }
        return text
    }

    /// Shortest text that reads back to the same Double (CSV, JSON).
    static func full(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Infinity" : "-Infinity") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func human(_ cell: Cell) -> String {
        switch cell {
        case let .text(text): text
        case let .number(value, decimals): fixed(value, decimals)
        case .empty: ""
        }
    }
}

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

enum JSONRenderer {
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    static func value(_ cell: Cell) -> String {
        switch cell {
        case let .text(text): string(text)
        case let .number(value, _): value.isFinite ? NumberText.full(value) : "null"
        case .empty: "null"
        }
    }

    /// The JSON contract of docs/output-schema.md (schema version `ReportMeta.schemaVersion`):
    /// `meta`, `title`, `headline` (id → number or text), `headline_units`, `headline_text`
    /// (the display lines), `tables` (columns with units, rows as objects keyed by column id).
    static func render(_ report: Report) -> String {
        let figures = report.machineHeadline
        var out = "{\n  \"meta\": " + meta(report.meta) + ",\n"
        out += "  \"title\": \(string(report.title)),\n  \"headline\": {"
        out += figures.map { "\n    \(string($0.id)): \(value($0.value))" }.joined(separator: ",")
        out += figures.isEmpty ? "},\n" : "\n  },\n"
        let units = figures.compactMap { figure in figure.unit.map { "\(string(figure.id)): \(string($0))" } }
        out += "  \"headline_units\": {" + units.joined(separator: ", ") + "},\n"
        out += "  \"headline_text\": ["
        out += report.headline.map { "\n    {\"label\": \(string($0.key)), \"text\": \(string(NumberText.human($0.value)))}" }.joined(separator: ",")
        out += report.headline.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"tables\": ["
        out += report.tables.map { "\n" + table($0, indent: "    ") }.joined(separator: ",")
        out += report.tables.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    /// One table as a JSON object (also the whole document of `--table ID --format json`).
    static func table(_ table: ResultTable, indent: String) -> String {
        var t = indent + "{\n\(indent)  \"id\": \(string(table.id)),\n\(indent)  \"title\": \(string(table.title)),\n"
        t += indent + "  \"columns\": [" + table.columns.map { column in
            "{\"id\": \(string(column.id)), \"header\": \(string(column.header)), \"unit\": \(column.unit.map(string) ?? "null")}"
        }.joined(separator: ", ") + "],\n"
        t += indent + "  \"rows\": ["
        t += table.rows.map { row in
            "\n\(indent)    {" + zip(table.columns, row).map { "\(string($0.id)): \(value($1))" }.joined(separator: ", ") + "}"
        }.joined(separator: ",")
        t += table.rows.isEmpty ? "],\n" : "\n\(indent)  ],\n"
        t += indent + "  \"notes\": [" + table.notes.map(string).joined(separator: ", ") + "]\n\(indent)}"
        return t
    }

    static func number(_ value: Double) -> String { value.isFinite ? NumberText.full(value) : "null" }

    static func meta(_ meta: ReportMeta) -> String {
        var fields: [(String, String)] = [
            ("schema_version", string(ReportMeta.schemaVersion)), ("tool_version", string(ReportMeta.toolVersion)),
            ("command", string(meta.command)),
        ]
        if let run = meta.simulation {
            fields += [
                ("scenario_path", string(run.scenarioPath)), ("scenario_sha256", string(run.scenarioSHA256)),
                ("seed", String(run.seed)), ("draws", String(run.draws)), ("sampling", string(run.sampling)),
                ("target_pct", number(run.targetPercent)), ("dataset_id", string(run.dataset)), ("dataset", string(run.datasetDescription)),
                ("actual_quarters_pct", "[" + run.actualQuartersPercent.map(number).joined(separator: ", ") + "]"),
            ]
        }
        fields.append(("inputs", "[" + meta.inputs.map {
            "{\"role\": \(string($0.role)), \"path\": \(string($0.path)), \"sha256\": \(string($0.sha256))}"
        }.joined(separator: ", ") + "]"))
        return "{\n" + fields.map { "    \(string($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n  }"
    }
}

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

extension String {
    func replacingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
