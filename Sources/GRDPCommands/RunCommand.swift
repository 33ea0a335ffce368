import ArgumentParser
import Datasets
import Forecasting
import Foundation
import Reporting
import Scenarios
import Simulation

/// `grdp run [SCENARIO.toml]`: the main job. Monte Carlo over the scenario's levers on
/// its dataset; with no file, the embedded Hanoi 2025 plan.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate a scenario: probability of reaching the GRDP target, sector and lever contributions with bands.",
        discussion: """
            With no SCENARIO, runs the embedded Hanoi 2025 plan (scenarios/hanoi-2025-plan.toml). \
            Results are identical for any --threads. The scenario format is docs/scenario-format.md.
            """)

    @Argument(help: "Scenario file (TOML). Default: the embedded Hanoi 2025 plan.") var scenario: String?
    @Option(help: "Number of draws (overrides the scenario).") var draws: Int?
    @Option(help: "Seed, 0 … 2⁶³−1 (overrides the scenario).", transform: RunCommand.parseSeed) var seed: UInt64?
    @Option(help: "Sampling: monte-carlo or latin-hypercube (overrides the scenario).") var sampling: String?
    @Option(help: "Worker threads (default: all cores). Results do not depend on it.") var threads: Int?
    @Option(help: "Write every draw (parameters and outputs) to this CSV file, atomically.") var keepDraws: String?
    @Flag(help: "Hold the dataset's assumptions at their central values instead of sampling them.") var centralAssumptions = false
    @Option(help: "Published quarters of the year, e.g. Q1=7.41,Q2=8.13 (overrides the scenario's actual_quarters).") var actual: PublishedQuarters?
    @Option(help: "Baseline model: national (default), national-persistent, local or momentum (overrides the scenario).") var baselineModel: BaselineModel?
    @Option(name: .customLong("set"), help: "Override an input, e.g. national.growth=7.5 (Vietnam's GDP growth forecast, %).") var settings: [ScenarioSetting] = []
    @OptionGroup var outputOptions: OutputOptions

    static func parseSeed(_ text: String) throws -> UInt64 {
        guard let seed = UInt64(text), seed <= UInt64(Int64.max) else {
            throw ValidationError("--seed must be a whole number from 0 to 9223372036854775807 (zero or positive), got '\(text)'")
        }
        return seed
    }

    func validate() throws {
        if let draws, draws < 1 || draws > Scenario.maximumDraws { throw ValidationError("--draws must be between 1 and \(Scenario.maximumDraws)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if let keepDraws, let output = outputOptions.output, StagedFile.sameTarget(keepDraws, output) {
            throw ValidationError("--keep-draws and --output name the same file '\(output)'; give two different files")
        }
        if let sampling, SamplingMethod(rawValue: sampling) == nil { throw ValidationError("--sampling must be monte-carlo or latin-hypercube") }
    }

    /// Kept draws are staged next to their target and committed only after the report has
    /// been written, so a failing `-o` leaves no draws file behind.
    func run() throws {
        if let output = outputOptions.output { try StagedFile.checkWritable(output) }
        let draws = try keepDraws.map { path in
            do { return try StagedFile(path: path, streaming: true) } catch let ReportingError.cannotWrite(_, reason) {
                throw SimulationError.cannotWriteDraws(path: path, reason: reason)
            }
        }
        let report: Report
        do { report = try makeReport(progress: ProgressLine.make(), keptDraws: draws) } catch {
            draws?.abandon()
            throw error
        }
        try outputOptions.emit(report, inputs: "the values in \(scenario ?? "the embedded plan")", committing: draws.map { [$0] } ?? [])
    }

    static func loadScenario(_ path: String?) throws -> Scenario {
        if let path {
            try InputFile.check(path, role: "scenario")
            return try Scenario.load(path: path)
        }
        return try Scenario.parse(HanoiDataset.embedded().defaultScenario, path: "embedded hanoi-2025-plan.toml")
    }

    func makeReport(progress: (@Sendable (Int) -> Void)? = nil, keptDraws: StagedFile? = nil) throws -> Report {
        var scenario = try Self.loadScenario(self.scenario)
        if let draws { scenario.draws = draws }
        if let seed { scenario.seed = seed }
        if let sampling, let method = SamplingMethod(rawValue: sampling) { scenario.sampling = method }
        if centralAssumptions { scenario.datasetAssumptions = .central }
        if let actual { scenario.actualQuarters = actual.values }
        if let baselineModel { scenario.baselineModel = baselineModel }
        for setting in settings { try setting.apply(to: &scenario) }
        let dataset = try ScenarioCompiler.dataset(for: scenario)
        let model = try ScenarioCompiler.compile(scenario, dataset: dataset)
        let configuration = RunConfiguration(
            draws: scenario.draws, seed: scenario.seed,
            sampling: scenario.sampling,
            threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, keptDraws: keptDraws,
            progress: progress)
        let result = try MonteCarloEngine.run(model: model, configuration: configuration)
        ProgressLine.clear(progress != nil)
        var notes: [String] = dataset.notes
        if case .hanoi = model.economy {
            notes.append("dataset assumptions sampled per draw (the Hanoi table is re-derived for each draw)")
        }
        if !model.actualQuarters.isEmpty {
            notes.append(model.baselineDynamics == nil
                ? "annual growth uses the published quarters \(model.actualQuarters.map { String($0) }.joined(separator: ", ")); sector contributions are the model's for the whole year"
                : "conditioned on the published quarters \(model.actualQuarters.map { String($0) }.joined(separator: ", ")): every draw's baseline is updated by them (levers keep their own distributions); all tables add up to the GRDP line")
        }
        var forecast: ForecastContext?
        if dataset.hanoi != nil {
            let variants = try ModelVariants.run(scenario, dataset: dataset, configuration: configuration, except: model.baselineDynamics?.model ?? .momentum)
            let backtest = try ScenarioCompiler.backtest(for: scenario, dataset: dataset, years: Backtest.defaultYears).run(origins: [.annual])
            forecast = ForecastContext(variants: variants.outcomes, backtest: backtest.summaries)
            notes.append(contentsOf: variants.skipped.map { "baseline model left out of the range: \($0)" })
        }
        return SimulationReports.report(result, title: scenario.name, datasetDescription: dataset.description, notes: notes, forecast: forecast)
    }
}

/// A progress line on standard error, only when it is a terminal.
enum ProgressLine {
    static func make() -> (@Sendable (Int) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let state = ProgressState()
        return { done in state.report(done) }
    }

    static func clear(_ active: Bool) {
        if active { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    final class ProgressState: @unchecked Sendable {
        private let lock = NSLock()
        private var last = Date.distantPast
        func report(_ done: Int) {
            lock.lock()
            defer { lock.unlock() }
            let now = Date()
            guard now.timeIntervalSince(last) > 0.25 else { return }
            last = now
            FileHandle.standardError.write(Data("\rgrdp: \(done) draws done".utf8))
        }
    }
}

/// `grdp validate FILE`: checks a scenario completely (syntax, keys, types, parameters,
/// sectors, correlation) without running it.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check a scenario file without running it (exit 1 with file:line: key on the first error).")

    @Argument(help: "Scenario files (TOML).") var files: [String]

    func run() throws {
        for file in files {
            try InputFile.check(file, role: "scenario")
            let scenario = try Scenario.load(path: file)
            let dataset = try ScenarioCompiler.dataset(for: scenario)
            let model = try ScenarioCompiler.compile(scenario, dataset: dataset)
            print("\(file): valid — \(scenario.levers.count) levers, \(model.parameters.count) uncertain parameters, \(scenario.draws) draws")
        }
    }
}
