import ArgumentParser
import Exploration
import Datasets
import Foundation
import Reporting
import Scenarios
import Simulation

/// `grdp report [SCENARIO] -o report.html`: the run as one self-contained HTML page with a
/// plain-language summary and charts; `--svg DIR` also writes each chart as an SVG file.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the run as one self-contained HTML report (summary, fan chart, distribution, contributions, inputs).",
        discussion: """
            Takes every option of 'grdp run'. The page makes no network request and prints on A4. \
            -o FILE.html (or no -o: standard output) writes HTML; -o FILE.json/.csv/.md/.txt or --format \
            writes the run's tables instead. --svg DIR writes the charts as DIR/chart-*.svg.
            """)

    @OptionGroup var simulation: RunCommand
    @Option(help: "Also write every chart as an SVG file into this directory (created when missing).") var svg: String?
    @Option(help: "Draws of the tornado of P(≥ target) (each input at its P10 and P90, the others sampled, common random numbers; 0: no tornado).")
    var tornadoDraws: Int = 1000

    func run() throws {
        if simulation.keepDraws != nil { throw ValidationError("--keep-draws belongs to grdp run; the report keeps no draws") }
        if simulation.storeOptions.path != nil { throw ValidationError("--store belongs to grdp run and grdp batch; the report records no vintage") }
        guard tornadoDraws == 0 || (100...1_000_000).contains(tornadoDraws) else {
            throw ValidationError("--tornado-draws must be 0 or between 100 and 1000000")
        }
        if let output = simulation.outputOptions.output, output != "-" { try StagedFile.checkWritable(output) }
        let simulated = try simulation.simulate(command: "report", progress: ProgressReporter.make(simulation.progressMode, total: simulation.resolvedDraws()))
        let (report, document) = try document(simulated)
        if let svg { try ChartFiles.write(HTMLReport.charts(document), to: svg) }
        let output = simulation.outputOptions.output
        let wantsHTML = simulation.outputOptions.format == nil && (output == nil || output == "-" || OutputFile.formatName(ofPath: output ?? "") == "html"
            || OutputFile.formatName(ofPath: output ?? "") == nil)
        let inputs = "the values in \(simulation.scenario ?? "the embedded plan")"
        if wantsHTML {
            try report.checkFinite(inputs: inputs)
            try OutputFile.write(try HTMLReport.render(document), to: output)
        } else {
            try simulation.outputOptions.emit(report, inputs: inputs)
        }
    }
}

/// `grdp chart KIND`: one chart of the run as an SVG file (or standard output).
struct ChartCommand: ParsableCommand {
    enum Kind: String, CaseIterable, ExpressibleByArgument {
        case fan, distribution, sectors, levers, backtest
    }

    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Write one chart of the run as SVG: fan, distribution, sectors, levers or backtest.",
        discussion: "Takes every option of 'grdp run'; -o FILE.svg writes the file atomically (default: standard output).")

    @Argument(help: "fan, distribution, sectors, levers or backtest (embedded dataset).") var kind: Kind
    @OptionGroup var simulation: RunCommand

    func run() throws {
        if simulation.storeOptions.path != nil { throw ValidationError("--store belongs to grdp run and grdp batch; a chart records no vintage") }
        let simulated = try simulation.simulate(command: "report", progress: ProgressReporter.make(simulation.progressMode, total: simulation.resolvedDraws()))
        let report = SimulationReports.report(simulated.result, title: simulated.scenario.name, datasetDescription: simulated.dataset.description)
        let document = RunReportDocument(result: simulated.result, report: report, sources: [:], backtest: BacktestBands.years(simulated))
        let id = "chart-" + kind.rawValue
        guard let chart = HTMLReport.charts(document).first(where: { $0.id == id }) else {
            throw CommandInputError("chart \(kind.rawValue): not available for this run")
        }
        try OutputFile.write(chart.svg.rendered() + "\n", to: simulation.outputOptions.output)
    }
}

/// The back-test chart's rows: for each past year scored from an annual origin, the band of
/// the baseline model the run uses — its normal predictive distribution, P5/P95 = mean ∓
/// 1.645 sd, as the back-test's coverage counts it — and the published outcome.
enum BacktestBands {
    static func years(_ simulated: RunCommand.Simulated) -> [RunReportDocument.BacktestYear]? {
        let used = simulated.result.model.baselineDynamics?.model ?? .momentum
        let z = 1.6448536269514722
        let rows = simulated.backtestScores.filter { $0.origin == .annual && $0.forecaster == .model(used) }.sorted { $0.year < $1.year }.map {
            RunReportDocument.BacktestYear(year: String($0.year), p5: $0.mean - z * $0.standardDeviation, p50: $0.mean,
                                           p95: $0.mean + z * $0.standardDeviation, outcome: $0.outcome)
        }
        return rows.isEmpty ? nil : rows
    }
}

/// Writes charts as `DIR/<id>.svg`, each atomically.
enum ChartFiles {
    static func write(_ charts: [HTMLReport.Chart], to directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CommandInputError("\(directory): cannot create the directory (\((error as NSError).localizedDescription)); choose a writable path")
        }
        for chart in charts {
            try AtomicFile.write(chart.svg.rendered() + "\n", to: (directory as NSString).appendingPathComponent(chart.id + ".svg"))
        }
    }
}

/// Where each sampled parameter's numbers come from: a lever's `source` or `assumption`
/// text, a dataset assumption's reason, or the scenario table that sets it.
enum ReportSources {
    static func sources(_ simulated: RunCommand.Simulated) -> [String: String] {
        var sources: [String: String] = [:]
        let scenario = simulated.scenario
        for lever in scenario.levers {
            for (key, _) in lever.valueFields {
                sources[Scenario.leverParameterID(lever.id, key)] = (lever.referenceIsAssumption ? "assumption: " : "") + lever.reference
            }
        }
        for parameter in simulated.result.model.parameters where sources[parameter.id] == nil {
            if parameter.id.hasPrefix("baseline.") {
                sources[parameter.id] = "[baseline] of \(scenario.path)"
            } else if parameter.id.hasPrefix("indicators.") {
                sources[parameter.id] = "[indicators] of \(scenario.path)"
            }
        }
        if let assumptions = simulated.dataset.hanoi?.assumptions.assumptions {
            for assumption in assumptions {
                sources["assumptions." + assumption.id] = "dataset assumption: " + assumption.reason
            }
        }
        return sources
    }
}

extension ReportCommand {
    /// The run's report and the HTML page's document built on it (sources, tornado, back-test bands).
    func document(_ simulated: RunCommand.Simulated) throws -> (Report, RunReportDocument) {
        let report = RunCommand.report(simulated)
        let document = RunReportDocument(result: simulated.result, report: report, sources: ReportSources.sources(simulated),
                                         sensitivity: try tornado(simulated), backtest: BacktestBands.years(simulated))
        return (report, document)
    }

    /// The tornado's twelve longest bars (Exploration's `Tornado`, on the run's model and seed).
    func tornado(_ simulated: RunCommand.Simulated) throws -> [RunReportDocument.SensitivityEntry]? {
        guard tornadoDraws > 0, !simulated.result.model.parameters.isEmpty else { return nil }
        let result = try Tornado.run(model: simulated.result.model, draws: tornadoDraws, seed: simulated.result.seed,
                                     threads: simulation.threads ?? ProcessInfo.processInfo.activeProcessorCount)
        return result.bars.prefix(12).map {
            RunReportDocument.SensitivityEntry(input: $0.parameter, probabilityAtLow: $0.probabilityAtLow, probabilityAtHigh: $0.probabilityAtHigh)
        }
    }
}
