import Foundation
import InputOutput
import LinearAlgebra
import Sampling
import TestSupport
import Testing
@testable import Simulation

/// Miller & Blair (2009) §2.3 table (TestSupport) as a small economy.
func millerBlairEconomy() throws -> (IOTable, EconomyCoefficients) {
    let table = try TableFixtures.millerBlair()
    return (table, try EconomyCoefficients(table: table))
}

/// A linear model: lines agriculture (share 0.3), manufacturing (0.6), product taxes (0.1);
/// baselines normal; one demand lever (amount normal, all on manufacturing); one growth
/// shift on agriculture (normal); tax elasticity 1.
func linearModel(extraLevers: [SimulationLever] = [], extraParameters: [ParameterSpecification] = []) throws -> SimulationModel {
    let (_, economy) = try millerBlairEconomy()
    let parameters = try [
        ParameterSpecification(id: "baseline.agriculture", distribution: .normal(mean: 3, standardDeviation: 0.5)),
        ParameterSpecification(id: "baseline.manufacturing", distribution: .normal(mean: 7, standardDeviation: 1)),
        ParameterSpecification(id: "baseline.product_taxes", distribution: .normal(mean: 5, standardDeviation: 2)),
        ParameterSpecification(id: "levers.push.amount", distribution: .normal(mean: 40, standardDeviation: 10)),
        ParameterSpecification(id: "levers.farm.shift", distribution: .normal(mean: 0.5, standardDeviation: 0.25)),
    ] + extraParameters
    return try SimulationModel(
        sectors: ["agriculture", "manufacturing"], lines: ["agriculture", "manufacturing", "product_taxes"],
        groups: ["agriculture", "industry", "taxes"], groupOfLine: [0, 1, 2], sectorOfLine: [0, 1, nil], taxLines: [2],
        baseline: [.parameter(0), .parameter(1), .parameter(2)], taxElasticity: .constant(1),
        levers: [
            SimulationLever(id: "push", name: "Demand push", category: .exports,
                            effect: .demand(direction: [0, 1], amount: .parameter(3), exportsGrowthPP: nil), quarters: nil),
            SimulationLever(id: "farm", name: "Farm productivity", category: .supply,
                            effect: .growthShift(sector: 0, shift: .parameter(4)), quarters: [0.1, 0.2, 0.3, 0.4]),
        ] + extraLevers,
        exportsBaseline: nil, cpiBaseline: nil, parameters: parameters, correlation: nil,
        economy: .fixed(economy, shares: [0.3, 0.6, 0.1]), quarterlyWeights: [0.22, 0.24, 0.26, 0.28],
        target: 8, exportsTarget: nil, cpiCeiling: nil, actualQuarters: [])
}

@Suite("Monte Carlo engine")
struct EngineTests {
    /// Closed form: G = Σ wᵢ·bᵢ + (1 + e·w_tax/w_VA)·(c·amount + w_agri·shift), with
    /// c = 100·Σₛ wₛ·(v̂·L·d)ₛ/VAₛ for the unit demand vector d (computed independently with
    /// `DemandImpact`). Mean and variance follow for independent normals. Tolerances: the
    /// sample mean within 4 standard errors σ/√N; the sample variance within 4·σ²·√(2/(N−1)).
    @Test("Linear model with normal levers matches the closed-form mean and variance")
    func closedForm() throws {
        let model = try linearModel()
        let draws = 100_000
        let result = try MonteCarloEngine.run(model: model, configuration: .init(draws: draws, seed: 7, sampling: .monteCarlo, threads: 2))
        #expect(result.usedBlockProducts)
        let (table, _) = try millerBlairEconomy()
        let impact = try DemandImpact(model: LeontiefModel(table: table), demandChange: [0, 1])
        let shares = [0.3, 0.6]
        let c = 100 * (shares[0] * impact.valueAddedChanges[0] / 650 + shares[1] * impact.valueAddedChanges[1] / 1400)
        let spill = 1 + 0.1 / 0.9
        let mean = 0.3 * 3 + 0.6 * 7 + 0.1 * 5 + spill * (c * 40 + 0.3 * 0.5)
        let variance = 0.09 * 0.25 + 0.36 * 1 + 0.01 * 4 + spill * spill * (c * c * 100 + 0.09 * 0.0625)
        let moments = result.summary.outputs[result.layout.grdp].moments
        let standardError = (variance / Double(draws)).squareRoot()
        #expect(abs(moments.mean - mean) < 4 * standardError, "mean \(moments.mean) vs \(mean)")
        #expect(abs(moments.variance - variance) < 4 * variance * (2.0 / Double(draws - 1)).squareRoot())
        // Contributions add up to GRDP growth in every draw, hence in the means (1e-9).
        let lines = result.layout.lineContributions.map { result.summary.outputs[$0].moments.mean }.reduce(0, +)
        #expect(abs(lines - moments.mean) < 1e-9)
        let levers = result.layout.leverContributions.map { result.summary.outputs[$0].moments.mean }.reduce(0, +)
        #expect(abs(levers + result.summary.outputs[result.layout.baselineContribution].moments.mean - moments.mean) < 1e-9)
        // Quarters average back to the year with the base weights (1e-9).
        let quarters = result.layout.quarters.map { result.summary.outputs[$0].moments.mean }
        #expect(abs(zip(quarters, model.quarterlyWeights).map(*).reduce(0, +) - moments.mean) < 1e-9)
        // P(G ≥ 8) against the normal closed form: within 4·√(p(1−p)/N).
        let p = 1 - StandardNormal.cdf((8 - mean) / variance.squareRoot())
        let probability = try #require(result.summary.meetsTarget.probability)
        #expect(abs(probability - p) < 4 * (p * (1 - p) / Double(draws)).squareRoot())
        // The median sketch is within its relative accuracy (5e-4) of the normal median plus the
        // sampling noise of a median, 1.2533·σ/√N (4 standard errors).
        let median = try #require(result.summary.outputs[result.layout.grdp].quantile(0.5))
        #expect(abs(median - mean) < 4 * 1.2533 * standardError + OutputSummary.relativeAccuracy * abs(mean))
    }

