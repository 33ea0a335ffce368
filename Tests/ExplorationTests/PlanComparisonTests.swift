import Sampling
import Simulation
import Testing
@testable import Exploration

struct PlanComparisonTests {
    /// Streams keyed by parameter identity: plan B has an extra lever whose parameter comes first,
    /// so every shared parameter sits one place later in B. Draw by draw, G_B − G_A must be exactly
    /// the extra lever's effect 0.6·(1 + 0.1/0.9)·shift (1e-9), whatever the positions — also
    /// through the copula (ρ = 0.5 between two shared baselines).
    @Test func sharedInputsGetTheSameDraws() throws {
        let a = try LinearScenario.model(correlation: 0.5), b = try LinearScenario.model(correlation: 0.5, extraLever: true)
        let draws = 5000
        let ga = try ModelEvaluation(model: a).evaluate(uniforms: PlanComparison.uniforms(for: a, draws: draws, seed: 3), outputs: [0])
        let ub = PlanComparison.uniforms(for: b, draws: draws, seed: 3)
        let gb = try ModelEvaluation(model: b).evaluate(uniforms: ub, outputs: [0], keepParameters: true)
        let thetaB = try #require(gb.parameters)
        let c = 0.6 * (1 + 0.1 / 0.9)
        for t in 0..<draws {
            #expect(abs(gb.outputs[t] - ga.outputs[t] - c * thetaB[t * 5]) < 1e-9)
        }
        // Keyed by id, not by position: the shared parameters' uniforms are the same columns.
        let ua = PlanComparison.uniforms(for: a, draws: 10, seed: 3)
        var sameColumns = true
        for t in 0..<10 {
            for j in 0..<4 where ua[t * 4 + j] != ub[t * 5 + j + 1] { sameColumns = false }
        }
        #expect(sameColumns)

        let result = try PlanComparison.compare([ComparedPlan(name: "A", model: a), ComparedPlan(name: "B", model: b)], draws: draws, seed: 3,
                                                thresholds: [5, 6])
        let d = try #require(result.differences.first)
        // Mean difference: the sample mean of c·shift, to 1e-9; its SE is c·sd(shift)/√N within 10%.
        let shifts = (0..<draws).map { thetaB[$0 * 5] }
        #expect(abs(d.meanDifference - c * shifts.reduce(0, +) / Double(draws)) < 1e-9)
        #expect(abs(d.standardError - c * 0.3 / Double(draws).squareRoot()) < 0.1 * c * 0.3 / Double(draws).squareRoot())
        // P(B better) = P(shift > 0) = Φ(0.2/0.3) = 0.7475, within 4 binomial SEs.
        let p = StandardNormal.cdf(0.2 / 0.3)
        #expect(abs(d.probabilityBetter - p) < 4 * (p * (1 - p) / Double(draws)).squareRoot())
        #expect(d.leverDifferences.map(\.name) == ["farm", "extra"] && abs(d.leverDifferences[0].difference) < 1e-12)
        #expect(result.outcomes[0].probabilityAtThresholds.count == 2)
    }

    /// A plan against itself: every difference is exactly 0 and P(better) is ½ (all ties).
    @Test func aPlanAgainstItself() throws {
        let model = try LinearScenario.model()
        let result = try PlanComparison.compare([ComparedPlan(name: "A", model: model), ComparedPlan(name: "A again", model: model)], draws: 500, seed: 1)
        let d = try #require(result.differences.first)
        #expect(d.meanDifference == 0 && d.standardError == 0 && d.probabilityBetter == 0.5 && d.probabilityDifference == 0)
    }

    /// E[gₛ | G ∈ target ± ε] and P(every line ≥ its target) on the linear scenario against a
    /// direct count over the same draws (exact).
    @Test func nearTargetAndEveryLine() throws {
        let model = try LinearScenario.model()
        let targets = ["agriculture": 3.0, "manufacturing": 7.5]
        let result = try PlanComparison.compare([ComparedPlan(name: "A", model: model, lineTargets: targets), ComparedPlan(name: "B", model: model)],
                                                draws: 4000, seed: 2, window: 0.5)
        let evaluation = try ModelEvaluation(model: model)
        let layout = evaluation.layout
        let rows = try evaluation.evaluate(uniforms: PlanComparison.uniforms(for: model, draws: 4000, seed: 2), outputs: [0, layout.lineGrowth.lowerBound, layout.lineGrowth.lowerBound + 1])
        let both = (0..<4000).filter { rows.outputs[4000 + $0] >= 3 && rows.outputs[8000 + $0] >= 7.5 }.count
        #expect(result.outcomes[0].probabilityEveryLineMeetsTarget == Double(both) / 4000)
        #expect(result.outcomes[1].probabilityEveryLineMeetsTarget == nil)
        let near = (0..<4000).filter { abs(rows.outputs[$0] - 8) <= 0.5 }
        #expect(result.outcomes[0].drawsNearTarget == near.count && near.count > 0)
        let manufacturing = near.reduce(0.0) { $0 + rows.outputs[8000 + $1] } / Double(near.count)
        #expect(abs((result.outcomes[0].conditionalLineGrowth[1].growth ?? 0) - manufacturing) < 1e-9)
    }
}
