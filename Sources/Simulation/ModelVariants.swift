import Scenarios

/// P(GRDP growth ≥ target) of one scenario under every baseline model that can run on its
/// dataset, on the same seed and sampling, for the report's "range across model variants"
/// (model uncertainty, which the Monte Carlo interval of one model does not contain).
public enum ModelVariants {
    public struct Outcome: Sendable {
        public let model: BaselineModel
        public let probability: Double
        public let median: Double?
        public let draws: Int
    }

    /// Draws per variant: 8,192 (2 blocks) give P within about ±1.1 points (95%), enough to
    /// show a range across models that spans tens of points, at a fifth of the main run's cost
    /// for the three other models together.
    public static let drawsPerVariant = 8_192

    /// Runs each variant other than `except` (whose full run the caller has). A variant that
    /// cannot be built for this scenario (e.g. momentum without `[baseline]`, or too little
    /// history for a regression) is left out with its reason in `skipped`.
    public static func run(
        _ scenario: Scenario, dataset: ScenarioCompiler.Dataset, configuration: RunConfiguration, except: BaselineModel
    ) throws -> (outcomes: [Outcome], skipped: [String]) {
        guard dataset.hanoi != nil else { return ([], []) }
        var outcomes: [Outcome] = [], skipped: [String] = []
        for model in BaselineModel.allCases where model != except {
            var variant = scenario
            variant.baselineModel = model
            variant.draws = min(scenario.draws, drawsPerVariant)
            guard model != .momentum || !variant.baseline.isEmpty else {
                skipped.append("\(model.rawValue): the scenario has no [baseline]")
                continue
            }
            let compiled: SimulationModel
            do { compiled = try ScenarioCompiler.compile(variant, dataset: dataset) } catch {
                skipped.append("\(model.rawValue): \(error)")
                continue
            }
            var own = configuration
            own.draws = variant.draws
            own.keptDraws = nil
            own.progress = nil
            let result = try MonteCarloEngine.run(model: compiled, configuration: own)
            outcomes.append(Outcome(model: model, probability: result.summary.meetsTarget.probability ?? 0,
                                    median: result.summary.outputs[result.layout.grdp].quantile(0.5), draws: own.draws))
        }
        return (outcomes, skipped)
    }
}
