import Foundation

/// A fast inverse CDF for distributions whose exact quantile is costly (beta and PERT need
/// an incomplete-beta inversion, about 600 ns): x(y) = F⁻¹(Φ(y)) is tabulated at 4,097
/// equally spaced points y ∈ [−5, 5] (u from 2.9e-7 to 1 − 2.9e-7) and interpolated with a
/// monotone cubic (Fritsch & Carlson 1980, "Monotone piecewise cubic interpolation", SIAM J.
/// Numer. Anal. 17(2)), so u ↦ x is evaluated as Φ⁻¹(u) (AS241) plus a cubic: about 20 ns.
/// Outside that range (6 draws in 10 million) the exact quantile is used: there Φ(y) is too
/// close to 0 or 1 for a table in y to be accurate in double precision.
///
/// Working in y = Φ⁻¹(u) keeps the tails smooth (a bounded x(y) that flattens, instead of the
/// unbounded slope of F⁻¹ near 0 and 1). The table is accepted only if, at every midpoint, it
/// agrees with the exact quantile to `tolerance` × (upper − lower) (checked first by a CDF
/// bracket, `brackets(_:_:around:halfWidth:)`, and by the exact quantile where that does not
/// settle it; default 1e-7: for a lever
/// ranging over 15,000 billion VND, 0.0015 billion); otherwise it doubles the resolution, up
/// to 16,385 points, and `init` returns nil if that still fails — callers then use the exact
/// quantile. (The exact inversion itself is accurate to about 1e-12 in probability, which in
/// the far tails is 1e-9 to 1e-8 of the width, so a much smaller tolerance would only test
/// that noise.) Monotone interpolation keeps x non-decreasing in u.
/// - Complexity: O(points) exact quantiles and CDF evaluations to build; O(1) per evaluation.
public struct TabulatedQuantile: Sendable, Equatable {
    public static let lowestY = -5.0
    public static let highestY = 5.0

    @usableFromInline let values: [Double]
    @usableFromInline let slopes: [Double]
    @usableFromInline let step: Double
    @usableFromInline let lower: Double
    @usableFromInline let upper: Double
    @usableFromInline let distribution: Distribution
    /// An upper bound on |table − exact| at the midpoints, as a fraction of (upper − lower):
    /// the largest error where the exact quantile was computed, and `screenFraction` ×
    /// tolerance where the CDF bracket settled the midpoint without it.
    public let maximumRelativeError: Double

    /// The half-width of the CDF bracket, as a fraction of the tolerance.
    static let screenFraction = 0.25
    /// How far F must be from u on either side of the bracket: the exact inversion's own
    /// accuracy in probability (`IncompleteBeta.inverse`, 1e-12), so that the exact quantile
    /// is inside the bracket whenever the bracket holds.
    static let screenMargin = 1e-12

    /// Tabulates `distribution` (any distribution with a finite support); nil if the accuracy
    /// cannot be reached.
    public init?(_ distribution: Distribution, tolerance: Double = 1e-7) {
        let support = distribution.support
        guard support.lowerBound.isFinite, support.upperBound.isFinite, support.upperBound > support.lowerBound else { return nil }
        let width = support.upperBound - support.lowerBound
        var intervals = 4096
        while intervals <= 16384 {
            let step = (Self.highestY - Self.lowestY) / Double(intervals)
            let values = (0...intervals).map { i in distribution.quantile(StandardNormal.cdf(Self.lowestY + Double(i) * step)) }
            let slopes = Self.monotoneSlopes(values, step: step)
            var worst = 0.0
            for i in 0..<intervals {
                let y = Self.lowestY + (Double(i) + 0.5) * step
                let u = StandardNormal.cdf(y)
                let approximate = Self.hermite(values, slopes, step: step, index: i, t: 0.5)
                if Self.brackets(distribution, u, around: approximate, halfWidth: Self.screenFraction * tolerance * width) {
                    worst = max(worst, Self.screenFraction * tolerance)
                    continue
                }
                let exact = distribution.quantile(u)
                worst = max(worst, abs(approximate - exact) / width)
            }
            if worst <= tolerance {
                self.values = values
                self.slopes = slopes
                self.step = step
                self.lower = support.lowerBound
                self.upper = support.upperBound
                self.distribution = distribution
                self.maximumRelativeError = worst
                return
            }
            intervals *= 2
        }
        return nil
    }

