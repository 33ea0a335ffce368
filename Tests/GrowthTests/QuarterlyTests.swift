import Growth
import TestSupport
import Testing

/// Quarterly arithmetic: annual = Σ w_q g_q, required remaining growth, seasonal fit.
@Suite("Quarterly arithmetic")
struct QuarterlyTests {
    @Test("Four quarters and base-year weights give the annual growth of the levels")
    func annualFromQuarters() throws {
        // Base-year quarterly levels 100, 110, 120, 130 growing 5, 6, 7, 8% y/y →
        // 105, 116.6, 128.4, 140.4; annual growth (490.4/460 − 1)·100 = 6.6086956…
        // Tolerance 1e-12: the identity is exact; the level ratio's cancellation costs ~1e-14.
        let weights = try QuarterlyWeights(baseYearQuarterValues: [100, 110, 120, 130])
        let annual = try weights.annualGrowth(quarterlyGrowthPercent: [5, 6, 7, 8])
        #expect(abs(annual - (490.4 / 460 - 1) * 100) <= 1e-12)
        // Cumulative first half: (105 + 116.6)/(100 + 110) − 1 = 5.5238095…%.
        let half = try weights.cumulativeGrowth(quarterlyGrowthPercent: [5, 6])
        #expect(abs(half - (221.6 / 210 - 1) * 100) <= 1e-12)
        #expect(QuarterlyWeights.equal.weights == [0.25, 0.25, 0.25, 0.25])
    }

    @Test("Required remaining growth, put back, gives the target exactly", arguments: 0..<4)
    func putBack(known: Int) throws {
        var rng = SplitMix64(seed: UInt64(100 + known))
        for _ in 0..<50 {
            let weights = try QuarterlyWeights(baseYearQuarterValues: (0..<4).map { _ in Double.random(in: 10...30, using: &rng) })
            let actual = (0..<known).map { _ in Double.random(in: -5...15, using: &rng) }
            let target = Double.random(in: -2...12, using: &rng)
            let r = try #require(try weights.requiredRemainingGrowth(targetPercent: target, actualQuarterGrowthPercent: actual))
            let year = actual + Array(repeating: r, count: 4 - known)
            // Tolerance 1e-12: r is one division, the annual sum four products (|values| ≲ 100).
            #expect(abs(try weights.annualGrowth(quarterlyGrowthPercent: year) - target) <= 1e-12)
        }
        #expect(try QuarterlyWeights.equal.requiredRemainingGrowth(targetPercent: 8, actualQuarterGrowthPercent: [1, 2, 3, 4]) == nil)
    }

    @Test("Per sector: own base quarters or the fallback weights, each reaching its own target")
    func perSector() throws {
        let accounts = try GRDPAccounts(region: "Hanoi 9M/2025", sectors: [
            // 9M/2025 quarters (grdp_facts_notes.md); services with hypothetical base-year quarter levels.
            SectorAccount(name: "services", group: "services", baseValue: 65.6, target: 8.6,
                          quarterlyGrowth: [8.58, 8.80, 8.83], baseQuarterValues: [15, 16, 17, 18]),
            SectorAccount(name: "agriculture", group: "agriculture", baseValue: 1.909, target: 3.1,
                          quarterlyGrowth: [3.34, 3.18, 3.89]),
            SectorAccount(name: "taxes", group: "taxes", baseValue: 9.701, target: 5.7),
            SectorAccount(name: "done", baseValue: 1, quarterlyGrowth: [1, 2, 3, 4]),
        ])
        let fallback = try QuarterlyWeights(seasonalSlope: 0.016)
        let requirements = try accounts.remainingQuarterRequirements(fallback: fallback)
        #expect(requirements[0].usesOwnBaseQuarters)
        #expect(requirements[0].weights == (try QuarterlyWeights(baseYearQuarterValues: [15, 16, 17, 18])))
        #expect(requirements[1].weights == fallback)
        for requirement in requirements.prefix(3) {
            let target = try #require(requirement.targetPercent)
            let r = try #require(requirement.requiredRemainingGrowthPercent)
            let year = requirement.actualQuarterGrowthPercent + Array(repeating: r, count: 4 - requirement.actualQuarterGrowthPercent.count)
            #expect(abs(try requirement.weights.annualGrowth(quarterlyGrowthPercent: year) - target) <= 1e-12)
        }
        // Services by hand: weights 15/66, 16/66, 17/66, 18/66;
        // r = (8.6 − (15·8.58 + 16·8.80 + 17·8.83)/66) / (18/66) = (8.6·66 − 419.61)/18 = 8.2227…
        #expect(abs(try #require(requirements[0].requiredRemainingGrowthPercent) - (8.6 * 66 - 419.61) / 18) <= 1e-12)
        // Taxes: no quarter known → the target itself in every quarter.
        #expect(abs(try #require(requirements[2].requiredRemainingGrowthPercent) - 5.7) <= 1e-12)
        #expect(requirements[2].growthSoFarPercent == nil)
        // All four known, no target: an annual figure and nothing required.
        #expect(requirements[3].requiredRemainingGrowthPercent == nil)
        // Σ w_q g_q with w_q = ¼ + 0.016(q − 2.5): 2.5 + 0.016·(−1.5·1 − 0.5·2 + 0.5·3 + 1.5·4) = 2.58.
        let done: Double = try #require(requirements[3].annualGrowthPercent)
        #expect(abs(done - 2.58) <= 1e-12)
    }

