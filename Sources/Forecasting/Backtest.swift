import Scenarios
import Sampling

/// Rolling-origin evaluation (Tashman 2000): for every year t the history allows, forecast
/// t's GRDP growth from what was published by the origin — 31 January (annual), 30 April
/// (after Q1), 31 July (H1) and 31 October (9M) of t — and score it against t's first
/// release. Every forecaster is a normal prior on the year's level z with the same quarter
/// noise η (σ_η estimated at the origin); published quarters update it by
/// `GaussianConditioning`, so all are scored on the same footing.
///
/// Forecasters: the `BaselineModel` variants, and three benchmarks — a random walk (last
/// year's growth, the spread of past year-on-year changes), the expanding mean of the
/// new-method years (their mean and spread), and the national target plus Hanoi's mean
/// differential (spread: the national outcomes around their targets and the differentials).
/// - Complexity: O(years × origins × forecasters × history).
public struct Backtest: Sendable {
    public enum Origin: String, Sendable, CaseIterable {
        case annual, q1 = "Q1", h1 = "H1", m9 = "9M"
        /// Quarters published by then.
        public var quarters: Int { switch self { case .annual: 0; case .q1: 1; case .h1: 2; case .m9: 3 } }
        public func date(_ year: Int) -> PublicationDate {
            switch self {
            case .annual: BaselineEstimator.annualOrigin(year)
            case .q1: PublicationDate(year: year, month: 4, day: 30)
            case .h1: PublicationDate(year: year, month: 7, day: 31)
            case .m9: PublicationDate(year: year, month: 10, day: 31)
            }
        }
    }

    public enum Forecaster: Sendable, Hashable, CustomStringConvertible {
        case model(BaselineModel)
        case randomWalk, expandingMean, nationalPlusDifferential
        public var description: String {
            switch self {
            case let .model(m): m.rawValue
            case .randomWalk: "benchmark: random walk"
            case .expandingMean: "benchmark: expanding mean"
            case .nationalPlusDifferential: "benchmark: national target + mean differential"
            }
        }
        public var id: String {
            switch self {
            case let .model(m): m.rawValue
            case .randomWalk: "random-walk"
            case .expandingMean: "expanding-mean"
            case .nationalPlusDifferential: "national-plus-differential"
            }
        }
        public static let all: [Forecaster] = BaselineModel.allCases.map { .model($0) } + [.randomWalk, .expandingMean, .nationalPlusDifferential]
    }

    /// One scored forecast.
    public struct Score: Sendable {
        public let year: Int
        public let origin: Origin
        public let forecaster: Forecaster
        public let mean: Double
        public let standardDeviation: Double
        public let outcome: Double
        public let target: Double?
        public let observations: [QuarterObservation]
        public var pit: Double { ScoringRules.pit(mean: mean, standardDeviation: standardDeviation, outcome: outcome) }
        public var crps: Double { ScoringRules.crps(mean: mean, standardDeviation: standardDeviation, outcome: outcome) }
        public var logScore: Double { ScoringRules.logScore(mean: mean, standardDeviation: standardDeviation, outcome: outcome) }
        public var covered50: Bool { ScoringRules.covers(mean: mean, standardDeviation: standardDeviation, outcome: outcome, level: 0.5) }
        public var covered90: Bool { ScoringRules.covers(mean: mean, standardDeviation: standardDeviation, outcome: outcome, level: 0.9) }
        /// P(growth ≥ target) and its Brier score, where the year's target is published.
        public var probabilityOfTarget: Double? { target.map { 1 - StandardNormal.cdf(($0 - mean) / standardDeviation) } }
        public var brier: Double? { zip2(probabilityOfTarget, target).map { ScoringRules.brier(probability: $0.0, occurred: outcome >= $0.1) } }
    }

    /// Mean scores of one forecaster at one origin over the common years.
    public struct Summary: Sendable {
        public let forecaster: Forecaster
        public let origin: Origin
        public let years: [Int]
        public let meanCRPS: Double
        public let meanLogScore: Double
        public let coverage50: Int
        public let coverage90: Int
        public let meanBrier: Double?
        public let pits: [Double]
    }

    /// The years `grdp backtest` scores by default (those before 2019 lack the new-method
    /// quarters the quarter noise is estimated from, and are skipped with that reason).
    public static let defaultYears = 2013...2025

