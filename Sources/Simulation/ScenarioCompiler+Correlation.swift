import Sampling
import Scenarios

extension ScenarioCompiler {
    /// The copula over the correlated parameters, with each one's index in the draw; nil
    /// without `[correlation]`. O(correlated parameters).
    /// - Throws: `invalidModel` naming a correlated parameter that is not sampled in this run.
    static func correlation(
        _ scenario: Scenario, copula: GaussianCopula?, parameters: ParameterIndex
    ) throws -> (indices: [Int], copula: GaussianCopula)? {
        guard let spec = scenario.correlation, let copula else { return nil }
        var indices: [Int] = []
        for id in spec.parameters {
            guard let index = parameters.index(of: id) else {
                throw SimulationError.invalidModel("\(scenario.path): [correlation]: correlated parameter '\(id)' is not sampled in this run")
            }
            indices.append(index)
        }
        return (indices, copula)
    }
}
