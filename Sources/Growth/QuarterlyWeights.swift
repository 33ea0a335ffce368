/// The base-year quarters' shares of annual real GRDP (or of one sector's value added):
/// w_q = Y₀,q / Y₀, q = 1...4, four positive numbers summing to 1.
///
/// Year-on-year quarterly growth g_q compares quarter q with the same quarter of the base
/// year, so the annual level ratio is an exact weighted mean:
///
///     Y₁ / Y₀ = Σ_q Y₁,q / Y₀ = Σ_q (Y₀,q / Y₀)(1 + g_q/100) = Σ_q w_q (1 + g_q/100)
///     ⇒ annual growth (%) = Σ_q w_q g_q                         (exact, given Σ w_q = 1)
///
/// No chain-linking enters because every quarter is measured against the same base year.
/// The published annual figure differs from Σ w_q g_q only by rounding and by revisions
/// between the quarterly and annual releases.
public struct QuarterlyWeights: Sendable, Equatable {
    /// w₁...w₄.
    public let weights: [Double]

    /// Tolerance on |Σ w_q − 1| when weights are given directly.
    public static let sumTolerance = 1e-9

    /// Equal weights, ¼ each (no seasonality).
    public static let equal = QuarterlyWeights(unchecked: [0.25, 0.25, 0.25, 0.25])

    /// - Throws: `invalidQuarterlyWeights` unless there are four finite positive weights
    ///   whose sum is within `sumTolerance` of 1.
    public init(_ weights: [Double]) throws(GrowthError) {
        guard weights.count == 4 else { throw .invalidQuarterlyWeights(weights: weights, reason: "there must be exactly four") }
        guard weights.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw .invalidQuarterlyWeights(weights: weights, reason: "every weight must be finite and > 0")
        }
        let sum = weights.reduce(0, +)
        guard abs(sum - 1) <= Self.sumTolerance else {
            throw .invalidQuarterlyWeights(weights: weights, reason: "they sum to \(sum), not 1")
        }
        self.weights = weights
    }

    /// Weights from base-year quarterly values in any unit: w_q = Y₀,q / Σ Y₀.
    /// - Throws: `invalidQuarterlyWeights` unless four finite positive values are given.
    public init(baseYearQuarterValues values: [Double]) throws(GrowthError) {
        guard values.count == 4, values.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw .invalidQuarterlyWeights(weights: values, reason: "base-year quarterly values must be four finite numbers > 0")
        }
        let total = values.reduce(0, +)
        try self.init(values.map { $0 / total })
    }

    /// The linear-in-quarter seasonal profile w_q = ¼ + b·(q − 2.5) (see `SeasonalProfileFit`).
    /// - Throws: `invalidQuarterlyWeights` when |b| ≥ 1/6 (a weight would be ≤ 0).
    public init(seasonalSlope b: Double) throws(GrowthError) {
        try self.init((1...4).map { 0.25 + b * (Double($0) - 2.5) })
    }

    private init(unchecked weights: [Double]) { self.weights = weights }

    /// Annual growth Σ_q w_q g_q from the four quarters' year-on-year growth, in %.
    /// - Throws: `lengthMismatch` unless four quarters are given; `nonFiniteArgument`.
    /// - Complexity: O(1).
    public func annualGrowth(quarterlyGrowthPercent growth: [Double]) throws(GrowthError) -> Double {
        try GRDPAccounts.requireFinite(growth, name: "quarterly growth", count: 4)
        var total = 0.0
        for q in 0..<4 { total += weights[q] * growth[q] }
        return total
    }

    /// Cumulative growth of the first k quarters (e.g. 9 months for k = 3), in %:
    /// Σ_{q≤k} w_q g_q / Σ_{q≤k} w_q (the same identity restricted to those quarters).
    /// - Throws: `lengthMismatch` unless 1 ≤ k ≤ 4 quarters are given; `nonFiniteArgument`.
    public func cumulativeGrowth(quarterlyGrowthPercent growth: [Double]) throws(GrowthError) -> Double {
        guard (1...4).contains(growth.count) else { throw .lengthMismatch(name: "quarters so far", expected: 4, actual: growth.count) }
        try GRDPAccounts.requireFinite(growth, name: "quarterly growth", count: growth.count)
        var weighted = 0.0, weightSum = 0.0
        for q in growth.indices {
            weighted += weights[q] * growth[q]
            weightSum += weights[q]
        }
        return weighted / weightSum
    }

    /// The uniform year-on-year growth the remaining quarters need for the year to reach
    /// `targetPercent`, given the actual quarters so far Q1...Qk:
    ///
    ///     r = (T − Σ_{q≤k} w_q g_q) / Σ_{q>k} w_q
    ///
    /// so that Σ_{q≤k} w_q g_q + Σ_{q>k} w_q r = T exactly (up to rounding in the last bits).
    /// Returns nil when all four quarters are known (k = 4: nothing remains to choose).
    /// - Throws: `lengthMismatch` for more than four quarters; `nonFiniteArgument`.
    /// - Complexity: O(1).
    public func requiredRemainingGrowth(targetPercent: Double, actualQuarterGrowthPercent actual: [Double]) throws(GrowthError) -> Double? {
        guard actual.count <= 4 else { throw .lengthMismatch(name: "quarters so far", expected: 4, actual: actual.count) }
        guard targetPercent.isFinite else { throw .nonFiniteArgument(name: "target", value: targetPercent) }
        try GRDPAccounts.requireFinite(actual, name: "quarterly growth", count: actual.count)
        guard actual.count < 4 else { return nil }
        var achieved = 0.0
        for q in actual.indices { achieved += weights[q] * actual[q] }
        var remainingWeight = 0.0
        for q in actual.count..<4 { remainingWeight += weights[q] }
        return (targetPercent - achieved) / remainingWeight
    }
}
