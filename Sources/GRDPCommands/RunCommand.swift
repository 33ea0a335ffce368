import ArgumentParser
import Datasets
import Forecasting
import ForecastStore
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
    @Option(help: "Sampling: monte-carlo or latin-hypercube (overrides the scenario).") var sampling: SamplingMethod?
    @Option(help: "Worker threads (default: all cores). Results do not depend on it.") var threads: Int?
    @Option(help: "Write every draw (parameters and outputs) to this CSV file, atomically.") var keepDraws: String?
    @Flag(help: "Hold the dataset's assumptions at their central values instead of sampling them.") var centralAssumptions = false
    @Option(help: "Published quarters of the year: the GRDP's and a sector aggregate's, e.g. Q1=7.41,Q2=8.13,services.Q1=8.57 (override the scenario's actual_quarters and actual_sector_quarters).", transform: PublishedQuarters.parse) var actual: PublishedQuarters?
    @Option(help: "Baseline model: national (default), national-persistent, local or momentum (overrides the scenario).") var baselineModel: BaselineModel?
    @Option(name: .customLong("set"), help: ScenarioSetting.help, transform: ScenarioSetting.parse) var settings: [ScenarioSetting] = []
    @Option(name: .customLong("progress"), help: "Progress on standard error: none, bar (default on a terminal) or log (a line every 5 s; default otherwise).")
    var progressMode: ProgressMode?
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var scaleOut: ScaleOutOptions
    @OptionGroup var storeOptions: StoreOptions

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
        if keepDraws == "-" { throw ValidationError("--keep-draws -: the draws cannot go to standard output (they would mix with the report); give a file name") }
    }

    /// Kept draws are staged next to their target and committed only after the report has
    /// been written, so a failing `-o` leaves no draws file behind.
    func run() throws {
        if let partial = scaleOut.partial { return try runShard(to: partial) }
        if let output = outputOptions.output, output != "-" { try StagedFile.checkWritable(output) }
        let draws = try keptDrawsFile()
        let report: Report, vintage: Vintage?
        do { (report, vintage) = try makeReportAndVintage(progress: ProgressReporter.make(progressMode, total: try resolvedDraws()), keptDraws: draws) } catch {
            draws?.abandon()
            throw error
        }
        try storeOptions.record(vintage) {
            try outputOptions.emit(report, inputs: "the values in \(scenario ?? "the embedded plan")", committing: draws.map { [$0] } ?? [])
        }
    }

    /// The number of draws the run will make (`--draws`, else the scenario's), for the progress total.
    func resolvedDraws() throws -> Int {
        if let draws { return draws }
        return try Self.loadScenarioWithFingerprint(scenario == "-" ? nil : scenario, settings: settings).0.draws
    }

    /// The scenario (`-`: standard input; nil: the embedded Hanoi 2025 plan) and the `meta`
    /// entry of its bytes.
    static func loadScenarioWithFingerprint(_ path: String?, settings: [ScenarioSetting] = []) throws -> (Scenario, ReportMeta.Input) {
        let overrides = settings.overrides
        if let path {
            if path == "-" {
                let text = try InputFile.read("-")
                return (try Scenario.parse(text, path: "-", overrides: overrides), try InputFile.fingerprint(role: "scenario", path: "-", text: text))
            }
            try InputFile.check(path, role: "scenario")
            let scenario = try Scenario.load(path: path, overrides: overrides)
            let fingerprint = try InputFile.fingerprint(role: "scenario", path: path) ?? ReportMeta.Input(role: "scenario", path: path, sha256: "")
            return (scenario, fingerprint)
        }
        let text = try HanoiDataset.embedded().defaultScenario
        let name = "embedded hanoi-2025-plan.toml"
        return (try Scenario.parse(text, path: name, overrides: overrides), try InputFile.fingerprint(role: "scenario", path: name, text: text))
    }

    static func loadScenario(_ path: String?, settings: [ScenarioSetting] = []) throws -> Scenario {
        try loadScenarioWithFingerprint(path, settings: settings).0
    }

    /// A finished simulation: the engine's result and what the reports need to describe it.
    struct Simulated {
        let result: RunResult
        let scenario: Scenario
        let dataset: ScenarioCompiler.Dataset
        let meta: ReportMeta
        let notes: [String]
        /// P(≥ target) across baseline models and the back-test scores (embedded dataset only).
        let forecast: ForecastContext?
        /// The back-test's scores by year (annual origins), for the report's back-test chart.
        let backtestScores: [Backtest.Score]
        /// The netting groups' figures (`DrawIndependentResults.netting`).
        let netting: [LeverNetting.GroupSummary]
    }

    /// What computes the Monte Carlo summary of a compiled run (`grdp merge` gives its shards').
    typealias Engine = (SimulationModel, RunIdentity) throws -> RunResult

    /// The scenario with the command's overrides, its fingerprint, its dataset and its model.
    func compiled() throws -> (scenario: Scenario, fingerprint: ReportMeta.Input, dataset: ScenarioCompiler.Dataset, model: SimulationModel) {
        var (scenario, fingerprint) = try Self.loadScenarioWithFingerprint(self.scenario, settings: settings)
        if let draws { scenario.draws = draws }
        if let seed { scenario.seed = seed }
        if let sampling { scenario.sampling = sampling }
        if centralAssumptions { scenario.datasetAssumptions = .central }
        actual?.apply(to: &scenario)
        if let baselineModel { scenario.baselineModel = baselineModel }
        let dataset = try ScenarioCompiler.dataset(for: scenario)
        let model = try ScenarioCompiler.compile(scenario, dataset: dataset)
        return (scenario, fingerprint, dataset, model)
    }

    /// - Parameter drawIndependent: the variants and back-test, when a shard has computed them.
    func simulate(command: String, progress: (@Sendable (Int) -> Void)? = nil, keptDraws: StagedFile? = nil, engine: Engine? = nil,
                  drawIndependent: DrawIndependentResults? = nil) throws -> Simulated {
        let (scenario, fingerprint, dataset, model) = try compiled()
        let configuration = RunConfiguration(
            draws: scenario.draws, seed: scenario.seed,
            sampling: scenario.sampling,
            threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, keptDraws: keptDraws,
            progress: progress)
        let identity = identity(of: scenario, scenarioSHA256: fingerprint.sha256)
        let result = try engine?(model, identity) ?? runEngine(model: model, configuration: configuration, identity: identity)
        ProgressReporter.finish()
        var notes: [String] = dataset.notes
        if case .sampled = model.economy {
            notes.append("dataset assumptions sampled per draw (the Hanoi table is re-derived for each draw)")
        }
        if !model.actualQuarters.isEmpty {
            notes.append(model.baselineDynamics == nil
                ? "annual growth uses the published quarters \(model.actualQuarters.map { String($0) }.joined(separator: ", ")); sector contributions are the model's for the whole year"
                : "conditioned on the published quarters \(model.actualQuarters.map { String($0) }.joined(separator: ", ")): every draw's baseline is updated by them (levers keep their own distributions); all tables add up to the GRDP line")
        }
        if let sigma = model.baselineDynamics?.borrowedQuarterNoise {
            notes.append("the quarter noise of this dataset is an assumption: Hanoi's σ_η = \(String(format: "%.2f", sigma)) pp from its history, with no within-year profile (docs/model.md, \"Published quarters\")")
        }
        if let sectors = model.baselineDynamics?.sectorObservations, !sectors.isEmpty {
            notes.append("conditioned on the published sector quarters \(sectors.map { "\($0.label) \($0.value)" }.joined(separator: ", ")): the lines' baselines and the total are updated by them; all tables add up to the GRDP line")
        }
        var forecast: ForecastContext?
        var backtestScores: [Backtest.Score] = []
        var netting: [LeverNetting.GroupSummary] = []
        if let parts = try drawIndependent ?? DrawIndependentResults.compute(scenario, dataset: dataset, model: model, configuration: configuration) {
            if parts.hasForecast {
                forecast = ForecastContext(variants: parts.variants, backtest: parts.backtest)
                notes.append(contentsOf: parts.skipped.map { "baseline model left out of the range: \($0)" })
                backtestScores = parts.backtestScores
            }
            netting = parts.netting
        }
        var inputs = [fingerprint]
        if let path = scenario.tablePath, let input = try InputFile.fingerprint(role: "table", path: path) { inputs.append(input) }
        if let path = scenario.accountsPath, let input = try InputFile.fingerprint(role: "accounts", path: path) { inputs.append(input) }
        let meta = ReportMeta(command: command, inputs: inputs, simulation: .init(
            scenarioPath: fingerprint.path, scenarioSHA256: fingerprint.sha256, seed: result.seed, draws: result.draws,
            sampling: result.sampling.rawValue, targetPercent: model.target, dataset: scenario.dataset,
            datasetDescription: dataset.description, actualQuartersPercent: model.actualQuarters))
        return Simulated(result: result, scenario: scenario, dataset: dataset, meta: meta, notes: notes, forecast: forecast,
                         backtestScores: backtestScores, netting: netting)
    }

    func makeReport(progress: (@Sendable (Int) -> Void)? = nil, keptDraws: StagedFile? = nil, engine: Engine? = nil,
                    drawIndependent: DrawIndependentResults? = nil) throws -> Report {
        Self.report(try simulate(command: "run", progress: progress, keptDraws: keptDraws, engine: engine, drawIndependent: drawIndependent))
    }

    /// The run's tables, headline figures and `meta`, as `run` and `report` print them.
    static func report(_ simulated: Simulated) -> Report {
        var report = SimulationReports.report(
            simulated.result, title: simulated.scenario.name, datasetDescription: simulated.dataset.description, notes: simulated.notes,
            forecast: simulated.forecast, netting: simulated.netting)
        report.figures = SimulationFigures.headline(simulated.result, forecast: simulated.forecast)
        report.meta = simulated.meta
        return report
    }
}

