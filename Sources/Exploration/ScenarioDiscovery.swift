import Sensitivity
import Simulation

/// PRIM over sampled inputs: which ranges of the inputs make {growth ≥ threshold} likely.
public struct DiscoveryResult: Sendable {
    public let inputs: [String]
    public let threshold: Double
    public let draws: Int
    /// The peeling trajectory, the full box first.
    public let trajectory: [PatientRuleInduction.Box]
    /// The box chosen on the trajectory.
    public let chosen: Int
    /// The inputs' own range over the draws (for the restrictions' context).
    public let minimum: [Double]
    public let maximum: [Double]
}

/// Scenario discovery (Bryant & Lempert 2010) with PRIM peeling on a scenario's draws or on
/// given data (a `--keep-draws` file's parameter columns). The box chosen is the densest one
/// whose coverage is at least `minimumCoverage`, or step `box` when given.
public enum ScenarioDiscovery {
    public static func sample(model: SimulationModel, draws: Int, seed: UInt64, threads: Int = 1) throws -> (inputs: [Double], growth: [Double]) {
        try SensitivityAnalysis.requireUncertainty(model)
        let evaluation = try ModelEvaluation(model: model)
        let rows = try evaluation.evaluate(uniforms: evaluation.sampledUniforms(rows: draws, seed: seed), outputs: [evaluation.layout.grdp],
                                           keepParameters: true, threads: threads)
        return (rows.parameters ?? [], Array(rows.output(0)))
    }

    public static func discover(
        inputs names: [String], data: [Double], growth: [Double], threshold: Double, alpha: Double = 0.05, minimumMass: Double = 0.05,
        minimumCoverage: Double = 0.5, box: Int? = nil
    ) throws -> DiscoveryResult {
        let d = names.count, n = growth.count
        // Inputs that never vary cannot be peeled; PRIM sees them but never restricts them.
        let trajectory = try PatientRuleInduction.peel(data: data, dimensions: d, outcome: growth.map { $0 >= threshold },
                                                       alpha: alpha, minimumMass: minimumMass)
        var chosen: Int
        if let box {
            guard box >= 0, box < trajectory.count else {
                throw ExplorationError.invalidRequest("--box \(box) is not on the trajectory; choose 0…\(trajectory.count - 1)")
            }
            chosen = box
        } else {
            chosen = 0
            for (i, b) in trajectory.enumerated() where b.coverage >= minimumCoverage && b.density >= trajectory[chosen].density { chosen = i }
        }
        var minimum = [Double](repeating: .infinity, count: d), maximum = [Double](repeating: -.infinity, count: d)
        for i in 0..<n {
            for j in 0..<d {
                minimum[j] = min(minimum[j], data[i * d + j])
                maximum[j] = max(maximum[j], data[i * d + j])
            }
        }
        return DiscoveryResult(inputs: names, threshold: threshold, draws: n, trajectory: trajectory, chosen: chosen, minimum: minimum, maximum: maximum)
    }
}
