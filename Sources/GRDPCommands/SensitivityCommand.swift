import ArgumentParser
import Exploration
import Foundation
import Reporting

/// `grdp sensitivity [SCENARIO]`: which inputs carry the uncertainty of GRDP growth and of
/// reaching the target — Sobol' indices (or Morris screening) and a tornado.
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Global sensitivity: Sobol' S1/ST with bootstrap intervals (or Morris μ*), and a P10/P90 tornado.",
        discussion: """
            Analyses GRDP growth, the event {growth ≥ target} and any output named with --outputs \
            (a --keep-draws column name). Inputs correlated through the scenario's copula are analysed \
            as one factor per correlated set (group indices); --method shapley gives one effect per input \
            with the correlations included; --ignore-correlations samples every input independently. \
            JSON table ids: sobol (GRDP growth), sobol_event, sobol.OUTPUT, shapley, morris, tornado.
            """)

    enum Method: String, ExpressibleByArgument, CaseIterable { case sobol, morris, shapley }

    @OptionGroup var input: ScenarioInputOptions
    @Option(help: "sobol, morris or shapley (one effect per input, correlations included).") var method: Method = .sobol
    @Option(help: "Factors: parameter (each input, correlated sets together) or group (baseline, levers, assumptions, national, indicators).")
    var by: String = "parameter"
    @Option(help: "Sobol' base samples N (the model runs N·(factors + 2) times); a power of two.") var samples: Int = 4096
    @Option(help: "Morris trajectories.") var trajectories: Int = 100
    @Option(help: "Shapley permutations (the model runs --samples + permutations·(inputs − 1)·3 times).") var permutations: Int = 2000
    @Option(help: "Bootstrap resamples of the intervals.") var resamples: Int = 100
    @Option(help: "Threshold of the event {growth ≥ X} (default: the scenario's target).") var threshold: Double?
    @Option(help: "Other outputs to analyse, comma-separated --keep-draws column names (e.g. growth_pct.industry).")
    var outputs: String?
    @Flag(help: "Sample every input independently (drop the copula) and give each its own index.") var ignoreCorrelations = false
    @Option(help: "Draws of the tornado (0: no tornado).") var tornadoDraws: Int = 4000
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        guard FactorGrouping(rawValue: by) != nil else { throw ValidationError("--by must be parameter or group") }
        guard samples >= 2, samples <= 1 << 16 else { throw ValidationError("--samples must be between 2 and 65536 (the design is held in memory)") }
        guard samples & (samples - 1) == 0 else { throw ValidationError("--samples must be a power of two (e.g. 1024, 4096, 8192) to keep the Sobol' points balanced") }
        guard trajectories >= 2, trajectories <= 100_000 else { throw ValidationError("--trajectories must be between 2 and 100000") }
        guard permutations >= 1, permutations <= 100_000 else { throw ValidationError("--permutations must be between 1 and 100000") }
        guard resamples >= 1, resamples <= 10_000 else { throw ValidationError("--resamples must be between 1 and 10000") }
        guard tornadoDraws == 0 || (tornadoDraws >= 10 && tornadoDraws <= 1_000_000) else { throw ValidationError("--tornado-draws must be 0 or between 10 and 1000000") }
        if let threshold, !threshold.isFinite { throw ValidationError("--threshold must be a number") }
    }

    func run() throws {
        var report = try makeReport()
        report.meta = ReportMeta(command: "sensitivity", inputs: try input.fingerprints)
        try outputOptions.emit(report, inputs: input.inputsDescription)
    }

    func makeReport() throws -> Report {
        let (scenario, model) = try input.load()
        var options = SensitivityAnalysis.Options()
        options.grouping = FactorGrouping(rawValue: by) ?? .parameter
        options.ignoringCorrelation = ignoreCorrelations
        options.extraOutputs = outputs.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        options.seed = scenario.seed
        options.resamples = resamples
        options.threads = input.threadCount
        options.threshold = threshold
        let tornado = tornadoDraws > 0
            ? try Tornado.run(model: model, draws: tornadoDraws, seed: scenario.seed, threshold: threshold, threads: input.threadCount) : nil
        switch method {
        case .sobol:
            let analysis = try SensitivityAnalysis.sobol(model: model, baseSamples: samples, options: options)
            return SensitivityReports.sobol(analysis, title: scenario.name, tornado: tornado)
        case .shapley:
            let analysis = try SensitivityAnalysis.shapley(model: model, permutations: permutations, varianceRows: samples, options: options)
            return SensitivityReports.shapley(analysis, title: scenario.name, tornado: tornado)
        case .morris:
            let analysis = try SensitivityAnalysis.morris(model: model, trajectories: trajectories, options: options)
            return SensitivityReports.morris(analysis, title: scenario.name, tornado: tornado)
        }
    }
}
