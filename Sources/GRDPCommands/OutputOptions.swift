import ArgumentParser
import Foundation
import Reporting

extension OutputFormat: ExpressibleByArgument {}

/// `--format`, `--output` and `--table`, shared by every command that prints results.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: text, csv, json or markdown (default: from the --output extension .txt .csv .json .md, else text).")
    var format: OutputFormat?

    @Option(name: [.short, .long], help: "Write the result to this file (atomically; devices and FIFOs in place) instead of standard output; '-' is standard output.")
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

    /// Renders and writes the report (or only `--table`), then commits the command's other
    /// staged files, so that every output file appears only when the whole command has
    /// succeeded.
    ///
    /// Order: refuse a report with a non-finite number (`inputs` names what it was
    /// computed from); stage the report (`-o`: fully written to its temporary file); commit
    /// `others` (e.g. `--keep-draws`, `io --write`); commit the report, or write it to
    /// standard output. Any failure before the commits abandons every staged file.
    func emit(_ report: Report, inputs: String, committing others: [StagedFile] = []) throws {
        do {
            try report.checkFinite(inputs: inputs)
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
            if let output, output != "-" {
                try Self.refuseOverwritingInput(output, inputs: report.meta.inputs)
                let file = try StagedFile(path: output)
                do {
                    try file.append(text)
                    for other in others { try other.commit() }
                    try file.commit()
                } catch {
                    file.abandon()
                    throw error
                }
            } else {
                for other in others { try other.commit() }
                try StandardOutput.write(text)
            }
        } catch {
            for other in others { other.abandon() }
            throw error
        }
    }
}

extension OutputOptions {
    /// `-o` must not name a file the report was computed from (the same file by device and
    /// inode, so a symlink or another spelling of the path counts): replacing it would lose the input.
    static func refuseOverwritingInput(_ output: String, inputs: [ReportMeta.Input]) throws {
        guard let target = FileIdentity(path: output) else { return }
        for input in inputs where FileIdentity(path: input.path) == target {
            throw CommandInputError("-o \(output): is the \(input.role) this report is computed from (\(input.path)); write the report to another file")
        }
    }
}

/// A file's device and inode, for telling whether two paths name the same file.
struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64

    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}

/// Where output goes: a file written atomically (devices and FIFOs in place), or standard
/// output for nil or `-`.
enum OutputFile {
    static func write(_ text: String, to path: String?) throws {
        if let path, path != "-" {
            try AtomicFile.write(text, to: path)
        } else {
            try StandardOutput.write(text)
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
extension InputFile {
    /// Reads `path` (`-`: standard input) as UTF-8 text.
    static func read(_ path: String) throws -> String {
        if path == "-" {
            return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        try check(path, role: "input")
        do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw CommandInputError("\(path): cannot read the file (\((error as NSError).localizedDescription)); check the path and that it is UTF-8 text")
        }
    }

    /// The `meta` entry of an input already read as `text`.
    static func fingerprint(role: String, path: String, text: String) throws(ReportingError) -> ReportMeta.Input {
        ReportMeta.Input(role: role, path: path, sha256: try SHA256Digest.hex(text.utf8))
    }

    /// The `meta` entry of the file at `path`; nil when it cannot be read (its loader
    /// reports that).
    static func fingerprint(role: String, path: String?) throws(ReportingError) -> ReportMeta.Input? {
        guard let path, path != "-", let data = FileManager.default.contents(atPath: path) else { return nil }
        return ReportMeta.Input(role: role, path: path, sha256: try SHA256Digest.hex(data))
    }
}

/// Standard output written with checked writes: a full device or a closed pipe is an
/// error line, not a crash or a silent loss.
enum StandardOutput {
    static func write(_ text: String) throws {
        let file = try StagedFile(path: "/dev/stdout", streaming: true)
        do { try file.append(text) } catch {
            throw CommandInputError("standard output: cannot write the result (\(Self.reason(error))); check where standard output goes")
        }
    }

    static func reason(_ error: Error) -> String {
        if case let ReportingError.cannotWrite(_, reason) = error { return reason }
        return "\(error)"
    }
}

/// Parses `name=value,name=value` lists (sector shocks, demand changes, quarters), as the
/// `transform` of an option: each error is a `ValidationError` (exit 64), which
/// ArgumentParser prefixes with the flag and the value.
///
/// Each name may appear once (`--impact a=1,a=2` is an error for every option, rather than
/// summing for one and keeping the last for another), and each value must lie in `range`:
/// amounts within ±1e15 table units (`amountRange`), percentages from −100 (a price or a
/// demand category falling to zero) to 1,000 (`percentRange`).
enum AssignmentList {
    static let amountRange: ClosedRange<Double> = -1e15...1e15
    static let percentRange: ClosedRange<Double> = -100...1000

    static func parse(_ text: String, option: String, percent: Bool = false, range: ClosedRange<Double>) throws -> [(String, Double)] {
        var seen: Set<String> = []
        return try text.split(separator: ",", omittingEmptySubsequences: false).map { item in
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ValidationError("'\(item)' is not of the form name=value; write e.g. \(option) industry=100,trade=50")
            }
            var number = parts[1]
            if percent, number.hasSuffix("%") { number.removeLast() }
            guard let value = Double(number), value.isFinite else {
                throw ValidationError("'\(parts[1])' for '\(parts[0])' is not a number")
            }
            guard range.contains(value) else {
                throw ValidationError("\(parts[1]) for '\(parts[0])' is out of range; give a value between \(NumberWords.plain(range.lowerBound)) and \(NumberWords.plain(range.upperBound))")
            }
            guard seen.insert(parts[0]).inserted else {
                throw ValidationError("'\(parts[0])' is given twice; give each name once")
            }
            return (parts[0], value)
        }
    }
}

/// Numbers in messages: integers without ".0", others as Swift prints them.
enum NumberWords {
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e6 ? String(Int64(value)) : String(format: "%g", value)
    }
}
