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

/// The deviation of quarter q's year-on-year growth from its year's, η_{t,q} = s_q + ν_{t,q},
/// ν ~ N(0, σ²): Hanoi's growth has a within-year profile (Q1 below the year, Q3–Q4 above it
/// in most years, e.g. 2024: 5.41, 6.80, 6.71, 7.01 for 6.52), which the profile s_q carries.
/// A base-effect model (ηₜ,q = b·ηₜ₋₁,q, b = −½ for independent level shocks) scored worse at
/// the Q1 origins of the back-test and predicts the wrong sign for 2025 (a strong Q1 after the
/// weak Q1 of 2024; it was weak again).
public struct QuarterNoise: Sendable, Equatable {
    /// σ.
    public let standardDeviation: Double
    /// E[η_{t,q}] = s_q, centred so that Σ_q W_q s_q = 0 (the profile shapes the year, it does not move it).
    public let means: [Double]
    /// Years the profile and σ are estimated from.
    public let years: Int

    public init(standardDeviation: Double, means: [Double], years: Int) {
        self.standardDeviation = standardDeviation
        self.means = means
        self.years = years
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
