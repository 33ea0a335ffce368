import Testing
import Growth

/// The run report's "needed" arithmetic and the quarterly command's truncation, in Growth.
/// Expected values are worked by hand from the formulas in the doc comments; tolerance 1e-12
/// (a few ulps of the one division each involves).
@Suite("Closing a shortfall")
struct ShortfallClosureTests {
    @Test("One line alone: extra = max(0, T − G) / s, needed = g + extra; nil without a share")
    func lineAlone() throws {
        let gap = SectorGap(sector: "industry", share: 0.25, growthPercent: 6, closingShortfall: 1.5)
        #expect(abs((gap.extraGrowthAlonePercentagePoints ?? .nan) - 6) < 1e-12)      // 1.5 / 0.25
        #expect(abs((gap.requiredGrowthAlonePercent ?? .nan) - 12) < 1e-12)           // 6 + 6
        let above = SectorGap(sector: "industry", share: 0.25, growthPercent: 6, closingShortfall: -0.5)
        #expect(above.extraGrowthAlonePercentagePoints == 0)
        #expect(above.requiredGrowthAlonePercent == 6)
        let none = SectorGap(sector: "taxes", share: 0, growthPercent: 3, closingShortfall: 1)
        #expect(none.extraGrowthAlonePercentagePoints == nil && none.requiredGrowthAlonePercent == nil)
    }

    @Test("Remaining quarters: δ = max(0, T − G) / Σ of the weights not yet published")
    func remainingQuarters() {
        let weights = [0.2, 0.25, 0.25, 0.3]
        // Q1 and Q2 known: 0.55 of the year remains; 1.1 / 0.55 = 2.
        #expect(abs(QuarterlyWeights.uniformRemainingExtra(weights: weights, knownQuarters: 2, shortfall: 1.1) - 2) < 1e-12)
        #expect(QuarterlyWeights.uniformRemainingExtra(weights: weights, knownQuarters: 0, shortfall: -1) == 0)
        #expect(QuarterlyWeights.uniformRemainingExtra(weights: weights, knownQuarters: 4, shortfall: 1) == 0)
    }

    @Test("Accounts known through k quarters keep only Q1…Qk of each sector")
    func knownThrough() throws {
        let accounts = try GRDPAccounts(region: "test", sectors: [
            SectorAccount(name: "a", baseValue: 60, growth: 5, quarterlyGrowth: [4, 5, 6]),
            SectorAccount(name: "b", baseValue: 40, growth: 7, quarterlyGrowth: [7, 8]),
        ])
        let early = try accounts.knownThrough(quarters: 1)
        #expect(early.sectors.map(\.quarterlyGrowth) == [[4], [7]])
        #expect(early.sectors.map(\.baseValue) == [60, 40])
        #expect(try accounts.knownThrough(quarters: 0).sectors.map(\.quarterlyGrowth) == [[4, 5, 6], [7, 8]])
    }
}
