import Scenarios

/// A normal input of the baseline: its mean and standard deviation, and where they come from.
public struct NormalComponent: Sendable, Equatable {
    public let mean: Double
    public let standardDeviation: Double
    public let source: String
}

/// An estimated baseline for one year and origin: the components of `BaselineModel`, ready
/// to sample, with what they were estimated from.
public struct BaselineForecast: Sendable {
    public let model: BaselineModel
    public let year: Int
    public let asOf: PublicationDate
    /// nₜ (nil for the `local` variant).
    public let nationalGrowth: NormalComponent?
    /// aₜ with its parameter uncertainty.
    public let expected: NormalComponent
    /// eₜ's standard deviation.
    public let residualStandardDeviation: Double
    /// η: the quarters' deviations from the year, with their base effect.
    public let quarterNoise: QuarterNoise
    public var quarterNoiseStandardDeviation: Double { quarterNoise.standardDeviation }
    /// The regression behind aₜ.
    public let regression: LeastSquares
    public let regressorNames: [String]
    public let yearsUsed: [Int]

    /// The prior covariance of the state x = (n, a, e, η₁…η₄), diagonal.
    public var stateCovariance: [[Double]] {
        let variances = [nationalGrowth.map { $0.standardDeviation * $0.standardDeviation } ?? 0,
                         expected.standardDeviation * expected.standardDeviation,
                         residualStandardDeviation * residualStandardDeviation]
            + [Double](repeating: quarterNoiseStandardDeviation * quarterNoiseStandardDeviation, count: 4)
        return variances.indices.map { i in variances.indices.map { $0 == i ? variances[i] : 0 } }
    }

    public var stateMean: [Double] { [nationalGrowth?.mean ?? 0, expected.mean, 0] + quarterNoise.means }
}

/// The deviation of quarter q's growth from its year's, η_{t,q} = b·η_{t−1,q} + ν_{t,q},
/// ν ~ N(0, σ²): year-on-year growth of a quarter is high when the same quarter of last year
/// was low (the base effect; b < 0), and a level shock spreads over the year's quarters.
///
/// b = −½ is derived, not estimated: if a quarter's level deviates from its trend by an
/// independent shock uₜ,q, its year-on-year growth deviates by ηₜ,q = uₜ,q − uₜ₋₁,q, so
/// Cov(ηₜ,q, ηₜ₋₁,q) = −Var(u) and Var(η) = 2·Var(u): the regression coefficient is −½.
public struct QuarterNoise: Sendable, Equatable {
    public static let levelDeviationBaseEffect = -0.5
    /// b.
    public let baseEffect: Double
    /// σ.
    public let standardDeviation: Double
    /// E[η_{t,q}] = b·η_{t−1,q} for the forecast year (0 where last year's quarter is not known),
    /// centred so that Σ_q W_q E[η_{t,q}] = 0.
    public let means: [Double]

    public init(baseEffect: Double, standardDeviation: Double, means: [Double]) {
        self.baseEffect = baseEffect
        self.standardDeviation = standardDeviation
        self.means = means
    }
}

/// Published growth of part of the year: quarter q alone, or the first 2 or 3 quarters
/// together (H1, 9M), as the weighted mean Σ h_q g_q of the quarters' growth.
public struct QuarterObservation: Sendable, Equatable {
    public let label: String
    /// h₁…h₄, summing to 1.
    public let weights: [Double]
    public let value: Double

    /// Quarter `index` (0-based) alone.
    public static func quarter(_ index: Int, _ value: Double) -> QuarterObservation {
        QuarterObservation(label: "Q\(index + 1)", weights: (0..<4).map { $0 == index ? 1 : 0 }, value: value)
    }

    /// The first `count` quarters together, weighted by the base-year quarterly weights.
    public static func cumulative(_ count: Int, _ value: Double, quarterlyWeights: [Double]) -> QuarterObservation {
        let total = quarterlyWeights.prefix(count).reduce(0, +)
        return QuarterObservation(label: count == 2 ? "H1" : "\(3 * count)M",
                                  weights: (0..<4).map { $0 < count ? quarterlyWeights[$0] / total : 0 }, value: value)
    }

    /// The row of H over the state (n, a, e, η₁…η₄): growth of the part is n + a + e + Σ h_q η_q.
    public var stateRow: [Double] { [1, 1, 1] + weights }
}
