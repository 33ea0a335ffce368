import Datasets
import Scenarios
import Testing
@testable import Simulation

/// The default plan with the estimated baseline and with published quarters: directions of
/// the update and the adding-up of every table (the forecast issue's acceptance).
@Suite("Baseline forecast and published quarters")
struct BaselineForecastTests {
    static func run(model: BaselineModel? = nil, quarters: [Double] = [], sectors: [PublishedSectorQuarters] = [], draws: Int = 4096) throws -> RunResult {
        var scenario = try Scenario.parse(HanoiDataset.embedded().defaultScenario, path: "embedded hanoi-2025-plan.toml")
        scenario.draws = draws
        scenario.datasetAssumptions = .central
        scenario.actualQuarters = quarters
        scenario.actualSectorQuarters = sectors
        if let model { scenario.baselineModel = model }
        let dataset = try ScenarioCompiler.dataset(for: scenario)
        let compiled = try ScenarioCompiler.compile(scenario, dataset: dataset)
        return try MonteCarloEngine.run(model: compiled, configuration: RunConfiguration(draws: draws, seed: 2025, sampling: .latinHypercube, threads: 2))
    }

    static func mean(_ r: RunResult, _ index: Int) -> Double { r.summary.outputs[index].moments.mean }

    /// Means are linear, so every decomposition adds up to the GRDP mean exactly up to rounding
    /// (tolerance 1e-9 pp): lines, groups, baseline + levers, and Σ_q W_q × quarter.
    static func expectAddsUp(_ r: RunResult) {
        let l = r.layout, grdp = mean(r, l.grdp)
        let lines = l.lineContributions.reduce(0.0) { $0 + mean(r, $1) }
        let groups = l.groupContributions.reduce(0.0) { $0 + mean(r, $1) }
        let levers = l.leverContributions.reduce(mean(r, l.baselineContribution)) { $0 + mean(r, $1) }
        let quarters = (0..<4).reduce(0.0) { $0 + r.model.quarterlyWeights[$1] * mean(r, l.quarters.lowerBound + $1) }
        for total in [lines, groups, levers, quarters] { #expect(abs(total - grdp) < 1e-9, "\(total) ≠ GRDP \(grdp)") }
    }

    @Test("Tables add up to the GRDP line, with and without published quarters", arguments: [
        [Double](), [7.41, 8.13], [7.41, 8.13, 8.85],
    ])
    func addsUp(quarters: [Double]) throws {
        for model in [BaselineModel.national, .momentum] {
            let r = try Self.run(model: model, quarters: quarters)
            Self.expectAddsUp(r)
            // Published quarters come out as published (tolerance 1e-9; no draw moves them).
            for (q, value) in quarters.enumerated() {
                let output = r.summary.outputs[r.layout.quarters.lowerBound + q]
                #expect(abs(output.moments.mean - value) < 1e-9)
                #expect(output.moments.standardDeviation < 1e-9)
            }
        }
    }

    /// A Q1 above the model's median forecast of Q1 raises P(≥ target) and one below lowers
    /// it; for 2025, the published Q1 = 7.41 and Q2 = 8.13 raise P under the default model and
    /// under momentum, and Q3 = 8.85 raises it further (the forecast issue's acceptance).
    @Test("Published quarters move the forecast in their direction")
    func direction() throws {
        let prior = try Self.run(model: .national)
        let median = try #require(prior.summary.outputs[prior.layout.quarters.lowerBound].quantile(0.5))
        let p0 = try #require(prior.summary.meetsTarget.probability)
        let above = try #require(try Self.run(model: .national, quarters: [median + 1]).summary.meetsTarget.probability)
        let below = try #require(try Self.run(model: .national, quarters: [median - 1]).summary.meetsTarget.probability)
        #expect(above > p0)
        #expect(below < p0)

        for model in [BaselineModel.default, .momentum] {
            let none = try #require(try Self.run(model: model).summary.meetsTarget.probability)
            let h1 = try #require(try Self.run(model: model, quarters: [7.41, 8.13]).summary.meetsTarget.probability)
            let m9 = try #require(try Self.run(model: model, quarters: [7.41, 8.13, 8.85]).summary.meetsTarget.probability)
            #expect(h1 > none, "\(model)")
            #expect(m9 > h1, "\(model)")
        }
    }

    /// The national factor is an input of its own, and `national_growth` moves its centre: a
    /// forecast one point higher raises the median by about one point (tolerance 0.05 pp:
    /// sketch accuracy and the same draws).
    @Test("national_growth shifts the forecast one for one")
    func nationalGrowth() throws {
        var scenario = try Scenario.parse(HanoiDataset.embedded().defaultScenario, path: "embedded hanoi-2025-plan.toml")
        scenario.draws = 8192
        scenario.datasetAssumptions = .central
        func median(_ national: Double?) throws -> Double {
            var s = scenario
            s.nationalGrowth = national
            let compiled = try ScenarioCompiler.compile(s, dataset: try ScenarioCompiler.dataset(for: s))
            #expect(compiled.parameters.contains { $0.id == ScenarioCompiler.BaselineParameterID.nationalGrowth })
            let r = try MonteCarloEngine.run(model: compiled, configuration: RunConfiguration(draws: 8192, seed: 1, sampling: .latinHypercube, threads: 1))
            return try #require(r.summary.outputs[r.layout.grdp].quantile(0.5))
        }
        #expect(abs(try median(8.5) - median(7.5) - 1) < 0.05)
    }

    /// Without [baseline], the estimated model never falls back on the accounts' growth
    /// column (the published outcome of the year): the momentum variant is an error instead.
    @Test("No look-ahead without [baseline]")
    func noBaselineBlock() throws {
        let text = """
            [scenario]
            name = "no baseline"
            year = 2025
            draws = 1000
            """
        var scenario = try Scenario.parse(text, path: "none.toml")
        let dataset = try ScenarioCompiler.dataset(for: scenario)
        let model = try ScenarioCompiler.compile(scenario, dataset: dataset)
        #expect(model.baselineDynamics?.model == .national)
        scenario.baselineModel = .momentum
        #expect(throws: SimulationError.self) { try ScenarioCompiler.compile(scenario, dataset: dataset) }
    }
}
