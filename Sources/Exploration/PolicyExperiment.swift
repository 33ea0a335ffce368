import Simulation

/// One policy of an experiment: its name and the scenario compiled with its values.
public struct ExperimentPolicy: Sendable {
    public let name: String
    public let model: SimulationModel
    public init(name: String, model: SimulationModel) {
        self.name = name
        self.model = model
    }
}

/// A policy's distribution of GRDP growth on the experiment's draws.
public struct PolicyOutcome: Sendable {
    public let name: String
    public let target: Double
    public let probabilityMeetsTarget: Double
    public let medianGrowth: Double
    public let p10Growth: Double
    public let p90Growth: Double
    public let meanGrowth: Double
    /// Against the first policy: P − P₀ and median − median₀ (0 for the first).
    public let probabilityDifference: Double
    public let medianDifference: Double
    /// Whether the policy samples the same inputs, in the same order, as the first: then every
    /// draw holds the same values of the uncertainties under both (common random numbers).
    public let sharesDraws: Bool
}

public struct PolicyExperimentResult: Sendable {
    public let draws: Int
    public let seed: UInt64
    public let outcomes: [PolicyOutcome]
}

/// Policy × uncertainty (as EMA Workbench's experiments): every policy's scenario run by the
/// Monte Carlo engine with the same draws, seed and sampling. The engine's random stream of an
/// input is fixed by the seed and the input's position, so policies that set values of the
/// decision levers (and sample the same uncertain inputs) meet the same uncertainties draw by
/// draw, and each policy's result is exactly that of `grdp run` on its scenario.
/// - Complexity: one Monte Carlo run of `draws` per policy.
public enum PolicyExperiment {
    public static func run(_ policies: [ExperimentPolicy], configuration: RunConfiguration) throws -> PolicyExperimentResult {
        var outcomes: [PolicyOutcome] = []
        var first: (probability: Double, median: Double, parameters: [String])?
        for policy in policies {
            let result = try MonteCarloEngine.run(model: policy.model, configuration: configuration)
            let grdp = result.summary.outputs[result.layout.grdp]
            guard let probability = result.summary.meetsTarget.probability, let median = grdp.quantile(0.5),
                  let p10 = grdp.quantile(0.1), let p90 = grdp.quantile(0.9) else {
                throw ExplorationError.invalidRequest("policy \(policy.name): the run gave no growth distribution; give at least one draw")
            }
            let parameters = policy.model.parameters.map(\.id)
            let reference = first ?? (probability, median, parameters)
            if first == nil { first = reference }
            outcomes.append(PolicyOutcome(
                name: policy.name, target: policy.model.target, probabilityMeetsTarget: probability, medianGrowth: median,
                p10Growth: p10, p90Growth: p90, meanGrowth: grdp.moments.mean,
                probabilityDifference: probability - reference.probability, medianDifference: median - reference.median,
                sharesDraws: parameters == reference.parameters))
        }
        return PolicyExperimentResult(draws: configuration.draws, seed: configuration.seed, outcomes: outcomes)
    }
}
