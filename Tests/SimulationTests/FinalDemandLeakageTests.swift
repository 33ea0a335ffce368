import Datasets
import InputOutput
import Scenarios
import Testing
@testable import Simulation

/// The demand levers' final-use taxes, local final demand and leakage (`FinalDemandLeakage`,
/// docs/model.md, "Leakage of final demand").
@Suite("Leakage of final demand")
struct FinalDemandLeakageTests {
    /// The linear model of EngineTests (Miller & Blair's two sectors, value added 650 and 1,400;
    /// lines agriculture 0.3, manufacturing 0.6, product taxes 0.1) with the demand lever `push`
    /// (all on manufacturing) buying 40% locally (parameter 5) as use 0, whose tax weight is 1
    /// against 0.5 for use 1; purchases P = (1,000, 2,000), taxes on final uses T_f = 200, so
    /// r = 200 / (1,000 + 0.5 · 2,000) = 0.1; intermediate taxes κ = (0.02, 0.05) per unit of
    /// value added.
    static func leakingModel() throws -> SimulationModel {
        var model = try linearModel(extraParameters: [
            ParameterSpecification(id: "levers.push.local_share.manufacturing", distribution: .uniform(lower: 0, upper: 1)),
        ])
        model.finalDemand = FinalDemandLeakage(
            localShares: [[.constant(1), .parameter(5)], []], useOfLever: [0, -1], taxWeights: [.constant(1), .constant(0.5)],
            purchases: [1000, 2000], finalUseTaxes: 200, intermediateTaxPerValueAdded: [0.02, 0.05])
        return model
    }

    /// Hand-checked: amount 55 → product taxes on the final use 55 · 0.1 / 1.1 = 5, basic value
    /// 50, local demand 50 · 0.4 = 20 on manufacturing, leakage 30 (no GRDP). ΔVA = v̂·L·(0, 20)
    /// from `DemandImpact` (an independent Leontief solve); the lever's product taxes
    /// ΔT = 5 + 0.02·ΔVA₁ + 0.05·ΔVA₂ against T = 0.1 · (650 + 1,400) / 0.9; its contribution
    /// Σ wₛ·100·ΔVAₛ/VAₛ + 0.1 · 100·ΔT/T. Tolerance 1e-9 (relative), rounding only.
    @Test("A demand lever's local demand, tax content and contribution on a hand-checked case")
    func handChecked() throws {
        let model = try Self.leakingModel()
        #expect(!model.isAffine, "a sampled local share makes the model non-affine")
        var evaluator = try DrawEvaluator(model: model)
        let layout = OutputLayout(model: model)
        var out = [Double](repeating: 0, count: layout.count)
        try evaluator.evaluateArrays(theta: [3, 7, 5, 55, 0, 0.4], into: &out)
        let (table, _) = try millerBlairEconomy()
        let impact = try DemandImpact(model: LeontiefModel(table: table), demandChange: [0, 20])
        let dva = impact.valueAddedChanges
        let taxes = 5 + 0.02 * dva[0] + 0.05 * dva[1]
        let taxLevel = 0.1 * (650 + 1400) / 0.9
        let valueAddedPart = 0.3 * 100 * dva[0] / 650 + 0.6 * 100 * dva[1] / 1400
        let expected = valueAddedPart + 0.1 * 100 * taxes / taxLevel
        let push = out[layout.leverContributions.lowerBound]
        #expect(abs(push - expected) <= 1e-9 * abs(expected), "push \(push) vs \(expected)")
        // The tax line: baseline 5 + the lever's 100·ΔT/T (the farm shift adds e·its VA growth).
        let farmTax = 1.0 * (0.3 * 0) / 0.9
        let taxLine = out[layout.lineGrowth.lowerBound + 2]
        #expect(abs(taxLine - (5 + 100 * taxes / taxLevel + farmTax)) <= 1e-9 * taxLine)
        // Contributions still add up to GRDP growth (1e-9).
        let levers = layout.leverContributions.map { out[$0] }.reduce(0, +)
        #expect(abs(levers + out[layout.baselineContribution] - out[layout.grdp]) < 1e-9)
    }

    /// All local (share 1) and no taxes on final uses: the lever's value added is the plain
    /// Leontief response of its whole amount (1e-9 relative).
    @Test("Share 1 and no final-use taxes give the whole amount as local demand")
    func noLeakage() throws {
        var model = try Self.leakingModel()
        model.finalDemand = FinalDemandLeakage(
            localShares: [[.constant(1), .constant(1)], []], useOfLever: [0, -1], taxWeights: [.constant(1), .constant(1)],
            purchases: [1000, 2000], finalUseTaxes: 0, intermediateTaxPerValueAdded: [0, 0])
        #expect(model.isAffine, "constant shares keep the model affine")
        var evaluator = try DrawEvaluator(model: model)
        let layout = OutputLayout(model: model)
        var out = [Double](repeating: 0, count: layout.count)
        try evaluator.evaluateArrays(theta: [3, 7, 5, 55, 0, 0.4], into: &out)
        let (table, _) = try millerBlairEconomy()
        let dva = try DemandImpact(model: LeontiefModel(table: table), demandChange: [0, 55]).valueAddedChanges
        let expected = 0.3 * 100 * dva[0] / 650 + 0.6 * 100 * dva[1] / 1400
        #expect(abs(out[layout.leverContributions.lowerBound] - expected) <= 1e-9 * expected)
    }

