import Datasets
import ForecastStore
import Foundation
import Reporting
import Scenarios

/// The vintage of a `grdp run --store`: what was run, and what the report says.
extension RunCommand {
    /// The overrides of this command line, in a fixed order (part of the job hash):
    /// `--sampling`, `--actual`, `--baseline-model`, each `--set`, `--central-assumptions`.
    /// `--draws` and `--seed` are recorded in their own columns.
    var overrideArguments: [String] {
        var list: [String] = []
        if let sampling { list.append("--sampling=\(sampling.rawValue)") }
        if let actual { list.append("--actual=" + actual.argument) }
        if let baselineModel { list.append("--baseline-model=\(baselineModel.rawValue)") }
        list += settings.map { "--set=" + $0.override.argument }
        if centralAssumptions { list.append("--central-assumptions") }
        return list
    }

    /// The scenario's text (the embedded plan's, or the file's), its name and the seed and
    /// draws this command line resolves to.
    func scenarioForStore() throws -> (text: String, path: String, seed: UInt64, draws: Int, inputs: [String]) {
        if scenario == "-" {
            throw CommandInputError("--store needs the scenario as a file (standard input cannot be recorded); save it to a file and give its name")
        }
        let text = try scenario.map { try InputFile.read($0) } ?? HanoiDataset.embedded().defaultScenario
        let parsed = try Scenario.parse(text, path: scenario ?? "embedded hanoi-2025-plan.toml")
        let inputs = try [("table", parsed.tablePath), ("accounts", parsed.accountsPath)].compactMap { role, path in
            try InputFile.fingerprint(role: role, path: path).map { "\(role) \($0.sha256)" }
        }
        return (text, scenario ?? "embedded hanoi-2025-plan.toml", seed ?? parsed.seed, draws ?? parsed.draws, inputs)
    }

    /// The content hash a batch skips by (`Vintage.jobHash`).
    func jobHash() throws -> String {
        let scenario = try scenarioForStore()
        return try Vintage.jobHash(scenarioContent: scenario.text, inputs: scenario.inputs, overrides: overrideArguments, seed: scenario.seed, draws: scenario.draws,
                               toolVersion: ReportMeta.toolVersion)
    }

    /// The report, and its vintage when `--store` is given.
    func makeReportAndVintage(progress: (@Sendable (Int) -> Void)? = nil, keptDraws: StagedFile? = nil) throws -> (Report, Vintage?) {
        guard storeOptions.path != nil else { return (try makeReport(progress: progress, keptDraws: keptDraws), nil) }
        let source = try scenarioForStore()
        try storeOptions.check()
        let simulated = try simulate(command: "run", progress: progress, keptDraws: keptDraws)
        let report = Self.report(simulated)
        guard try SHA256Digest.hex(source.text.utf8) == simulated.meta.simulation?.scenarioSHA256 || scenario == nil else {
            throw CommandInputError("\(source.path): the scenario file changed during the run; run again")
        }
        try report.checkFinite(inputs: "the values in \(scenario ?? "the embedded plan")")
        let baselineModel = report.figures.first { $0.id == "baseline_model" }.flatMap { figure -> String? in
            if case let .text(text) = figure.value { return text }
            return nil
        }
        let vintage = Vintage(
            createdAt: Date(), toolVersion: ReportMeta.toolVersion, scenarioName: simulated.scenario.name, scenarioPath: source.path,
            scenarioSHA256: try SHA256Digest.hex(source.text.utf8), scenarioContent: source.text, dataset: simulated.scenario.dataset,
            year: simulated.scenario.year ?? simulated.dataset.accounts.year ?? 0, actualQuarters: simulated.result.model.actualQuarters,
            overrides: overrideArguments, seed: simulated.result.seed, draws: simulated.result.draws, sampling: simulated.result.sampling.rawValue,
            baselineModel: baselineModel ?? "", jobHash: try jobHash(), figures: report.figures, tables: report.tables)
        return (report, vintage)
    }
}
