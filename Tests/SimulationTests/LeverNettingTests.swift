import Datasets
import Foundation
import Scenarios
import Testing
@testable import Simulation

/// The netting of the embedded 2025 plan's investment levers (`[netting.social_investment]`), in
/// the engine's evaluation path.
@Suite("Lever netting in the simulation")
struct LeverNettingTests {
    static func model(overrides: [ScenarioOverride] = []) throws -> SimulationModel {
        var scenario = try Scenario.parse(HanoiDataset.embedded().defaultScenario, path: "embedded hanoi-2025-plan.toml", overrides: overrides)
        scenario.datasetAssumptions = .central
        return try ScenarioCompiler.compile(scenario, dataset: try ScenarioCompiler.dataset(for: scenario))
    }

    /// Sum of the netted members against the drawn total, per draw: relative 1e-9 (the sum of
    /// five numbers of order 10⁴ rounds at about 1e-16 relative; 1e-9 leaves room for any order).
    static func checkSums(_ model: SimulationModel, rows: Int = 4096, seed: UInt64 = 2025) throws -> Int {
        let group = try #require(model.netting.groups.first)
        let evaluation = try ModelEvaluation(model: model)
        let uniforms = evaluation.sampledUniforms(rows: rows, seed: seed)
        let result = try evaluation.evaluate(uniforms: uniforms, outputs: [evaluation.layout.grdp], keepParameters: true, threads: 2)
        let parameters = try #require(result.parameters)
        let k = model.parameters.count
        var mixedSigns = 0
        for t in 0..<rows {
            let row = parameters[(t * k)..<((t + 1) * k)]
            let total: Double = switch group.total {
            case let .constant(value): value
            case let .parameter(j): row[t * k + j]
            }
            let sum = group.members.reduce(0.0) { $0 + row[t * k + $1] }
            #expect(abs(sum - total) <= 1e-9 * max(1, abs(total)), "draw \(t): Σ netted \(sum), T \(total)")
            #expect(sum.isFinite)
            if group.members.contains(where: { row[t * k + $0] < 0 }) { mixedSigns += 1 }
        }
        return mixedSigns
    }

    @Test("Every draw's netted investment levers add up to the drawn social-investment total (1e-9 relative)")
    func sumsToTotal() throws {
        let model = try Self.model()
        let group = try #require(model.netting.groups.first)
        #expect(group.id == "social_investment")
        #expect(group.leverIDs == ["public_investment", "clusters_infrastructure", "clusters_tenants", "trade_centres", "private_investment_pci"])
        let mixed = try Self.checkSums(model)
        // Public investment is pert(-3600, 4700, 11300): some draws have mixed signs, and they too add up.
        #expect(mixed > 0)
    }

    @Test("A constant member still gets its netted share, and the sum holds")
    func constantMember() throws {
        let text = """
            [scenario]
            name = "t"
            dataset_assumptions = "central"
            [levers.a]
            kind = "demand"
            category = "investment"
            sectors = { construction = 1.0 }
            amount = { dist = "pert", min = -100, mode = 100, max = 300 }
            source = "x"
            [levers.b]
            kind = "demand"
            category = "investment"
            sectors = { industry = 1.0 }
            amount = 50
            source = "x"
            [netting.si]
            levers = ["a", "b"]
            total = { dist = "uniform", min = 100, max = 200, source = "x" }
            """
        let scenario = try Scenario.parse(text, path: "t.toml")
        let model = try ScenarioCompiler.compile(scenario, dataset: try ScenarioCompiler.dataset(for: scenario))
        #expect(model.parameters.contains { $0.id == "levers.b.amount" })
        _ = try Self.checkSums(model, rows: 512)
    }

    /// Expected values: k = E[T]/E[Σ] from the closed-form PERT means, (1240 + 4·6945 + 12760)/6 =
    /// 6963.33 over 4417 + 1650 + 1033.3 + 1500 + 3183.3 = 11783.3 (SOURCES.md); tolerance 1e-9.
    /// The netted means are sample means of 8,192 draws: their sum is within 3% of E[T] (the sd of
    /// T is about 2,200, so its sample mean's error is about 25).
    @Test("The report's netting summary: k from the means, netted means adding up to about E[T]")
    func summary() throws {
        let summaries = LeverNetting.summaries(model: try Self.model(), seed: 2025)
        let g = try #require(summaries.first)
        #expect(abs(g.totalMean - 6963.333333333333) < 1e-9)
        #expect(abs(g.drawnSumMean - 11783.333333333334) < 1e-6)
        #expect(abs((g.k ?? 0) - 6963.333333333333 / 11783.333333333334) < 1e-9)
        let nettedSum = g.members.reduce(0) { $0 + $1.nettedMean }
        #expect(abs(nettedSum - g.totalMean) < 0.03 * g.totalMean)
    }

    @Test("Netting does not depend on the thread count (bit-identical)")
    func threads() throws {
        let model = try Self.model()
        let evaluation = try ModelEvaluation(model: model)
        let uniforms = evaluation.sampledUniforms(rows: 9000, seed: 7)
        let one = try evaluation.evaluate(uniforms: uniforms, outputs: [evaluation.layout.grdp], keepParameters: true, threads: 1)
        let two = try evaluation.evaluate(uniforms: uniforms, outputs: [evaluation.layout.grdp], keepParameters: true, threads: 2)
        #expect(one.parameters == two.parameters)
        #expect(one.outputs == two.outputs)
    }
}
