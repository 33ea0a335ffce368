import Foundation

/// `--format json`: one JSON document (docs/output-schema.md), numbers in full precision.
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
