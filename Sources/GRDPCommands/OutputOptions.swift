import ArgumentParser
import Foundation
import Reporting

extension OutputFormat: ExpressibleByArgument {}

/// `--format` and `--output`, shared by every command that prints results.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: text, csv, json or markdown.")
    var format: OutputFormat = .text

    @Option(name: [.short, .long], help: "Write the result to this file (atomically) instead of standard output.")
    var output: String?

    /// Renders and writes the report: to the file atomically, or to standard output.
    func emit(_ report: Report) throws {
        let text = report.rendered(as: format)
        if let output {
            try AtomicFile.write(text, to: output)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
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
