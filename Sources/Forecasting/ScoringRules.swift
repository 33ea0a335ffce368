import Sampling

/// Proper scoring rules for a probabilistic forecast F of an outcome y (lower is better
/// for CRPS, log score and Brier; Gneiting & Raftery 2007).
public enum ScoringRules {
    /// CRPS of N(μ, σ²): σ·[z(2Φ(z) − 1) + 2φ(z) − 1/√π], z = (y − μ)/σ
    /// (Gneiting, Raftery, Westveld & Goldman 2005, eq. 5). O(1).
    public static func crps(mean: Double, standardDeviation sigma: Double, outcome y: Double) -> Double {
        let z = (y - mean) / sigma
        return sigma * (z * (2 * StandardNormal.cdf(z) - 1) + 2 * StandardNormal.density(z) - 1 / Double.pi.squareRoot())
    }

    /// CRPS of the empirical distribution of `samples`: E|X − y| − ½E|X − X′|, with the second
    /// term from the sorted sample, Σᵢ (2i − n − 1)·x₍ᵢ₎ / n² (Hersbach 2000). O(n log n).
    public static func crps(samples: [Double], outcome y: Double) -> Double {
        let sorted = samples.sorted()
        let n = Double(sorted.count)
        var absolute = 0.0, spread = 0.0
        for (i, x) in sorted.enumerated() {
            absolute += abs(x - y)
            spread += (2 * Double(i + 1) - n - 1) * x
        }
        return absolute / n - spread / (n * n)
    }

    /// Logarithmic score: −log f(y) for N(μ, σ²) (the negative log predictive density).
    public static func logScore(mean: Double, standardDeviation sigma: Double, outcome y: Double) -> Double {
        let z = (y - mean) / sigma
        return 0.5 * z * z + log(sigma) + 0.5 * log(2 * Double.pi)
    }

    /// Probability integral transform F(y) of N(μ, σ²).
    public static func pit(mean: Double, standardDeviation sigma: Double, outcome y: Double) -> Double {
        StandardNormal.cdf((y - mean) / sigma)
    }

    /// Brier score (p − 1{event})².
    public static func brier(probability p: Double, occurred: Bool) -> Double {
        let o: Double = occurred ? 1 : 0
        return (p - o) * (p - o)
    }

    /// Whether y lies in the central `level` band of N(μ, σ²).
    public static func covers(mean: Double, standardDeviation sigma: Double, outcome y: Double, level: Double) -> Bool {
        let half = StandardNormal.quantile(0.5 + level / 2)
        return abs(y - mean) <= half * sigma
    }

    /// The central `level` range of Binomial(n, p): the counts [a, b] with P(X < a) ≤ (1 − level)/2
    /// and P(X > b) ≤ (1 − level)/2. Used to judge an interval's coverage count. O(n).
    public static func binomialRange(trials n: Int, probability p: Double, level: Double) -> ClosedRange<Int> {
        var pmf = [Double](repeating: 0, count: n + 1)
        var logChoose = 0.0
        for k in 0...n {
            if k > 0 { logChoose += log(Double(n - k + 1)) - log(Double(k)) }
            pmf[k] = exp(logChoose + Double(k) * log(p) + Double(n - k) * log1p(-p))
        }
        let tail = (1 - level) / 2
        var low = 0, cumulative = 0.0
        while low < n, cumulative + pmf[low] <= tail { cumulative += pmf[low]; low += 1 }
        var high = n, upper = 0.0
        while high > 0, upper + pmf[high] <= tail { upper += pmf[high]; high -= 1 }
        return low...max(low, high)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