    public let estimator: BaselineEstimator
    /// The momentum variant's spread of GRDP growth (the scenario's hand-set baseline); nil
    /// leaves the momentum variant out.
    public let momentumStandardDeviation: Double?
    public let years: ClosedRange<Int>

    /// The forecasters scored.
    public var forecasters: [Forecaster] { Forecaster.all.filter { $0 != .model(.momentum) || momentumStandardDeviation != nil } }

    public init(estimator: BaselineEstimator, momentumStandardDeviation: Double?, years: ClosedRange<Int>) {
        self.estimator = estimator
        self.momentumStandardDeviation = momentumStandardDeviation
        self.years = years
    }

    /// All scores, for every year with a first release where every forecaster could be built.
    public func run(origins: [Origin] = Origin.allCases) -> (scores: [Score], summaries: [Summary], skipped: [String]) {
        var scores: [Score] = [], skipped: [String] = []
        let history = estimator.history
        for year in years {
            guard let outcome = history.firstRelease("Hanoi", year) else { skipped.append("\(year): no published outcome"); continue }
            for origin in origins {
                let asOf = origin.date(year)
                var row: [Score] = []
                do {
                    let observations = Self.observations(history: history, year: year, origin: origin, quarterlyWeights: estimator.quarterlyWeights)
                    let quarterNoise = try estimator.quarterNoise(for: year, asOf: asOf)
                    for forecaster in forecasters {
                        let prior = try self.prior(forecaster, year: year, asOf: asOf)
                        let (mean, sd) = try Self.annualPredictive(
                            levelMean: prior.mean, levelVariance: prior.levelVariance, quarterNoise: quarterNoise,
                            quarterlyWeights: estimator.quarterlyWeights, observations: observations)
                        row.append(Score(year: year, origin: origin, forecaster: forecaster, mean: mean, standardDeviation: sd,
                                         outcome: outcome.value, target: history.hanoiTarget(year, asOf: asOf), observations: observations))
                    }
                    scores += row
                } catch {
                    skipped.append("\(year) \(origin.rawValue): \(error)")
                }
            }
        }
        var summaries: [Summary] = []
        for origin in origins {
            let atOrigin = scores.filter { $0.origin == origin }
            for forecaster in forecasters {
                let own = atOrigin.filter { $0.forecaster == forecaster }
                guard !own.isEmpty else { continue }
                let n = Double(own.count)
                let briers = own.compactMap(\.brier)
                summaries.append(Summary(
                    forecaster: forecaster, origin: origin, years: own.map(\.year), meanCRPS: own.reduce(0) { $0 + $1.crps } / n,
                    meanLogScore: own.reduce(0) { $0 + $1.logScore } / n, coverage50: own.filter(\.covered50).count,
                    coverage90: own.filter(\.covered90).count, meanBrier: briers.isEmpty ? nil : briers.reduce(0, +) / Double(briers.count),
                    pits: own.map(\.pit)))
            }
        }
        return (scores, summaries, skipped)
    }