    @Test("Same seed: identical results for 1, 2 and 3 threads; other seed: different", arguments: [false, true])
    func threadInvariance(perDraw: Bool) throws {
        let sourcing = SimulationLever(
            id: "local", name: "Local sourcing", category: .supply,
            effect: .localSourcing(supplier: 1, buyers: [0, 1], increase: .parameter(5)), quarters: nil)
        let model = perDraw
            ? try linearModel(extraLevers: [sourcing], extraParameters: [.init(id: "levers.local.increase", distribution: .uniform(lower: 0, upper: 0.2))])
            : try linearModel()
        #expect(model.isAffine == !perDraw)
        let runs = try [1, 2, 3].map { threads in
            try MonteCarloEngine.run(model: model, configuration: .init(draws: 13_000, seed: 11, sampling: .latinHypercube, threads: threads))
        }
        #expect(runs[0].summary == runs[1].summary)
        #expect(runs[0].summary == runs[2].summary)
        let other = try MonteCarloEngine.run(model: model, configuration: .init(draws: 13_000, seed: 12, sampling: .latinHypercube, threads: 2))
        #expect(other.summary != runs[0].summary)
    }

    /// The affine block path (one dgemm) and the draw-by-draw path give the same outputs
    /// for an affine model, to rounding (1e-9 on means).
    @Test("Block products equal draw-by-draw evaluation")
    func affineEqualsGeneric() throws {
        let model = try linearModel()
        let layout = OutputLayout(model: model)
        let affine = try AffineMap(model: model, layout: layout)
        var evaluator = try DrawEvaluator(model: model)
        let theta = [2.5, 8.0, 4.0, 55.0, -0.3]
        var direct = [Double](repeating: 0, count: layout.count)
        try evaluator.evaluateArrays(theta: theta, into: &direct)
        for o in 0..<layout.count {
            var viaMap = affine.intercept[o]
            for j in 0..<theta.count { viaMap += affine.slopes[o + layout.count * j] * theta[j] }
            #expect(abs(viaMap - direct[o]) < 1e-9 * max(1, abs(direct[o])), "\(layout.names[o])")
        }
    }

    /// Collects kept draws in memory.
    final class CollectedDraws: DrawsSink, @unchecked Sendable {
        var text = ""
        func appendDraws(_ text: String) throws(SimulationError) { self.text += text }
    }

    @Test("--keep-draws receives every draw, in order")
    func keepDraws() throws {
        let sink = CollectedDraws()
        let model = try linearModel()
        let result = try MonteCarloEngine.run(model: model, configuration: .init(draws: 5000, seed: 3, sampling: .monteCarlo, threads: 2, keptDraws: sink))
        let lines = sink.text.split(separator: "\n")
        #expect(lines.count == 5001)
        let header = lines[0].split(separator: ",").map(String.init)
        let column = try #require(header.firstIndex(of: "grdp_growth"))
        let values = lines.dropFirst().map { Double($0.split(separator: ",")[column]) ?? .nan }
        #expect(abs(values.reduce(0, +) / 5000 - result.summary.outputs[0].moments.mean) < 1e-9)
        #expect(lines.dropFirst().enumerated().allSatisfy { $0.element.hasPrefix("\($0.offset),") })
    }
}
