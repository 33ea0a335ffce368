import Sensitivity
import Simulation
import Testing
@testable import Exploration

struct ScenarioSensitivityTests {
    /// G linear in independent normal inputs: Sᵢ = S_Tᵢ = cᵢ²σᵢ²/Σⱼcⱼ²σⱼ² (additive model), each
    /// inside its bootstrap 95% interval at N = 4,096.
    @Test func linearScenarioSharesOfVariance() throws {
        let model = try LinearScenario.model()
        var options = SensitivityAnalysis.Options()
        options.threshold = 6   // near the median (5.77), so the event is not almost constant
        let analysis = try SensitivityAnalysis.sobol(model: model, baseSamples: 4096, options: options)
        #expect(analysis.factors.names == model.parameters.map(\.id))
        #expect(analysis.outputs.map(\.id) == ["grdp_growth", "meets_target"])
        #expect(analysis.evaluations == 4096 * 6)
        let growth = analysis.indices[0]
        for i in 0..<4 {
            let share = LinearScenario.coefficients[i] * LinearScenario.coefficients[i] * LinearScenario.deviations[i] * LinearScenario.deviations[i]
                / LinearScenario.variance
            #expect(growth.firstOrder[i].low <= share && share <= growth.firstOrder[i].high, "S1 \(model.parameters[i].id): \(growth.firstOrder[i]) vs \(share)")
            #expect(growth.total[i].low <= share && share <= growth.total[i].high, "ST \(model.parameters[i].id): \(growth.total[i]) vs \(share)")
        }
        // The event {G ≥ 6}: its largest total index is manufacturing's (78% of G's variance).
        let event = analysis.indices[1]
        #expect(event.total.indices.max { event.total[$0].value < event.total[$1].value } == 1)
    }

    /// Correlated baselines (ρ = 0.5 between agriculture and taxes) form one factor whose index is
    /// Var(0.3·b_a + 0.1·b_t)/Var(G) = (0.0225 + 0.04 + 2·0.5·0.3·0.1·0.5·2)/(0.4625 + 0.03).
    @Test func correlatedInputsAreOneFactor() throws {
        let model = try LinearScenario.model(correlation: 0.5)
        let sets = InputFactors.correlatedSets(of: model)
        #expect(sets == [[0, 2]])
        let analysis = try SensitivityAnalysis.sobol(model: model, baseSamples: 4096)
        #expect(analysis.factors.names == ["baseline.agriculture + baseline.product_taxes", "baseline.manufacturing", "levers.farm.shift"])
        #expect(analysis.method.contains("correlated"))
        let share = (0.0225 + 0.04 + 0.03) / (LinearScenario.variance + 0.03)
        let first = analysis.indices[0].firstOrder[0], total = analysis.indices[0].total[0]
        #expect(first.low <= share && share <= first.high, "\(first) vs \(share)")
        #expect(total.low <= share && share <= total.high, "\(total) vs \(share)")
        // By kind: baseline (three baselines) and levers.
        let groups = try InputFactors.factors(of: model, grouping: .group)
        #expect(groups.names == ["baseline", "levers"] && groups.members == [[0, 1, 2], [3]])
    }

    /// Morris on the linear scenario: an elementary effect is cᵢ·ΔF⁻¹ᵢ/Δ, which for normal inputs
    /// depends on where on the grid the step is, so only the ranking is checked: manufacturing
    /// (cᵢσᵢ = 0.6) first, agriculture (0.15) last.
    @Test func morrisRanksTheInputs() throws {
        let analysis = try SensitivityAnalysis.morris(model: LinearScenario.model(), trajectories: 40)
        let muStar = analysis.effects[0].muStar.map(\.value)
        #expect(muStar.indices.max { muStar[$0] < muStar[$1] } == 1)
        #expect(muStar.indices.min { muStar[$0] < muStar[$1] } == 0)
    }

    /// `--by group` groups by id prefix, so a `national.*` input is its own factor; an input the
    /// model does not use has S1 = ST = 0 exactly (f_ABᵍ = f_A in every row).
    @Test func nationalFactorIsAGroup() throws {
        let model = try LinearScenario.model(sampledElasticity: true, nationalFactor: true)
        var options = SensitivityAnalysis.Options()
        options.grouping = .group
        let analysis = try SensitivityAnalysis.sobol(model: model, baseSamples: 256, options: options)
        #expect(analysis.factors.names == ["baseline", "levers", "national"])
        #expect(analysis.factors.members == [[0, 1, 2, 4], [3], [5]])
        #expect(analysis.indices[0].firstOrder[2].value == 0 && analysis.indices[0].total[2].value == 0)
    }

    @Test func unknownOutputIsAnError() throws {
        var options = SensitivityAnalysis.Options()
        options.extraOutputs = ["no_such_output"]
        #expect(throws: ExplorationError.self) { _ = try SensitivityAnalysis.sobol(model: LinearScenario.model(), baseSamples: 64, options: options) }
    }
}
