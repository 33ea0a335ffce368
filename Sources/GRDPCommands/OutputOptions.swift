import ArgumentParser
import Foundation
import Reporting

extension OutputFormat: ExpressibleByArgument {}

/// `--format` and `--output`, shared by every command that prints results.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: text, csv, json or markdown.")
    var format: OutputFormat = .text

    @Option(name: [.short, .long], help: "Write the result to this file (atomically; devices and FIFOs in place) instead of standard output.")
    var output: String?

    /// Renders and writes the report, then commits the command's other staged files, so
    /// that every output file appears only when the whole command has succeeded.
    ///
    /// Order: refuse a report with a non-finite number (`inputs` names what it was
    /// computed from); stage the report (`-o`: fully written to its temporary file); commit
    /// `others` (e.g. `--keep-draws`, `io --write`); commit the report, or write it to
    /// standard output. Any failure before the commits abandons every staged file.
    func emit(_ report: Report, inputs: String, committing others: [StagedFile] = []) throws {
        do {
            try report.checkFinite(inputs: inputs)
            let text = report.rendered(as: format)
            if let output {
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
