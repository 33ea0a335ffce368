import Datasets
import Testing
@testable import Forecasting

/// τ̂ of `SectorQuarterNoise` on the embedded history.
@Suite("Sector quarter noise")
struct SectorQuarterNoiseTests {
    static func estimator() throws -> BaselineEstimator {
        let hanoi = try HanoiDataset.embedded()
        return BaselineEstimator(history: GrowthHistory(facts: try hanoi.publishedHistory()), quarterlyWeights: hanoi.quarterlyWeights)
    }

    /// The reference is computed with pandas from the same CSV files, independently of this
    /// code (scripts/reference/sector_quarter_noise.py): 41 pairs, τ̂ = 1.2564063852176517.
    /// Tolerance 1e-12 (the same arithmetic in another language; only the sum order differs).
    @Test("τ̂ for 2025 matches an independent computation")
    func reference() throws {
        let noise = try Self.estimator().sectorQuarterNoise(before: 2025, asOf: BaselineEstimator.annualOrigin(2025))
        #expect(noise.pairs.count == 41)
        #expect(abs(noise.standardDeviation - 1.2564063852176517) < 1e-12)
    }

    /// No look-ahead: an earlier origin sees only earlier years' pairs, all before its year;
    /// too few pairs is an error, not a made-up spread.
    @Test("Uses only years before the forecast year, as known at the origin")
    func noLookAhead() throws {
        let estimator = try Self.estimator()
        let noise = try estimator.sectorQuarterNoise(before: 2022, asOf: BaselineEstimator.annualOrigin(2022))
        #expect(noise.pairs.count < 41)
        #expect(noise.pairs.allSatisfy { Int($0.suffix(4)).map { $0 < 2022 } ?? false })
        #expect(throws: ForecastingError.self) {
            try estimator.sectorQuarterNoise(before: 2010, asOf: BaselineEstimator.annualOrigin(2010))
        }
    }
}
