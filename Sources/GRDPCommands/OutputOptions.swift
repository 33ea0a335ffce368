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
                throw CommandInputError("\(option): '\(item)' is not of the form name=value; write e.g. \(option) industry=100,trade=50")
            }
            var number = parts[1]
            if percent, number.hasSuffix("%") { number.removeLast() }
            guard let value = Double(number), value.isFinite else {
                throw CommandInputError("\(option): '\(parts[1])' for '\(parts[0])' is not a number")
            }
            guard range.contains(value) else {
                throw CommandInputError("\(option): \(parts[1]) for '\(parts[0])' is out of range; give a value between \(NumberWords.plain(range.lowerBound)) and \(NumberWords.plain(range.upperBound))")
            }
            guard seen.insert(parts[0]).inserted else {
                throw CommandInputError("\(option): '\(parts[0])' is given twice; give each name once")
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
