import ArgumentParser
import Exploration
import Foundation
import Reporting
import Scenarios
import Simulation

/// `grdp experiment [SCENARIO]`: policy × uncertainty. Every `[[policy]]` of the scenario (the
/// values the planner chooses) is run on the same draws of the uncertainties.
struct ExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiment",
        abstract: "Run every [[policy]] of a scenario on the same draws: P(≥ target), median, P10/P90, and the difference to the first.",
        discussion: """
            A policy is a name and the keys it sets (set = ["levers.ID.amount.mode=45000", …], written as --set); \
            each policy's row is what grdp run gives on the scenario with those --set values, the same seed and draws. \
            --set options apply to every policy, before the policy's own values. docs/scenario-format.md, "Policies".
            """)

    @OptionGroup var input: ScenarioInputOptions
    @Option(help: "Draws per policy (default: the scenario's).") var draws: Int?
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if let draws, draws < 1 || draws > Scenario.maximumDraws { throw ValidationError("--draws must be between 1 and \(Scenario.maximumDraws)") }
    }

    func run() throws {
        var report = try makeReport()
        report.meta = ReportMeta(command: "experiment", inputs: try input.fingerprints)
        try outputOptions.emit(report, inputs: input.inputsDescription)
    }

    func makeReport() throws -> Report {
        var scenario = try RunCommand.loadScenario(input.scenario, settings: input.settings)
        guard !scenario.policies.isEmpty else {
            throw CommandInputError("\(input.scenario ?? "the embedded plan"): the scenario declares no [[policy]]; add [[policy]] tables with name = \"…\" and set = [\"KEY=VALUE\", …] (docs/scenario-format.md, \"Policies\")")
        }
        if let seed = input.seed { scenario.seed = seed }
        if let draws { scenario.draws = draws }
        let configuration = RunConfiguration(draws: scenario.draws, seed: scenario.seed, sampling: scenario.sampling, threads: input.threadCount)
        var policies: [ExperimentPolicy] = []
        for policy in scenario.policies {
            var variant: Scenario
            do {
                variant = try RunCommand.loadScenario(input.scenario, settings: input.settings + policy.overrides.map { ScenarioSetting(override: $0) })
            } catch let error as ScenarioError where error.file == ScenarioSources.commandLineName {
                // A policy's value the scenario rejects: at the policy, with the key it sets.
                throw CommandInputError("\(scenario.path):\(policy.line): policy \"\(policy.name)\": \(error.description)")
            }
            if input.centralAssumptions { variant.datasetAssumptions = .central }
            let dataset = try ScenarioCompiler.dataset(for: variant)
            policies.append(ExperimentPolicy(name: policy.name, model: try ScenarioCompiler.compile(variant, dataset: dataset)))
        }
        let result = try PolicyExperiment.run(policies, configuration: configuration)
        return ExperimentReports.report(result, title: scenario.name, sampling: scenario.sampling.rawValue)
    }
}
