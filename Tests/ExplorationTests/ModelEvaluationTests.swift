import Sampling
import Testing
@testable import Simulation

struct ModelEvaluationTests {
    /// With the engine's own Monte Carlo uniforms, every row is the engine's draw: the mean and
    /// P(≥ target) over 6,000 rows equal `MonteCarloEngine.run`'s (monte-carlo sampling) to 1e-9
    /// (the sums are taken in another order) and exactly, on the affine and the per-draw path.
    @Test(arguments: [false, true])
    func rowsAreTheEnginesDraws(perDraw: Bool) throws {
        let model = try LinearScenario.model(correlation: 0.4, sampledElasticity: perDraw)
        let evaluation = try ModelEvaluation(model: model)
        let rows = try evaluation.evaluate(uniforms: evaluation.sampledUniforms(rows: 6000, seed: 11), outputs: [0], threads: 2)
        let run = try MonteCarloEngine.run(model: model, configuration: .init(draws: 6000, seed: 11, sampling: .monteCarlo, threads: 1))
        #expect(run.usedBlockProducts == !perDraw)
        let growth = Array(rows.output(0))
        let mean = growth.reduce(0, +) / 6000
        #expect(abs(mean - run.summary.outputs[0].moments.mean) < 1e-9)
        #expect(growth.filter { $0 >= 8 }.count == run.summary.meetsTarget.exceedances)
    }

    /// The same rows for 1 and 3 threads, bit for bit; adjustments set, shift and scale values.
    @Test func threadsAndAdjustments() throws {
        let model = try LinearScenario.model()
        let evaluation = try ModelEvaluation(model: model)
        let uniforms = evaluation.sampledUniforms(rows: 9000, seed: 3)
        let one = try evaluation.evaluate(uniforms: uniforms, outputs: [0, 1], threads: 1)
        let three = try evaluation.evaluate(uniforms: uniforms, outputs: [0, 1], threads: 3)
        #expect(one.outputs == three.outputs)
        let adjusted = try evaluation.evaluate(
            uniforms: uniforms, outputs: [0],
            adjustments: [.init(parameter: 3, change: .set(2)), .init(parameter: 3, change: .shift(1)), .init(parameter: 0, change: .scale(0))],
            keepParameters: true)
        let parameters = try #require(adjusted.parameters)
        #expect(parameters[3] == 3 && parameters[4 * 8999 + 3] == 3 && parameters[0] == 0)
        // G moves by c_shift·(3 − shift) − 0.3·b_agri in each row (1e-9).
        for t in [0, 17, 8999] {
            let expected = one.outputs[t] + LinearScenario.coefficients[3] * (3 - Distribution.normalQuantile(uniforms[4 * t + 3], mean: 0.5, standardDeviation: 0.6))
                - 0.3 * Distribution.normalQuantile(uniforms[4 * t], mean: 3, standardDeviation: 0.5)
            #expect(abs(adjusted.outputs[t] - expected) < 1e-9)
        }
    }

    @Test func rejectsARaggedMatrix() throws {
        let evaluation = try ModelEvaluation(model: LinearScenario.model())
        #expect(throws: SimulationError.self) { _ = try evaluation.evaluate(uniforms: [0.5, 0.5, 0.5], outputs: [0]) }
    }
}
