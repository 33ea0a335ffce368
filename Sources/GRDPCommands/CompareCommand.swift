import ArgumentParser
import Exploration
import Foundation
import Reporting
import Scenarios
import Simulation

/// `grdp compare A.toml B.toml …`: plans on common random numbers, paired against the first.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare plans on common random numbers: paired differences, P(B better than A), by line and by lever.",
        discussion: """
            Every plan is evaluated on the same draws: an input's draws are keyed by its parameter id \
            (e.g. baseline.industry), so plans that share an input share its values draw by draw. \
            Also: P(growth ≥ x) for --thresholds, P(every line meets its own plan target), and the mean \
            growth of every line in the draws near the target (--window).
            """)

    @Argument(help: "Scenario files (TOML); the first is the reference. One file: its own tables without differences.") var files: [String]
    @Option(help: "Common draws.") var draws: Int = 20_000
    @Option(help: "Seed, 0 … 2⁶³−1 (default: the first scenario's).", transform: RunCommand.parseSeed) var seed: UInt64?
    @Option(help: "Thresholds of P(growth ≥ x) in %, comma-separated (e.g. 6,7,8,9).", transform: CommaList.thresholds) var thresholds: [Double]?
    @Option(help: "Half-width (pp) of the window around the target for the line growth near it.") var window: Double = 0.25
    @Option(help: "Worker threads (default: all cores). Results do not depend on it.") var threads: Int?
    @Flag(help: "Hold the dataset's assumptions at their central values instead of sampling them.") var centralAssumptions = false
    @Option(name: .customLong("set"), help: ScenarioSetting.help, transform: ScenarioSetting.parse) var settings: [ScenarioSetting] = []
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give one scenario file, or two or more to compare") }
        guard draws >= 100, draws <= 200_000 else { throw ValidationError("--draws must be between 100 and 200000 (every output of every plan is held in memory)") }
        guard window > 0, window.isFinite else { throw ValidationError("--window must be a positive number of pp, e.g. 0.25") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func parsedThresholds() -> [Double] { thresholds ?? [] }

    func run() throws {
        var report = try makeReport()
        report.meta = ReportMeta(command: "compare", inputs: try files.compactMap { try InputFile.fingerprint(role: "scenario", path: $0) })
        try outputOptions.emit(report, inputs: "the values in " + files.joined(separator: ", "))
    }

    func makeReport() throws -> Report {
        var plans: [ComparedPlan] = []
        var firstSeed: UInt64?
        for file in files {
            var scenario = try Scenario.load(path: file, overrides: settings.overrides)
            if centralAssumptions { scenario.datasetAssumptions = .central }
            let dataset = try ScenarioCompiler.dataset(for: scenario)
            let model = try ScenarioCompiler.compile(scenario, dataset: dataset)
            var targets: [String: Double] = [:]
            for sector in dataset.accounts.sectors { if let target = sector.target { targets[sector.name] = target } }
            plans.append(ComparedPlan(name: scenario.name, model: model, lineTargets: targets))
            if firstSeed == nil { firstSeed = scenario.seed }
        }
        let result = try PlanComparison.compare(
            plans, draws: draws, seed: seed ?? firstSeed ?? Scenario.defaultSeed, thresholds: parsedThresholds(), window: window,
            threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        return ComparisonReports.report(result)
    }
}
