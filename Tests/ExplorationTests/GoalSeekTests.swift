import Sampling
import Simulation
import Testing
@testable import Exploration

struct GoalSeekTests {
    /// P(G ≥ 8) = 0.5 needs mean growth 8: closed form a* = (8 − E[G])/c_shift. The amount found on
    /// 20,000 draws must be within 4 of its reported standard errors of a*; and re-running the
    /// scenario through the engine with the lever's distribution shifted by that amount (another
    /// seed, 100,000 draws) must give P within 4·√(p(1−p)/N) + the amount's own error (4·SE·density) of 0.5.
    @Test func probabilityGoalReproducesOnARerun() throws {
        let model = try LinearScenario.model()
        let request = GoalSeekRequest(goal: .probability(0.5), move: .shift(parameter: 3), draws: 20_000, seed: 5, threads: 2)
        let result = try GoalSeek.solve(model: model, request: request)
        let se = try #require(result.standardError)
        let exact = (8 - LinearScenario.meanGrowth) / LinearScenario.coefficients[3]
        #expect(abs(result.amount - exact) < 4 * se, "amount \(result.amount) ± \(se) vs \(exact)")
        #expect(abs(result.probabilityMeetsTarget - 0.5) <= 1.0 / 20_000 + 1e-12)
        #expect(result.probabilityBefore < 0.01)

        let shifted = try LinearScenario.model(shiftMean: 0.5 + result.amount)
        let rerun = try MonteCarloEngine.run(model: shifted, configuration: .init(draws: 100_000, seed: 99, sampling: .monteCarlo, threads: 2))
        let p = try #require(rerun.summary.meetsTarget.probability)
        let sd = LinearScenario.variance.squareRoot()
        let amountError = 4 * se * LinearScenario.coefficients[3] * StandardNormal.density(0) / sd
        #expect(abs(p - 0.5) < 4 * (0.25 / 100_000).squareRoot() + amountError, "rerun P \(p)")
    }

    /// The median goal gives the same closed-form amount (the median of a normal is its mean), and
    /// the lever ranking's pp per unit is the shift's coefficient c = 0.3·(1 + 0.1/0.9) (1e-9: the
    /// model is linear, so the median moves exactly by c per unit on common random numbers).
    @Test func medianGoalAndLeverCosts() throws {
        let model = try LinearScenario.model()
        let result = try GoalSeek.solve(model: model, request: GoalSeekRequest(goal: .median, move: .shift(parameter: 3), draws: 20_000, seed: 8))
        let exact = (8 - LinearScenario.meanGrowth) / LinearScenario.coefficients[3]
        let se = try #require(result.standardError)
        #expect(abs(result.amount - exact) < 4 * se)
        #expect(abs(result.medianGrowth - 8) < 1e-6)
        let costs = try GoalSeek.leverCosts(model: model, draws: 5000, seed: 8)
        #expect(costs.count == 1 && costs[0].lever == "farm")
        #expect(abs(costs[0].ppPerStep - LinearScenario.coefficients[3]) < 1e-9)
        let amount = try #require(costs[0].amountToCloseGap)
        #expect(abs(amount - exact) < 0.2)
    }

    @Test func scaleOfASetOfLevers() throws {
        let model = try LinearScenario.model(shiftMean: 2)
        let result = try GoalSeek.solve(model: model, request: GoalSeekRequest(goal: .median, move: .scale(parameters: [3]), draws: 5000, seed: 1))
        // Scaling the shift by s moves the median by c·(s − 1)·E-ish; just check it meets the goal.
        #expect(abs(result.medianGrowth - 8) < 1e-6 && result.amount > 1)
        #expect(throws: ExplorationError.self) { _ = try GoalSeek.parameter(forLever: "nope", in: model) }
        #expect(try GoalSeek.parameter(forLever: "farm", in: model) == 3)
    }
}
