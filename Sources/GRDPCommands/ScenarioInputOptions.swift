import ArgumentParser
import Reporting
import Foundation
import Scenarios
import Simulation

/// The scenario argument and the options every planner's-question command shares (sensitivity,
/// goal-seek, discover): which scenario, seed, threads, central assumptions.
struct ScenarioInputOptions: ParsableArguments {
    @Argument(help: "Scenario file (TOML). Default: the embedded Hanoi 2025 plan.") var scenario: String?
    @Option(help: "Seed, 0 … 2⁶³−1 (overrides the scenario).", transform: RunCommand.parseSeed) var seed: UInt64?
    @Option(help: "Worker threads (default: all cores). Results do not depend on it.") var threads: Int?
    @Flag(help: "Hold the dataset's assumptions at their central values instead of sampling them.") var centralAssumptions = false
    @Option(name: .customLong("set"), help: ScenarioSetting.help, transform: ScenarioSetting.parse) var settings: [ScenarioSetting] = []

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    var threadCount: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }

    /// The `meta` entries of the scenario file (none for the embedded plan, whose text is in
    /// the binary).
    var fingerprints: [ReportMeta.Input] { get throws { [try InputFile.fingerprint(role: "scenario", path: scenario)].compactMap { $0 } } }

    /// What the results are computed from, for the finite-result guard's message.
    var inputsDescription: String { "the values in \(scenario ?? "the embedded plan")" }

    /// The scenario (with the options applied) and its compiled model.
    func load() throws -> (scenario: Scenario, model: SimulationModel) {
        var scenario = try RunCommand.loadScenario(self.scenario, settings: settings)
        if let seed { scenario.seed = seed }
        if centralAssumptions { scenario.datasetAssumptions = .central }
        let dataset = try ScenarioCompiler.dataset(for: scenario)
        return (scenario, try ScenarioCompiler.compile(scenario, dataset: dataset))
    }
}