    /// The normal prior of the year's level z (annual growth without the quarter noise):
    /// mean and variance, and the annual variance it stands for.
    func prior(_ forecaster: Forecaster, year: Int, asOf: PublicationDate) throws(ForecastingError) -> (mean: Double, levelVariance: Double) {
        let sigma = try estimator.quarterNoise(for: year, asOf: asOf).standardDeviation
        let noiseShare = estimator.quarterlyWeights.reduce(0) { $0 + $1 * $1 } * sigma * sigma
        func level(_ mean: Double, annualVariance: Double) -> (Double, Double) {
            (mean, max(annualVariance - noiseShare, 0.25 * annualVariance))
        }
        let hanoi = estimator.series("Hanoi", before: year, asOf: asOf)
        let newMethod = hanoi.filter { !GrowthHistory.isOldMethod($0.key) }
        func meanAndVariance(_ values: [Double]) throws(ForecastingError) -> (Double, Double) {
            guard values.count >= 3 else { throw .insufficientHistory(model: forecaster.id, year: year, observations: values.count, needed: 3) }
            let mean = values.reduce(0, +) / Double(values.count)
            return (mean, values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1))
        }
        switch forecaster {
        case let .model(model) where model.isEstimated:
            let f = try estimator.estimate(model, year: year, asOf: asOf)
            let national = f.nationalGrowth
            return ((national?.mean ?? 0) + f.expected.mean,
                    pow2(national?.standardDeviation ?? 0) + pow2(f.expected.standardDeviation) + pow2(f.residualStandardDeviation))
        case .model:
            guard let last = hanoi[year - 1] else { throw .missingObservation(what: "Hanoi's growth", year: year - 1, asOf: asOf.description) }
            return level(last, annualVariance: pow2(momentumStandardDeviation ?? 0))
        case .randomWalk:
            guard let last = hanoi[year - 1] else { throw .missingObservation(what: "Hanoi's growth", year: year - 1, asOf: asOf.description) }
            let changes = hanoi.keys.sorted().compactMap { u -> Double? in
                guard let previous = hanoi[u - 1], GrowthHistory.isOldMethod(u) == GrowthHistory.isOldMethod(u - 1) else { return nil }
                return hanoi[u]! - previous
            }
            let (_, variance) = try meanAndVariance(changes)
            return level(last, annualVariance: variance)
        case .expandingMean:
            let (mean, variance) = try meanAndVariance(newMethod.keys.sorted().map { newMethod[$0]! })
            return level(mean, annualVariance: variance)
        case .nationalPlusDifferential:
            let nation = estimator.series("Vietnam", before: year, asOf: asOf)
            let differentials = newMethod.keys.sorted().compactMap { u in nation[u].map { newMethod[u]! - $0 } }
            let (mean, variance) = try meanAndVariance(differentials)
            let national = try estimator.nationalComponent(year: year, asOf: asOf, override: nil)
            return level(national.mean + mean, annualVariance: variance + pow2(national.standardDeviation))
        }
    }

    /// The quarters of `year` published by the origin: each quarter alone where all are out,
    /// else the cumulative figure (Q1, H1, 9M), else fewer quarters.
    public static func observations(history: GrowthHistory, year: Int, origin: Origin, quarterlyWeights: [Double]) -> [QuarterObservation] {
        let asOf = origin.date(year)
        var count = origin.quarters
        while count > 0 {
            let quarters = history.hanoiQuarters(year, asOf: asOf).prefix(count)
            if quarters.allSatisfy({ $0 != nil }) {
                return quarters.enumerated().map { QuarterObservation.quarter($0.offset, $0.element!.value) }
            }
            let label = count == 1 ? "Q1" : count == 2 ? "H1" : "9M"
            if let cumulative = history.latest("Hanoi", "grdp_growth", label, year, asOf: asOf) {
                return [QuarterObservation.cumulative(count, cumulative.value, quarterlyWeights: quarterlyWeights)]
            }
            count -= 1
        }
        return []
    }

    /// Annual growth G = z + Σ W_q η_q given the observations, for z ~ N(m, v), η_q ~ N(b·η_{t−1,q}, σ²):
    /// mean and standard deviation (closed form through `GaussianConditioning`).
    public static func annualPredictive(
        levelMean: Double, levelVariance: Double, quarterNoise: QuarterNoise, quarterlyWeights: [Double], observations: [QuarterObservation]
    ) throws(ForecastingError) -> (mean: Double, standardDeviation: Double) {
        // State (z, η₁…η₄).
        let sigma = quarterNoise.standardDeviation
        let variances = [levelVariance] + [Double](repeating: sigma * sigma, count: 4)
        let covariance = variances.indices.map { i in variances.indices.map { $0 == i ? variances[i] : 0 } }
        let conditioning = try GaussianConditioning(priorCovariance: covariance, observationRows: observations.map { [1] + $0.weights })
        let posterior = conditioning.posterior(priorMean: [levelMean] + quarterNoise.means, observations: observations.map(\.value))
        let g = [1] + quarterlyWeights
        var mean = 0.0, variance = 0.0
        for i in 0..<5 {
            mean += g[i] * posterior.mean[i]
            for j in 0..<5 { variance += g[i] * posterior.covariance[i][j] * g[j] }
        }
        return (mean, max(variance, 1e-12).squareRoot())
    }
}

func pow2(_ x: Double) -> Double { x * x }
func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? { if let a, let b { (a, b) } else { nil } }
