import InputOutput
import LinearAlgebra
import TestSupport
import Testing

@Suite("Regional table by location quotients")
struct RegionalTableTests {
    /// A region that is an exact 1/10 replica of the nation (all SLQ = 1) keeps the
    /// national coefficients under SLQ; its output is a tenth of the nation's and it
    /// buys nothing from outside (imported inputs 0). Tolerance 1e-9 relative.
    @Test("A scaled replica region keeps national coefficients")
    func replica() throws {
        let nation = try TableFixtures.randomProductive(sectors: 5, seed: 11)
        let region = try nation.regionalized(regionalSizes: nation.output.map { $0 / 10 }, measure: .output, method: .slq)
        try region.validate(tolerance: 1e-9)
        #expect(try region.technicalCoefficients().maxAbsoluteDifference(to: nation.technicalCoefficients()) < 1e-12)
        #expect(maxDifference(region.output, nation.output.map { $0 / 10 }) < 1e-9)
        #expect(region.primaryInput(of: .imports).allSatisfy { abs($0) < 1e-9 })
    }

    /// A specialised region under FLQ (δ = 0.2): coefficients never exceed the national
    /// ones, the table balances by rows and columns (1e-9), and value added per unit of
    /// output equals the nation's (same technology assumption).
    @Test("FLQ region balances and buys more from outside")
    func flqRegion() throws {
        let nation = try TableFixtures.randomProductive(sectors: 6, seed: 12)
        let sizes = nation.valueAddedLevels.enumerated().map { $0.element * (0.02 + 0.03 * Double($0.offset)) }
        let region = try nation.regionalized(regionalSizes: sizes, measure: .valueAdded, method: .flq(delta: 0.2))
        try region.validate(tolerance: 1e-9)
        let ar = try region.technicalCoefficients(), an = try nation.technicalCoefficients()
        for j in 0..<6 { for i in 0..<6 { #expect(ar[i, j] <= an[i, j] + 1e-15) } }
        #expect(region.primaryInput(of: .imports).reduce(0, +) > 0)
        #expect(maxDifference(try region.valueAddedCoefficients(), try nation.valueAddedCoefficients()) < 1e-12)
        #expect(maxDifference(region.valueAddedLevels, sizes) < 1e-9 * (sizes.max() ?? 1))
        #expect(region.finalDemandColumns.last?.kind == .exports)
    }
}

@Suite("Domestic flows by import proportionality")
struct DomesticFlowsTests {
    /// Two products, imports 30 of product 1 whose domestic use is 150 + 50 + 100 = 300:
    /// μ₁ = 0.1; product 2 imports nothing. Zᵈ row 1 = 0.9·[150, 50]; the imported-inputs row
    /// = [15, 5]; both balances still hold (1e-12).
    @Test("Hand-computed domestic table")
    func handExample() throws {
        let table = try IOTable(
            sectors: ["a", "b"], intermediate: Matrix(rows: [[150, 50], [100, 200]]),
            finalDemandColumns: [.init(label: "households", kind: .households), .init(label: "exports", kind: .exports), .init(label: "imports", kind: .imports)],
            finalDemand: Matrix(rows: [[100, 30, -30], [500, 200, 0]]),
            primaryInputRows: [.init(label: "value_added", kind: .valueAdded)], primaryInputs: Matrix(rows: [[50, 750]]),
            output: [300, 1000])
        try table.validate()
        let domestic = try table.domesticFlows()
        try domestic.validate(tolerance: 1e-12)
        #expect(domestic.intermediate.row(0) == [135, 45])
        #expect(domestic.primaryInput(of: .imports) == [15, 5])
        #expect(domestic.finalDemand(of: .households) == [90, 500])
        #expect(domestic.finalDemand(of: .exports) == [30, 200])
        #expect(!domestic.hasFinalDemand(.imports))
    }
}