    /// Hanoi (Cục Thống kê Hà Nội, year-end revised quarters; grdp_facts.csv):
    /// 2024 annual 6.52, Q 5.41 6.80 6.71 7.01; 2025 annual 8.16, Q 7.41 8.13 8.85 8.15.
    @Test("Hanoi 2024–2025: the fitted seasonal profile reproduces each annual figure within 0.02 pp")
    func seasonalFit() throws {
        let fit = try SeasonalProfileFit(years: [
            PublishedQuarterlyGrowth(year: 2024, annualGrowthPercent: 6.52, quarterlyGrowthPercent: [5.41, 6.80, 6.71, 7.01]),
            PublishedQuarterlyGrowth(year: 2025, annualGrowthPercent: 8.16, quarterlyGrowthPercent: [7.41, 8.13, 8.85, 8.15]),
        ])
        // Closed form by hand: d = annual − mean(q) = (0.0375, 0.025); s = Σ(q − 2.5)g = (2.355, 1.47);
        // b = Σ d·s / Σ s² = 0.1250625 / 7.706925 = 0.0162273; tolerance 1e-12 (a handful of roundings).
        #expect(abs(fit.slope - 0.1250625 / 7.706925) <= 1e-12)
        #expect(abs(fit.slope - 0.016) <= 0.001)
        let b = fit.slope
        #expect(maxDifference(fit.weights.weights, [0.25 - 1.5 * b, 0.25 - 0.5 * b, 0.25 + 0.5 * b, 0.25 + 1.5 * b]) <= 1e-15)
        // Within 0.02 pp: the published annual figures are rounded to 0.01 (±0.005) and the
        // quarters too (±0.005 each, weighted mean ±0.005); the linear profile is an approximation.
        for residual in fit.residuals {
            #expect(abs(residual.residualPercentagePoints) <= 0.02, "\(residual.year): \(residual.residualPercentagePoints)")
            #expect(abs(residual.publishedAnnualPercent - residual.fittedAnnualPercent - residual.residualPercentagePoints) <= 1e-15)
        }
        #expect(fit.rootMeanSquareResidual <= 0.02)
    }

    @Test("Invalid weights and degenerate fits are rejected with the reason")
    func errors() throws {
        #expect(throws: GrowthError.invalidQuarterlyWeights(weights: [0.5, 0.5, 0.5], reason: "there must be exactly four")) {
            try QuarterlyWeights([0.5, 0.5, 0.5])
        }
        #expect(throws: GrowthError.invalidQuarterlyWeights(weights: [0.3, 0.3, 0.3, 0.3], reason: "they sum to 1.2, not 1")) {
            try QuarterlyWeights([0.3, 0.3, 0.3, 0.3])
        }
        #expect(throws: GrowthError.invalidQuarterlyWeights(weights: [0.5, 0.5, 0, 0], reason: "every weight must be finite and > 0")) {
            try QuarterlyWeights([0.5, 0.5, 0, 0])
        }
        #expect(throws: GrowthError.self) { try QuarterlyWeights(seasonalSlope: 0.2) }
        #expect(throws: GrowthError.degenerateSeasonalFit(
            slope: nil, reason: "the quarters show no trend within any year, so the slope is not identified; use QuarterlyWeights.equal or published base-year quarters")) {
            try SeasonalProfileFit(years: [PublishedQuarterlyGrowth(year: 2020, annualGrowthPercent: 5, quarterlyGrowthPercent: [5, 5, 5, 5])])
        }
        // Annual far above every quarter: b would have to exceed 1/6.
        #expect(throws: GrowthError.self) {
            try SeasonalProfileFit(years: [PublishedQuarterlyGrowth(year: 2020, annualGrowthPercent: 9, quarterlyGrowthPercent: [1, 2, 3, 4])])
        }
        #expect(throws: GrowthError.lengthMismatch(name: "quarterly growth of 2020", expected: 4, actual: 3)) {
            try SeasonalProfileFit(years: [PublishedQuarterlyGrowth(year: 2020, annualGrowthPercent: 5, quarterlyGrowthPercent: [5, 5, 5])])
        }
        #expect(throws: GrowthError.lengthMismatch(name: "quarters so far", expected: 4, actual: 5)) {
            try QuarterlyWeights.equal.requiredRemainingGrowth(targetPercent: 8, actualQuarterGrowthPercent: [1, 2, 3, 4, 5])
        }
    }
}
