import InputOutput
import LinearAlgebra
import TestSupport
import Testing

@Suite("Multipliers, linkages, impacts")
struct MultiplierTests {
    /// Output multipliers are L's column sums; for Miller & Blair's table
    /// L = [[1.254125, 0.330033], [0.264026, 1.122112]] gives 1.518152 and 1.452145
    /// (numpy, 1e-6 tolerance on the 6-decimal reference).
    @Test("Output multipliers of the worked example")
    func outputMultipliers() throws {
        let m = try Multipliers(model: LeontiefModel(table: TableFixtures.millerBlair()))
        #expect(maxDifference(m.output.simple, [1.518152, 1.452145]) < 1e-6)
    }

    /// With no imports and no product taxes, vᵀ = 1ᵀ(I − A) so vᵀL = 1ᵀ: every
    /// value-added multiplier is 1 (tolerance 1e-10, rounding of an n = 200 solve).
    /// Type II income / Type I income is the same for all sectors (Miller & Blair 2009,
    /// §6.2.5: both are l̄ₙ₊₁ⱼ/wⱼ and (wᵀL)ⱼ/wⱼ, and l̄ₙ₊₁ⱼ = (wᵀL)ⱼ·c with a scalar c).
    @Test("Value-added multipliers are 1; Type II/Type I income ratio is constant", arguments: [5, 200])
    func identities(n: Int) throws {
        let m = try Multipliers(model: LeontiefModel(table: TableFixtures.randomProductive(sectors: n, seed: 7 + UInt64(n))))
        #expect(m.valueAdded.simple.allSatisfy { abs($0 - 1) < 1e-10 })
        let income = try #require(m.income)
        let ratios = zip(try #require(income.typeII), try #require(income.typeI)).map { $0 / $1 }
        #expect(ratios.allSatisfy { abs($0 - ratios[0]) < 1e-10 * ratios[0] })
        #expect(ratios[0] > 1)  // induced spending adds income
        // Type II output multipliers exceed Type I ones (households add demand).
        #expect(zip(try #require(m.output.total), m.output.simple).allSatisfy { $0 > $1 })
        // Employment multipliers: simple = Σᵢ eᵢ·lᵢⱼ (checked against an explicit sum).
        let model = try LeontiefModel(table: TableFixtures.randomProductive(sectors: n, seed: 7 + UInt64(n)))
        let l = try model.leontiefInverse()
        let e = try model.table.satelliteCoefficients("employment")
        let expected = (0..<n).map { j in (0..<n).reduce(0.0) { $0 + e[$1] * l[$1, j] } }
        #expect(maxDifference(try #require(m.employment).simple, expected) < 1e-12)
    }

    /// Rasmussen–Hirschman linkages of the worked example, from numpy:
    /// BL = n·colsum(L)/ΣL = [1.0222222, 0.9777778]; FL (Ghosh) = n·rowsum(G)/ΣG =
    /// [1.2083333, 0.7916667]; FL from L's rows = [1.0666667, 0.9333333]. Tolerance 1e-7.
    @Test("Linkages and key sectors of the worked example")
    func linkages() throws {
        let linkages = try Linkages(model: LeontiefModel(table: TableFixtures.millerBlair()))
        #expect(maxDifference(linkages.backward, [1.0222222, 0.9777778]) < 1e-7)
        #expect(maxDifference(linkages.forward, [1.2083333, 0.7916667]) < 1e-7)
        #expect(maxDifference(linkages.forwardFromLeontief, [1.0666667, 0.9333333]) < 1e-7)
        #expect(linkages.classification == [.key, .weak])
        // Both backward indices are within 0.05 of 1: no class at the default threshold.
        #expect(linkages.classification(threshold: Linkages.defaultClassThreshold) == [.nearAverage, .nearAverage])
        #expect(linkages.classification(threshold: 0.02) == [.key, .weak])
        // Output-weighted (x = [1000, 2000]), from numpy: colsum(L)/(w·colsum(L)) and
        // rowsum(G)/(w·rowsum(G)), w = x/Σx. Tolerance 1e-7.
        #expect(maxDifference(linkages.backwardOutputWeighted, [1.0298507, 0.9850746]) < 1e-7)
        #expect(maxDifference(linkages.forwardOutputWeighted, [1.2985075, 0.8507463]) < 1e-7)
    }

    /// Impact of Δf = [250, −200] (the move from f = [350, 1700] to [600, 1500]):
    /// Δx = [247.5248, −158.4158] (M&B §2.3, 5e-5), Δva = v̂·Δx with v = [0.65, 0.70].
    @Test("Impact of a final-demand change")
    func impact() throws {
        let impact = try DemandImpact(model: LeontiefModel(table: TableFixtures.millerBlair()), demandChange: [250, -200])
        #expect(maxDifference(impact.output, [247.5248, -158.4158]) < 5e-5)
        #expect(maxDifference(impact.valueAddedChanges, [0.65 * 247.52475, 0.70 * -158.41584]) < 1e-4)
        #expect(maxDifference(try #require(impact.employment), [0.02 * 247.52475, 0.015 * -158.41584]) < 1e-6)
        let induced = try #require(impact.outputWithInduced)
        // Households spend (200 + 1000)/1100 of income on domestic products here, so the
        // induced effect of a net-positive income change is positive in both sectors.
        let incomeChange = try #require(impact.income).reduce(0, +)
        #expect(incomeChange > 0 && induced[0] > impact.output[0] && induced[1] > impact.output[1])
    }

    /// Induced effects are left out only when the table cannot have them: without a
    /// households column `outputWithInduced` is nil and the Type I impact is unchanged
    /// (Δx of the worked example, 5e-5 as above); a table that has compensation and
    /// households but no household income (a zero compensation row) is an error, not a
    /// silently dropped result.
    @Test("Induced effects: left out without households, an error when households cannot be closed")
    func inducedEffectsNeedAClosure() throws {
        let base = try TableFixtures.millerBlair()
        let noHouseholds = try IOTable(
            sectors: base.sectors, intermediate: base.intermediate,
            finalDemandColumns: [.init(label: "government", kind: .government), .init(label: "exports", kind: .exports)],
            finalDemand: base.finalDemand, primaryInputRows: base.primaryInputRows, primaryInputs: base.primaryInputs,
            output: base.output)
        let open = try DemandImpact(model: LeontiefModel(table: noHouseholds), demandChange: [250, -200])
        #expect(open.outputWithInduced == nil && open.valueAddedChangesWithInduced == nil)
        #expect(maxDifference(open.output, [247.5248, -158.4158]) < 5e-5)

        // Value added 650 and 1400 all in operating surplus: the compensation row is zeros.
        let noIncome = try IOTable(
            sectors: base.sectors, intermediate: base.intermediate,
            finalDemandColumns: base.finalDemandColumns, finalDemand: base.finalDemand,
            primaryInputRows: base.primaryInputRows, primaryInputs: Matrix(rows: [[0, 0], [650, 1400]]),
            output: base.output)
        #expect(throws: InputOutputError.invalidParameter(
            name: "total compensation", value: 0, reason: "household income must be positive to close the model")) {
            try DemandImpact(model: LeontiefModel(table: noIncome), demandChange: [250, -200])
        }
        // Asked without induced effects, the same table gives the Type I impact.
        let typeI = try DemandImpact(model: LeontiefModel(table: noIncome), demandChange: [250, -200], includeInduced: false)
        #expect(typeI.outputWithInduced == nil)
    }
}
