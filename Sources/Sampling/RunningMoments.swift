/// Count, mean, variance, minimum and maximum of a stream of values in O(1) memory, and
/// mergeable, so that per-block summaries can be combined in a fixed order.
///
/// Insertion uses Welford's update (Welford 1962, Technometrics 4(3), 419–420):
///
///     n ← n + 1,  δ = x − mean,  mean ← mean + δ/n,  M₂ ← M₂ + δ·(x − mean)
///
/// and merging the parallel formula of Chan, Golub & LeVeque (1979, "Updating formulae and
/// a pairwise algorithm for computing sample variances"):
///
///     n = nₐ + n_b,  δ = mean_b − meanₐ,  mean = meanₐ + δ·n_b/n,
///     M₂ = M₂ₐ + M₂_b + δ²·nₐ·n_b/n
///
/// Both are numerically stable (no cancellation of large sums of squares). Merging is
/// deterministic but floating-point addition is not associative: the Monte Carlo engine
/// merges block summaries in block order so that results do not depend on thread count.
/// A NaN input propagates to mean and variance (visible rather than silently dropped).
/// For blocks of values, `insert(contentsOf:)` summarises the block in two passes and merges it.
///
/// - Complexity: O(1) time per insert and per merge, O(1) memory.
public struct RunningMoments: Sendable, Equatable {
    /// Number of values inserted.
    public private(set) var count: Int = 0
    /// Their arithmetic mean (0 when empty).
    public private(set) var mean: Double = 0
    /// M₂ = Σ (xᵢ − mean)².
    public private(set) var sumOfSquaredDeviations: Double = 0
    /// The smallest value (+∞ when empty).
    public private(set) var minimum: Double = .infinity
    /// The largest value (−∞ when empty).
    public private(set) var maximum: Double = -.infinity

    public init() {}

    /// A summary with the given fields (for `insert(contentsOf:)`, which must be inlinable,
    /// and for block summaries computed elsewhere, as the engine's four outputs at a time).
    @usableFromInline
    package init(count: Int, mean: Double, sumOfSquaredDeviations: Double, minimum: Double, maximum: Double) {
        self.count = count
        self.mean = mean
        self.sumOfSquaredDeviations = sumOfSquaredDeviations
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Adds one value (Welford). - Complexity: O(1).
    public mutating func insert(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        sumOfSquaredDeviations += delta * (x - mean)
        if x < minimum { minimum = x }
        if x > maximum { maximum = x }
    }

    /// Adds a block of values: the block is summarised by the corrected two-pass algorithm
    /// (mean = Σx/n, then M₂ = Σ(x − mean)² − (Σ(x − mean))²/n; Chan, Golub & LeVeque 1983,
    /// "Algorithms for computing the sample variance", eq. 1.7) and merged into `self`.
    /// As accurate as Welford's update and faster (no division per value), which suits the
    /// engine's fixed-size blocks. The result may differ in the last bits from inserting the
    /// values one by one.
    /// `@inlinable` so that it is specialised for the caller's buffer type (unspecialised
    /// generic iteration was measured slower than one-by-one insertion).
    /// - Complexity: O(values.count), two passes.
    @inlinable
    public mutating func insert<Values: Collection>(contentsOf values: Values) where Values.Element == Double {
        let n = values.count
        guard n > 0 else { return }
        var sum = 0.0
        var blockMinimum = Double.infinity, blockMaximum = -Double.infinity
        for x in values {
            sum += x
            if x < blockMinimum { blockMinimum = x }
            if x > blockMaximum { blockMaximum = x }
        }
        let blockMean = sum / Double(n)
        var squares = 0.0, deviations = 0.0
        for x in values {
            let deviation = x - blockMean
            squares += deviation * deviation
            deviations += deviation
        }
        // NaN never wins a comparison; keep it visible in the extremes as in the mean.
        let block = RunningMoments(
            count: n, mean: blockMean,
            sumOfSquaredDeviations: squares - deviations * deviations / Double(n),
            minimum: blockMean.isNaN ? .nan : blockMinimum,
            maximum: blockMean.isNaN ? .nan : blockMaximum)
        merge(block)
    }

    /// Combines `other` into `self` (Chan et al. 1979): afterwards `self` summarises both
    /// streams. - Complexity: O(1).
    public mutating func merge(_ other: RunningMoments) {
        guard other.count > 0 else { return }
        guard count > 0 else {
            self = other
            return
        }
        let total = count + other.count
        let delta = other.mean - mean
        let otherShare = Double(other.count) / Double(total)
        mean += delta * otherShare
        sumOfSquaredDeviations += other.sumOfSquaredDeviations + delta * delta * Double(count) * otherShare
        count = total
        minimum = Swift.min(minimum, other.minimum)
        maximum = Swift.max(maximum, other.maximum)
    }

    /// The unbiased sample variance M₂/(n − 1) (0 for fewer than 2 values).
    public var variance: Double { count > 1 ? sumOfSquaredDeviations / Double(count - 1) : 0 }
    /// The population variance M₂/n (0 when empty).
    public var populationVariance: Double { count > 0 ? sumOfSquaredDeviations / Double(count) : 0 }
    /// √variance.
    public var standardDeviation: Double { variance.squareRoot() }
    /// The standard error of the mean, √(variance/n) (0 when empty).
    public var standardErrorOfMean: Double { count > 0 ? (variance / Double(count)).squareRoot() : 0 }
}
