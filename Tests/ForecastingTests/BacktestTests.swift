import Datasets
import Scenarios
import Testing
@testable import Forecasting

/// The back-test on the embedded history (the same as `grdp backtest`).
@Suite("Back-test on the embedded history")
struct BacktestTests {
    static func backtest() throws -> Backtest {
        let hanoi = try HanoiDataset.embedded()
        let estimator = BaselineEstimator(history: GrowthHistory(facts: try hanoi.publishedHistory()), quarterlyWeights: hanoi.quarterlyWeights)
        // The momentum spread does not affect the other forecasters; 1.0 is an arbitrary value for this test.
        return Backtest(estimator: estimator, momentumStandardDeviation: 1.0, years: 2013...2025)
    }

    /// The default model is the best-scoring one: its mean CRPS over the annual origins is the
    /// lowest of all variants and benchmarks, and its 90% band coverage lies in the binomial
    /// 90% range of the nominal rate (the acceptance of the forecast issue).
    @Test("The default baseline model has the lowest mean CRPS at annual origins")
    func defaultIsBest() throws {
        let result = try Self.backtest().run(origins: [.annual])
        let annual = result.summaries.filter { $0.origin == .annual }
        let best = try #require(annual.min { $0.meanCRPS < $1.meanCRPS })
        #expect(best.forecaster == .model(BaselineModel.default))
        #expect(best.years.count >= 5)
        let range = ScoringRules.binomialRange(trials: best.years.count, probability: 0.9, level: 0.9)
        #expect(range.contains(best.coverage90))
    }

    /// No look-ahead: the forecast of 2025 made on 31 January 2025 uses no 2025 figure — its
    /// national centre is the target published by then (8%, Government Res. 01/NQ-CP) and the
    /// regression's last year is 2024.
    @Test("A forecast uses only what was published by its origin")
    func noLookAhead() throws {
        let backtest = try Self.backtest()
        let forecast = try backtest.estimator.estimate(.national, year: 2025, asOf: BaselineEstimator.annualOrigin(2025))
        #expect(forecast.yearsUsed.last == 2024)
        #expect(forecast.nationalGrowth?.mean == 8)
        for u in forecast.yearsUsed {
            let release = try #require(backtest.estimator.history.annualGrowth("Hanoi", u, asOf: forecast.asOf))
            #expect(release.date <= forecast.asOf)
        }
    }

    /// Quarters published above the forecast raise the predictive mean, below lower it.
    @Test("Quarters above the forecast raise it, below lower it")
    func quarterDirection() throws {
        let w = [0.2257, 0.2419, 0.2581, 0.2743]
        let noise = QuarterNoise(standardDeviation: 0.9, means: [0, 0, 0, 0], years: 0)
        let prior = try Backtest.annualPredictive(levelMean: 7, levelVariance: 2, quarterNoise: noise, quarterlyWeights: w, observations: [])
        let above = try Backtest.annualPredictive(levelMean: 7, levelVariance: 2, quarterNoise: noise, quarterlyWeights: w, observations: [.quarter(0, 8)])
        let below = try Backtest.annualPredictive(levelMean: 7, levelVariance: 2, quarterNoise: noise, quarterlyWeights: w, observations: [.quarter(0, 6)])
        #expect(above.mean > prior.mean)
        #expect(below.mean < prior.mean)
        #expect(above.standardDeviation < prior.standardDeviation)
    }
}
