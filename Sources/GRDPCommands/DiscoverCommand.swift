import ArgumentParser
import Exploration
import Foundation
import Reporting

/// `grdp discover [SCENARIO]`: what the draws that reach the target have in common (PRIM).
struct DiscoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "Scenario discovery: PRIM boxes of the inputs in which growth ≥ target (or --threshold) is likely.",
        discussion: """
            Samples the scenario (plain Monte Carlo, the engine's draws) or reads a `grdp run --keep-draws` \
            file (--from-draws: its parameter columns are the inputs), then peels (α = 0.05) down to 5% of \
            the draws. The box shown is the densest with coverage ≥ --min-coverage, or --box N.
            """)

    @OptionGroup var input: ScenarioInputOptions
    @Option(help: "Event threshold: growth ≥ X (default: the scenario's target).") var threshold: Double?
    @Option(help: "Draws to sample.") var draws: Int = 20_000
    @Option(help: "Use the draws of a `grdp run --keep-draws` CSV file (or its .gz) instead of sampling.") var fromDraws: String?
    @Option(help: "Peeling share per step, in (0, 0.5).") var alpha: Double = 0.05
    @Option(help: "Choose the densest box with at least this coverage.") var minCoverage: Double = 0.5
    @Option(help: "Show step N of the trajectory instead.") var box: Int?
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        guard draws >= 100, draws <= 1_000_000 else { throw ValidationError("--draws must be between 100 and 1000000 (the draws are held in memory)") }
        guard alpha > 0, alpha < 0.5 else { throw ValidationError("--alpha must be in (0, 0.5), e.g. 0.05") }
        guard minCoverage >= 0, minCoverage <= 1 else { throw ValidationError("--min-coverage must be between 0 and 1") }
        if let threshold, !threshold.isFinite { throw ValidationError("--threshold must be a number") }
    }

    func run() throws {
        var report = try makeReport()
        report.meta = ReportMeta(command: "discover", inputs: try input.fingerprints)
        try outputOptions.emit(report, inputs: input.inputsDescription)
    }

    func makeReport() throws -> Report {
        let (scenario, model) = try input.load()
        let threshold = self.threshold ?? model.target
        let names: [String], data: [Double], growth: [Double], source: String
        if let fromDraws {
            (names, data, growth) = try KeptDraws.load(path: fromDraws)
            source = "read from \(fromDraws)"
        } else {
            (data, growth) = try ScenarioDiscovery.sample(model: model, draws: draws, seed: scenario.seed, threads: input.threadCount)
            names = model.parameters.map(\.id)
            source = "monte-carlo, seed \(scenario.seed)"
        }
        let result = try ScenarioDiscovery.discover(inputs: names, data: data, growth: growth, threshold: threshold, alpha: alpha,
                                                    minimumCoverage: minCoverage, box: box)
        return DiscoveryReports.report(result, title: scenario.name, source: source)
    }
}

/// Reads a `--keep-draws` CSV, plain or gzip (`--keep-draws NAME.gz`; told by its first
/// bytes): the columns between `draw` and `grdp_growth` are the parameters.
enum KeptDraws {
    static func load(path: String) throws -> (names: [String], data: [Double], growth: [Double]) {
        let bytes = try contents(of: path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CommandInputError("\(path): the draws file is not UTF-8 text; give a file written by `grdp run --keep-draws FILE`")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).makeIterator()
        guard let header = lines.next()?.split(separator: ",").map(String.init), header.first == "draw",
              let growthColumn = header.firstIndex(of: "grdp_growth"), growthColumn > 1 else {
            throw CommandInputError("\(path):1: not a --keep-draws file (the header must start with draw, the parameters, then grdp_growth)")
        }
        let names = Array(header[1..<growthColumn])
        var data: [Double] = [], growth: [Double] = []
        var number = 1
        while let line = lines.next() {
            number += 1
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count == header.count else {
                throw CommandInputError("\(path):\(number): \(cells.count) fields where the header has \(header.count); the file is truncated or not a --keep-draws file")
            }
            for c in 1...growthColumn {
                guard let value = Double(cells[c]), value.isFinite else {
                    throw CommandInputError("\(path):\(number): column \(header[c]): '\(cells[c])' is not a number")
                }
                if c == growthColumn { growth.append(value) } else { data.append(value) }
            }
        }
        guard growth.count >= 2 else { throw CommandInputError("\(path): fewer than 2 draws; run with more --draws") }
        return (names, data, growth)
    }

    /// The file's bytes, decompressed when it is gzip.
    static func contents(of path: String) throws -> [UInt8] {
        do { return try GzipInput.contents(of: path) } catch {
            throw CommandInputError("\(error.description); give a file written by `grdp run --keep-draws FILE`")
        }
    }
}
