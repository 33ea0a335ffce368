import Testing
@testable import Forecasting

/// Reference values from scipy 1.17 (`scipy.stats.norm`): CRPS by the closed form of
/// Gneiting et al. (2005) evaluated with norm.cdf/norm.pdf, log score = −norm.logpdf,
/// PIT = norm.cdf, and binom.ppf for the coverage range. Tolerance 1e-12 (double rounding).
@Suite("Scoring rules")
struct ScoringRulesTests {
    @Test("CRPS, log score and PIT of a normal forecast match scipy", arguments: [
        (0.0, 1.0, 0.5, 0.3314035312548558, 1.0439385332046727, 0.6914624612740131),
        (2.0, 1.5, -1.0, 2.179187732528855, 3.324403641312837, 0.022750131948179195),
        (8.46, 1.95, 8.16, 0.47408169505423914, 1.5986022253069554, 0.4388655207508579),
    ])
    func normalScores(mean: Double, sd: Double, y: Double, crps: Double, log: Double, pit: Double) {
        #expect(abs(ScoringRules.crps(mean: mean, standardDeviation: sd, outcome: y) - crps) < 1e-12)
        #expect(abs(ScoringRules.logScore(mean: mean, standardDeviation: sd, outcome: y) - log) < 1e-12)
        #expect(abs(ScoringRules.pit(mean: mean, standardDeviation: sd, outcome: y) - pit) < 1e-12)
    }

    /// E|X − y| − ½E|X − X′| over {1, 2, 4, 7} at y = 3 is 2.25 − 1.5 = 0.75 (by hand, and numpy).
    @Test("Sample CRPS of a small sample")
    func sampleCRPS() {
        #expect(abs(ScoringRules.crps(samples: [7, 1, 4, 2], outcome: 3) - 0.75) < 1e-12)
    }

    /// A large normal sample's CRPS tends to the closed form (tolerance 0.01: sampling error
    /// of 20,000 quasi-regular quantiles is far below it).
    @Test("Sample CRPS converges to the normal closed form")
    func sampleConverges() {
        let n = 20_000
        let samples = (0..<n).map { 1 + 2 * StandardNormalQuantile((Double($0) + 0.5) / Double(n)) }
        let closed = ScoringRules.crps(mean: 1, standardDeviation: 2, outcome: 2.5)
        #expect(abs(ScoringRules.crps(samples: samples, outcome: 2.5) - closed) < 0.01)
    }

    @Test("Brier score and band coverage")
    func brierAndCoverage() {
        #expect(ScoringRules.brier(probability: 0.7, occurred: true) == 0.09000000000000002)
        #expect(abs(ScoringRules.brier(probability: 0.7, occurred: false) - 0.49) < 1e-15)
        #expect(ScoringRules.covers(mean: 0, standardDeviation: 1, outcome: 1.6, level: 0.9))
        #expect(!ScoringRules.covers(mean: 0, standardDeviation: 1, outcome: 1.7, level: 0.9))
    }

    @Test("Binomial 90% range matches scipy's binom.ppf(0.05), binom.ppf(0.95)", arguments: [(7, 5, 7), (20, 16, 20), (6, 4, 6)])
    func binomialRange(n: Int, low: Int, high: Int) {
        #expect(ScoringRules.binomialRange(trials: n, probability: 0.9, level: 0.9) == low...high)
    }
}

import Sampling
func StandardNormalQuantile(_ p: Double) -> Double { StandardNormal.quantile(p) }
