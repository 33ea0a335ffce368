import InputOutput
import LinearAlgebra
import Sampling
import Simulation
import TestSupport

/// A scenario whose GRDP growth is linear in independent normal inputs: lines agriculture
/// (share 0.3), manufacturing (0.6) and product taxes (0.1) on the Miller & Blair (2009) §2.3
/// economy, normal baselines, one growth shift on agriculture, tax elasticity 1 (or sampled).
/// G = 0.3·b_agri + 0.6·b_manu + 0.1·b_tax + 0.3·(1 + 1·0.1/0.9)·shift (docs/model.md, steps 4–6).
enum LinearScenario {
    static let means = [3.0, 7.0, 5.0, 0.5]
    static let deviations = [0.5, 1.0, 2.0, 0.6]
    static let coefficients = [0.3, 0.6, 0.1, 0.3 * (1 + 0.1 / 0.9)]
    static var meanGrowth: Double { zip(coefficients, means).reduce(0) { $0 + $1.0 * $1.1 } }
    static var variance: Double { zip(coefficients, deviations).reduce(0) { $0 + $1.0 * $1.0 * $1.1 * $1.1 } }

    /// - Parameters:
    ///   - correlation: ρ between baseline.agriculture and baseline.product_taxes (0: none).
    ///   - shiftMean: the mean of the shift lever.
    ///   - sampledElasticity: make the tax elasticity a parameter (the per-draw path).
    ///   - extraLever: add a growth shift on manufacturing, N(0.2, 0.3²), whose parameter
    ///     `levers.extra.shift` comes FIRST, so every other parameter moves one place.
    ///   - nationalFactor: append a parameter `national.growth` that the model does not use (the
    ///     forecast's national input is named so); its indices must be 0.
    static func model(correlation rho: Double = 0, shiftMean: Double = 0.5, sampledElasticity: Bool = false, extraLever: Bool = false,
                      nationalFactor: Bool = false) throws -> SimulationModel
    {
        let table = try TableFixtures.millerBlair()
        let economy = try EconomyCoefficients(table: table)
        var parameters = try [
            ParameterSpecification(id: "baseline.agriculture", distribution: .normal(mean: means[0], standardDeviation: deviations[0])),
            ParameterSpecification(id: "baseline.manufacturing", distribution: .normal(mean: means[1], standardDeviation: deviations[1])),
            ParameterSpecification(id: "baseline.product_taxes", distribution: .normal(mean: means[2], standardDeviation: deviations[2])),
            ParameterSpecification(id: "levers.farm.shift", distribution: .normal(mean: shiftMean, standardDeviation: deviations[3])),
        ]
        if sampledElasticity {
            parameters.append(ParameterSpecification(id: "baseline.tax_elasticity", distribution: try .triangular(lower: 0.5, mode: 1, upper: 1.5)))
        }
        if nationalFactor {
            parameters.append(ParameterSpecification(id: "national.growth", distribution: try .normal(mean: 6.5, standardDeviation: 0.8)))
        }
        let o = extraLever ? 1 : 0
        var levers = [SimulationLever(id: "farm", name: "Farm productivity", category: .supply,
                                      effect: .growthShift(sector: 0, shift: .parameter(3 + o)), quarters: nil)]
        if extraLever {
            parameters.insert(ParameterSpecification(id: "levers.extra.shift", distribution: try .normal(mean: 0.2, standardDeviation: 0.3)), at: 0)
            levers.append(SimulationLever(id: "extra", name: "Extra", category: .supply, effect: .growthShift(sector: 1, shift: .parameter(0)), quarters: nil))
        }
        let copula = rho == 0 ? nil : (indices: [0 + o, 2 + o], copula: try GaussianCopula(correlation: Matrix(rows: [[1, rho], [rho, 1]])))
        return try SimulationModel(
            sectors: ["agriculture", "manufacturing"], lines: ["agriculture", "manufacturing", "product_taxes"],
            groups: ["agriculture", "industry", "taxes"], groupOfLine: [0, 1, 2], sectorOfLine: [0, 1, nil], taxLines: [2],
            baseline: [.parameter(0 + o), .parameter(1 + o), .parameter(2 + o)], taxElasticity: sampledElasticity ? .parameter(4 + o) : .constant(1),
            levers: levers,
            exportsBaseline: nil, cpiBaseline: nil, parameters: parameters, correlation: copula,
            economy: .fixed(economy, shares: [0.3, 0.6, 0.1]), quarterlyWeights: [0.22, 0.24, 0.26, 0.28],
            target: 8, exportsTarget: nil, cpiCeiling: nil, actualQuarters: [])
    }
}
