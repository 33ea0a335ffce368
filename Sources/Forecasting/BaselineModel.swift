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
    /// η's standard deviation (per quarter).
    public let quarterNoiseStandardDeviation: Double
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

    public var stateMean: [Double] { [nationalGrowth?.mean ?? 0, expected.mean, 0, 0, 0, 0, 0] }
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
