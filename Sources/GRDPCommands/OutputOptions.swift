import ArgumentParser
import Foundation
import Reporting

extension OutputFormat: ExpressibleByArgument {}

/// `--format`, `--output` and `--table`, shared by every command that prints results.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: text, csv, json or markdown (default: from the --output extension .txt .csv .json .md, else text).")
    var format: OutputFormat?

    @Option(name: [.short, .long], help: "Write the result to this file (atomically) instead of standard output; '-' is standard output.")
    var output: String?

    @Option(help: "Write only the table with this id: one tidy table (with csv: a header line and rows, as pandas.read_csv reads it).")
    var table: String?

    /// The format: `--format` when given, else the one the `--output` file's extension names
    /// (`.json`, `.csv`, `.md`, `.txt`), else text.
    func resolvedFormat() throws -> OutputFormat {
        if let format { return format }
        guard let output, output != "-" else { return .text }
        switch OutputFile.formatName(ofPath: output) {
        case "json": return .json
        case "csv": return .csv
        case "markdown": return .markdown
        case "html": throw CommandInputError("\(output): HTML is written by 'grdp report -o \((output as NSString).lastPathComponent)'; this command writes text, csv, json or markdown")
        default: return .text
        }
    }

    /// Renders and writes the report: to the file atomically, or to standard output.
    func emit(_ report: Report) throws {
        let format = try resolvedFormat()
        let text: String
        if let table {
            guard let selected = report.table(id: table) else {
                throw CommandInputError("--table \(table): no such table; this output has \(report.tables.map(\.id).joined(separator: ", "))")
            }
            text = selected.rendered(as: format)
        } else {
            text = report.rendered(as: format)
        }
        try OutputFile.write(text, to: output)
    }
}

/// Where output goes: a file written atomically, or standard output for nil or `-`.
enum OutputFile {
    static func write(_ text: String, to path: String?) throws {
        if let path, path != "-" {
            try AtomicFile.write(text, to: path)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// The format a file name's extension names: json, csv, markdown, html, text, or nil.
    static func formatName(ofPath path: String) -> String? {
        switch (path as NSString).pathExtension.lowercased() {
        case "json": "json"
        case "csv": "csv"
        case "md", "markdown": "markdown"
        case "html", "htm": "html"
        case "txt", "text": "text"
        default: nil
        }
    }
}

/// Input files: read whole (`-` is standard input), with the SHA-256 of their bytes for
/// the report's `meta` block.
enum InputFile {
    /// Reads `path` (`-`: standard input) as UTF-8 text.
    static func read(_ path: String) throws -> String {
        if path == "-" {
            return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw CommandInputError("\(path): cannot read the file (\((error as NSError).localizedDescription)); check the path and that it is UTF-8 text")
        }
    }

    /// The `meta` entry of an input already read as `text`.
    static func fingerprint(role: String, path: String, text: String) -> ReportMeta.Input {
        ReportMeta.Input(role: role, path: path, sha256: SHA256Digest.hex(Array(text.utf8)))
    }

    /// The `meta` entry of the file at `path`; nil when it cannot be read (its loader
    /// reports that).
    static func fingerprint(role: String, path: String?) -> ReportMeta.Input? {
        guard let path, path != "-", let data = FileManager.default.contents(atPath: path) else { return nil }
        return ReportMeta.Input(role: role, path: path, sha256: SHA256Digest.hex(data))
    }
}

/// Parses `name=value,name=value` lists (sector shocks, demand changes).
enum AssignmentList {
    static func parse(_ text: String, option: String, percent: Bool = false) throws -> [(String, Double)] {
        try text.split(separator: ",").map { item in
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw CommandInputError("\(option): '\(item)' is not of the form sector=value; write e.g. \(option) industry=100,trade=50")
            }
            var number = parts[1]
            if percent, number.hasSuffix("%") { number.removeLast() }
            guard let value = Double(number), value.isFinite else {
                throw CommandInputError("\(option): '\(parts[1])' for '\(parts[0])' is not a number")
            }
            return (parts[0], value)
        }
    }
}