    /// Whether the exact quantile of `u` lies within `halfWidth` of `x`, settled by the CDF
    /// alone: F(x − h) < u − m and F(x + h) > u + m (m = `screenMargin`) put F⁻¹(u), and the
    /// inversion's result, which is within m of u in probability, inside (x − h, x + h),
    /// since F is non-decreasing. Two CDF evaluations (one incomplete beta each for beta and
    /// PERT) instead of the inversion's 3–6 with their densities: the midpoint check of `init`
    /// then costs about half as much. When it fails, `init` computes the exact quantile, so
    /// the table's nodes, resolution and acceptance are the ones the exact check alone gives
    /// (up to midpoints within 1e-12 in probability of the tolerance, where either answer holds).
    /// - Complexity: two CDF evaluations.
    static func brackets(_ distribution: Distribution, _ u: Double, around x: Double, halfWidth h: Double) -> Bool {
        distribution.cdf(x - h) < u - screenMargin && distribution.cdf(x + h) > u + screenMargin
    }

    /// F⁻¹(u) for u in [0, 1] (the support's ends outside the table's range).
    @inlinable
    public func quantile(_ u: Double) -> Double {
        guard u > 0 else { return u == 0 ? lower : .nan }
        guard u < 1 else { return u == 1 ? upper : .nan }
        let y = StandardNormal.quantile(u)
        let position = (y - Self.lowestY) / step
        let last = values.count - 1
        if position < 0 || position >= Double(last) { return distribution.quantile(u) }
        let index = Int(position)
        return min(max(Self.hermite(values, slopes, step: step, index: index, t: position - Double(index)), lower), upper)
    }

    /// The table's node values and slopes and its grid, for callers that keep many tables in
    /// flat buffers (the Monte Carlo engine).
    public var nodeValues: [Double] { values }
    public var nodeSlopes: [Double] { slopes }
    public var gridStep: Double { step }
    public var bounds: ClosedRange<Double> { lower...upper }

    /// The table's interpolation on raw node buffers: x for a normal score y inside the
    /// table's range, nil outside it (then use the exact quantile). - Complexity: O(1).
    @inlinable
    package static func interpolate(
        normalScore y: Double, values: UnsafePointer<Double>, slopes: UnsafePointer<Double>, count: Int, step: Double,
        lower: Double, upper: Double
    ) -> Double? {
        let position = (y - lowestY) / step
        guard position >= 0, position < Double(count - 1) else { return nil }
        let i = Int(position)
        let t = position - Double(i)
        let t2 = t * t, t3 = t2 * t
        let h00 = 2 * t3 - 3 * t2 + 1, h10 = t3 - 2 * t2 + t, h01 = -2 * t3 + 3 * t2, h11 = t3 - t2
        let x = h00 * values[i] + h10 * step * slopes[i] + h01 * values[i + 1] + h11 * step * slopes[i + 1]
        return min(max(x, lower), upper)
    }

    @usableFromInline
    static func hermite(_ values: [Double], _ slopes: [Double], step: Double, index i: Int, t: Double) -> Double {
        let t2 = t * t, t3 = t2 * t
        let h00 = 2 * t3 - 3 * t2 + 1, h10 = t3 - 2 * t2 + t, h01 = -2 * t3 + 3 * t2, h11 = t3 - t2
        return h00 * values[i] + h10 * step * slopes[i] + h01 * values[i + 1] + h11 * step * slopes[i + 1]
    }

    /// Fritsch–Carlson slopes: harmonic-type means of the secant slopes, zero at extrema,
    /// limited so that the cubic stays monotone.
    static func monotoneSlopes(_ values: [Double], step: Double) -> [Double] {
        let n = values.count
        var secants = [Double](repeating: 0, count: n - 1)
        for i in 0..<(n - 1) { secants[i] = (values[i + 1] - values[i]) / step }
        var slopes = [Double](repeating: 0, count: n)
        slopes[0] = secants[0]
        slopes[n - 1] = secants[n - 2]
        for i in 1..<(n - 1) {
            slopes[i] = secants[i - 1] * secants[i] <= 0 ? 0 : (secants[i - 1] + secants[i]) / 2
        }
        for i in 0..<(n - 1) {
            if secants[i] == 0 {
                slopes[i] = 0
                slopes[i + 1] = 0
                continue
            }
            let a = slopes[i] / secants[i], b = slopes[i + 1] / secants[i]
            let norm = a * a + b * b
            if norm > 9 {
                let tau = 3 / norm.squareRoot()
                slopes[i] = tau * a * secants[i]
                slopes[i + 1] = tau * b * secants[i]
            }
        }
        return slopes
    }
}