    /// With constant shares the block path (one dgemm) equals the draw-by-draw evaluation (1e-9).
    @Test("Constant local shares: the affine map equals the evaluator")
    func affineWithConstantShares() throws {
        var model = try Self.leakingModel()
        model.finalDemand = FinalDemandLeakage(
            localShares: [[.constant(1), .constant(0.4)], []], useOfLever: [0, -1], taxWeights: [.constant(1), .constant(0.5)],
            purchases: [1000, 2000], finalUseTaxes: 200, intermediateTaxPerValueAdded: [0.02, 0.05])
        let layout = OutputLayout(model: model)
        let affine = try AffineMap(model: model, layout: layout)
        var evaluator = try DrawEvaluator(model: model)
        let theta = [2.5, 8.0, 4.0, 55.0, -0.3, 0.9]
        var direct = [Double](repeating: 0, count: layout.count)
        try evaluator.evaluateArrays(theta: theta, into: &direct)
        for o in 0..<layout.count {
            var viaMap = affine.intercept[o]
            for j in 0..<theta.count { viaMap += affine.slopes[o + layout.count * j] * theta[j] }
            #expect(abs(viaMap - direct[o]) < 1e-9 * max(1, abs(direct[o])), "\(layout.names[o])")
        }
    }

    /// The calibration on each embedded table: taxes on intermediate plus final uses give the
    /// published product-tax share (9.70% of GRDP in 2024, 9.45% in 2025; identity, 1e-9
    /// relative), and the central rates are those of an independent recomputation from the
    /// embedded tables' columns (households 0.12964 and 0.12594, investment 0.03889 and 0.03778
    /// on basic prices; tolerance 1e-4, the recomputation's rounding).
    @Test("Final-use tax rates reproduce the published product taxes", arguments: [
        (HanoiBase.base2024, 0.12964, 0.03889), (HanoiBase.base2025, 0.12594, 0.03778),
    ])
    func calibration(base: HanoiBase, households: Double, investment: Double) throws {
        let hanoi = try HanoiDataset.embedded(base)
        let assumptions = try #require(hanoi.finalDemand)
        let taxShare = try hanoi.accounts().baseYearShares.last!
        let base = try FinalUseTaxBase(
            table: hanoi.table, productTaxShare: taxShare,
            tourismCharacteristicShare: try hanoi.assumptions.assumption("tourism_characteristic_share").central, assumptions: assumptions)
        let weights = try FinalDemandAssumptions.uses.map { try FinalDemandAssumptions.taxWeightID(use: $0).map(assumptions.central) ?? 1 }
        let r = base.householdRate { weights[$0] }
        #expect(abs(r - households) < 1e-4)
        #expect(abs(weights[2] * r - investment) < 1e-4)
        let valueAdded = hanoi.table.valueAddedLevels.reduce(0, +)
        let grdp = valueAdded / (1 - taxShare)
        let intermediate = hanoi.table.primaryInput(of: .productTaxes).reduce(0, +)
        let final = zip(weights, base.purchases).reduce(0.0) { $0 + $1.0 * r * $1.1 }
        #expect(abs(intermediate + final - taxShare * grdp) <= 1e-9 * taxShare * grdp)
    }

    /// Two levers buying the same product (other services, local share 1) for 1,000 bn each, one
    /// as households, one as investment, central assumptions: the households lever carries more
    /// product taxes per unit of spending (its rate ρ = 1 against investment's 0.3), and less
    /// local value added (it pays more of its spending as tax). Strict inequalities.
    @Test("Tax content differs between a consumption and an investment lever")
    func taxContentByUse() throws {
        let text = """
        [scenario]
        name = "two uses"
        dataset_assumptions = "central"
        [levers.consume]
        kind = "demand"
        category = "households"
        sectors = { other_services = 1.0 }
        amount = 1000
        assumption = "test"
        [levers.invest]
        kind = "demand"
        category = "investment"
        sectors = { other_services = 1.0 }
        amount = 1000
        assumption = "test"
        """
        let scenario = try Scenario.parse(text, path: "two-uses.toml")
        let model = try ScenarioCompiler.compile(scenario, dataset: try ScenarioCompiler.dataset(for: scenario))
        var evaluator = try DrawEvaluator(model: model)
        let layout = OutputLayout(model: model)
        var out = [Double](repeating: 0, count: layout.count)
        try evaluator.evaluateArrays(theta: [Double](repeating: 0.5, count: model.parameters.count), into: &out)
        let taxLine = try #require(model.taxLines.first), lines = model.lines.count
        let consumeTax = evaluator.leverSectorGrowth.values[taxLine], investTax = evaluator.leverSectorGrowth.values[lines + taxLine]
        #expect(consumeTax > investTax, "households' tax growth \(consumeTax) vs investment's \(investTax)")
        let services = try #require(model.lines.firstIndex(of: "other_services"))
        #expect(evaluator.leverSectorGrowth.values[services] < evaluator.leverSectorGrowth.values[lines + services])
    }
}