/// `grdp validate FILE`: checks a scenario completely (syntax, keys, types, parameters,
/// sectors, correlation) without running it.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check a scenario file without running it (exit 1 with file:line: key on the first error).")

    @Argument(help: "Scenario files (TOML); '-' reads standard input.") var files: [String]
    @Option(name: .customLong("set"), help: ScenarioSetting.help, transform: ScenarioSetting.parse) var settings: [ScenarioSetting] = []
    @OptionGroup var outputOptions: OutputOptions

    /// The scenario at `file` (`-`: standard input).
    static func load(_ file: String, settings: [ScenarioSetting] = []) throws -> Scenario {
        file == "-" ? try Scenario.parse(InputFile.read("-"), path: "-", overrides: settings.overrides)
            : try Scenario.load(path: file, overrides: settings.overrides)
    }

    func run() throws {
        var lines: [String] = []
        var table = ResultTable(
            id: "scenarios", title: "Valid scenarios",
            columns: [.init("file", "File"), .init("name", "Name"), .init("levers", "Levers"), .init("parameters", "Uncertain parameters"),
                      .init("draws", "Draws"), .init("sha256", "SHA-256")])
        var inputs: [ReportMeta.Input] = []
        for file in files {
            let text = try file == "-" ? InputFile.read("-") : nil
            if text == nil { try InputFile.check(file, role: "scenario") }
            let scenario = try text.map { try Scenario.parse($0, path: "-", overrides: settings.overrides) } ?? Self.load(file, settings: settings)
            let dataset = try ScenarioCompiler.dataset(for: scenario)
            let model = try ScenarioCompiler.compile(scenario, dataset: dataset)
            lines.append("\(file): valid — \(scenario.levers.count) levers, \(model.parameters.count) uncertain parameters, \(scenario.draws) draws")
            let input = try text.map { try InputFile.fingerprint(role: "scenario", path: "-", text: $0) } ?? InputFile.fingerprint(role: "scenario", path: file)
            if let input { inputs.append(input) }
            table.append([.text(file), .text(scenario.name), .number(Double(scenario.levers.count), decimals: 0),
                          .number(Double(model.parameters.count), decimals: 0), .number(Double(scenario.draws), decimals: 0), .text(input?.sha256 ?? "")])
        }
        if outputOptions.format == nil, outputOptions.table == nil, try outputOptions.resolvedFormat() == .text {
            try OutputFile.write(lines.map { $0 + "\n" }.joined(), to: outputOptions.output)
            return
        }
        try outputOptions.emit(Report(
            title: "Scenario validation", headline: [("Valid files", .number(Double(files.count), decimals: 0))], tables: [table],
            figures: [KeyFigure("valid_files", .number(Double(files.count), decimals: 0), unit: "files")],
            meta: ReportMeta(command: "validate", inputs: inputs)), inputs: files.joined(separator: ", "))
    }
}
