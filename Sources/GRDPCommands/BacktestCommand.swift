import ArgumentParser
import Forecasting
import Reporting
import Scenarios
import Simulation

/// `grdp backtest`: the rolling-origin evaluation of the baseline forecast over every year
/// the embedded history allows (docs/backtest.md).
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Score the baseline forecast and the benchmarks on past years (CRPS, PIT, coverage, log score, Brier).",
        discussion: """
            For each year, forecasts are made from what was published by 31 January, 30 April (after Q1), \
            31 July (H1) and 31 October (9M), and scored against the year's first release. The momentum \
            variant takes its spread from SCENARIO's [baseline] (default: the embedded Hanoi 2025 plan).
            """)

    @Argument(help: "Scenario whose [baseline] spreads the momentum variant uses. Default: the embedded Hanoi 2025 plan.") var scenario: String?
    @Option(help: "First year to score.") var from: Int = Backtest.defaultYears.lowerBound
    @Option(help: "Last year to score.") var to: Int = Backtest.defaultYears.upperBound
    @Flag(help: "Annual origins only (no conditioning on quarters).") var annualOnly = false
    @Option(name: .customLong("set"), help: ScenarioSetting.help, transform: ScenarioSetting.parse) var settings: [ScenarioSetting] = []
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        guard from <= to else { throw ValidationError("--from \(from) is after --to \(to); give the first year first") }
    }

    func run() throws {
        let (scenario, fingerprint) = try RunCommand.loadScenarioWithFingerprint(self.scenario, settings: settings)
        let dataset = try ScenarioCompiler.dataset(for: scenario)
        let backtest = try ScenarioCompiler.backtest(for: scenario, dataset: dataset, years: from...to)
        let result = backtest.run(origins: annualOnly ? [.annual] : Backtest.Origin.allCases)
        guard !result.scores.isEmpty else {
            throw CommandInputError(
                "--from \(from) --to \(to): no year in this range can be back-tested (\(result.skipped.first ?? "no history")); the embedded history supports \(Backtest.defaultYears.lowerBound)–\(Backtest.defaultYears.upperBound)")
        }
        var report = BacktestReports.report(result)
        report.meta = ReportMeta(command: "backtest", inputs: [fingerprint])
        try outputOptions.emit(report, inputs: "the embedded history (data/sources/grdp_history.csv)")
    }
}
