import Growth
import InputOutput
import LinearAlgebra
import TestSupport
import Testing

/// Value added induced by each final-demand category, VA_c = v̂·L·f_c.
@Suite("Demand-side contributions")
struct DemandContributionTests {
    // Miller & Blair Table 2.3 by hand: A = [[0.15, 0.25], [0.2, 0.05]],
    // det(I − A) = 0.85·0.95 − 0.25·0.2 = 0.7575, L = [[0.95, 0.25], [0.2, 0.85]] / 0.7575,
    // v = [650/1000, 1400/2000] = [0.65, 0.7].
    static let det = 0.7575
    static func leontief(_ f: [Double]) -> [Double] {
        [(0.95 * f[0] + 0.25 * f[1]) / det, (0.2 * f[0] + 0.85 * f[1]) / det]
    }
    static let v = [0.65, 0.7]

    @Test("VA by category matches v̂·L·f_c by hand and sums to total VA")
    func millerBlair() throws {
        let demand = try DemandContributions(model: try LeontiefModel(table: try Fixtures.millerBlair()))
        #expect(demand.categories.map(\.kind) == [.households, .exports])
        for (c, f) in [[200.0, 1000], [150, 700]].enumerated() {
            let x = Self.leontief(f)
            // Tolerance 1e-9: values ~1000, LU solve error ~1e-13.
            #expect(abs(demand.valueAddedByCategory[0, c] - Self.v[0] * x[0]) <= 1e-9)
            #expect(abs(demand.valueAddedByCategory[1, c] - Self.v[1] * x[1]) <= 1e-9)
        }
        // Σ_c VA_c = VA (no imports column, balanced table); tolerance 1e-9.
        #expect(maxDifference(demand.residualValueAdded, [0, 0]) <= 1e-9)
        #expect(demand.importsValueAdded == nil)
        #expect(abs(demand.totalValueAdded - 2050) <= 1e-12)
        // With value added the only primary input, vᵀL = 1ᵀ, so VA_c = Σᵢ f_ic: 1200 and 850.
        #expect(maxDifference(demand.categoryValueAdded, [1200, 850]) <= 1e-9)
        #expect(maxDifference(demand.categorySharesPercent, [1200 / 20.5, 850 / 20.5]) <= 1e-9)
        let sectorShares = demand.sectorSharesByCategoryPercent
        #expect(abs(sectorShares[0, 0] + sectorShares[0, 1] - 100) <= 1e-9)
    }

    @Test("Category growth → contributions to VA growth, checked by re-solving the model")
    func growthContributions() throws {
        let model = try LeontiefModel(table: try Fixtures.millerBlair())
        let demand = try DemandContributions(model: model)
        // Households +5%, exports +7% (Hanoi's export target).
        let growth = try demand.growthContributions(categoryGrowthPercent: [5, 7])
        // By hand: 1200·5/2050 = 2.9268293 pp, 850·7/2050 = 2.9024390 pp; tolerance 1e-9.
        #expect(abs(growth.categoryContributionPercentagePoints[0] - 1200 * 5 / 2050) <= 1e-9)
        #expect(abs(growth.categoryContributionPercentagePoints[1] - 850 * 7 / 2050) <= 1e-9)
        // Independent check: VA of the grown demand f' = 1.05·f_h + 1.07·f_e by a fresh solve.
        let grown = [200 * 1.05 + 150 * 1.07, 1000 * 1.05 + 700 * 1.07]
        let x = try model.totalOutput(for: grown)
        let newValueAdded = Self.v[0] * x[0] + Self.v[1] * x[1]
        #expect(abs(growth.valueAddedGrowthPercent - (newValueAdded / 2050 - 1) * 100) <= 1e-9)
        // Sector rows and category columns add up to the same total; tolerance 1e-12.
        #expect(abs(growth.sectorContributionPercentagePoints.reduce(0, +) - growth.valueAddedGrowthPercent) <= 1e-12)
        let agricultureGrowth = try #require(growth.sectorValueAddedGrowthPercent[0])
        let xBase = Self.leontief([350, 1700])
        #expect(abs(agricultureGrowth - (x[0] / xBase[0] - 1) * 100) <= 1e-9)
        #expect(throws: GrowthError.lengthMismatch(name: "final-demand category growth", expected: 2, actual: 1)) {
            try demand.growthContributions(categoryGrowthPercent: [5])
        }
    }

    @Test("With an imports column the residual is the imports' induced VA")
    func imports() throws {
        let demand = try DemandContributions(model: try LeontiefModel(table: try Fixtures.millerBlairWithImports()))
        #expect(demand.categories.map(\.label) == ["households", "exports"])
        let importsPart = try #require(demand.importsValueAdded)
        let xImports = Self.leontief([-50, -100])
        // By hand v̂·L·f_m; tolerance 1e-9.
        #expect(maxDifference(importsPart, [Self.v[0] * xImports[0], Self.v[1] * xImports[1]]) <= 1e-9)
        #expect(maxDifference(demand.residualValueAdded, importsPart) <= 1e-9)
        #expect(demand.residualValueAdded.allSatisfy { $0 < -1 })
    }

    @Test("Random balanced tables: Σ_c VA_c = VA", arguments: [3, 8, 20])
    func randomTables(sectors: Int) throws {
        let table = try Fixtures.randomProductive(sectors: sectors, seed: UInt64(sectors))
        let demand = try DemandContributions(model: try LeontiefModel(table: table))
        // Relative tolerance 1e-9 of total VA (LU solves on well-conditioned I − A, ρ(A) ≤ 0.7).
        let sumOverCategories = demand.categoryValueAdded.reduce(0, +)
        #expect(abs(sumOverCategories - demand.totalValueAdded) <= 1e-9 * demand.totalValueAdded)
        #expect(demand.residualValueAdded.allSatisfy { abs($0) <= 1e-9 * demand.totalValueAdded })
        #expect(demand.valueAddedByCategory.rows == sectors && demand.valueAddedByCategory.columns == 4)
    }
}
