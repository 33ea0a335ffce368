import Testing
import Sampling

/// Φ⁻¹(p) for the exact double p, computed with mpmath 1.3.0 at 60 digits
/// (findroot of mpmath.ncdf(x) − p) and rounded to double. (scipy 1.17.1 `norm.ppf` agrees
/// to 1–3 ulps, e.g. 1.959963984540054 for 0.975, one ulp above.)
let normalQuantileReferences: [(p: Double, quantile: Double)] = [
    (0.975, 1.9599639845400538),
    (0.3, -0.5244005127080408),
    (0.075, -1.439531470938456),          // central region edge, |p − ½| = 0.425
    (0.925, 1.4395314709384561),
    (0.05, -1.6448536269514726),          // intermediate region, r ≤ 5
    (0.001, -3.0902323061678136),
    (1e-10, -6.361340902404057),          // r = 4.8
    (1e-20, -9.262340089798407),          // tail region, r > 5
    (1e-100, -21.273453560965326),
    (1e-300, -37.0470962993612),
    (Double.leastNonzeroMagnitude, -38.467405617144344),  // 5e-324, smallest subnormal
    (0.999, 3.090232306167813),
    (0.9999999999, 6.361340889697422),
    (0.9999999999999999, 8.209536151601387),
]

@Suite("StandardNormal")
struct StandardNormalTests {
    @Test("AS241 quantile matches 60-digit references within 4e-16 relative",
          arguments: normalQuantileReferences.map { [$0.p, $0.quantile] })
    func quantileMatchesReference(_ pair: [Double]) {
        // Tolerance 4e-16 relative (≈ 2 ulps): AS241 PPND16 is accurate to about 1e-16;
        // reference mpmath at 60 digits.
        #expect(relativeError(StandardNormal.quantile(pair[0]), pair[1]) <= 4e-16)
    }

    @Test("quantile(½) = 0 and the brief's two values")
    func namedValues() {
        // Exact at ½ (q = 0). Φ⁻¹(0.975) ≈ 1.959963984540054 and Φ⁻¹(1e-10) ≈ −6.361340902404056
        // (scipy 1.17.1), within 4e-16 relative (mpmath gives values 1 ulp away).
        #expect(StandardNormal.quantile(0.5) == 0)
        #expect(relativeError(StandardNormal.quantile(0.975), 1.959963984540054) <= 4e-16)
        #expect(relativeError(StandardNormal.quantile(1e-10), -6.361340902404056) <= 4e-16)
    }

    @Test("end points and invalid probabilities")
    func edges() {
        // Exact by definition: Φ⁻¹(0) = −∞, Φ⁻¹(1) = +∞, NaN outside [0, 1].
        #expect(StandardNormal.quantile(0) == -.infinity)
        #expect(StandardNormal.quantile(1) == .infinity)
        #expect(StandardNormal.quantile(-0.1).isNaN)
        #expect(StandardNormal.quantile(1.5).isNaN)
        #expect(StandardNormal.quantile(.nan).isNaN)
    }

    @Test("cdf matches 60-digit references within 1e-14 relative",
          arguments: [[-1.959963984540054, 0.025000000000000012], [0, 0.5], [1, 0.8413447460685429],
                      [-8, 6.220960574271784e-16], [-37.5, 4.605353009581955e-308], [3, 0.9986501019683699]])
    func cdfMatchesReference(_ pair: [Double]) {
        // Reference mpmath 1.3.0 ncdf at 60 digits. Tolerance 1e-14 relative: glibc erfc is
        // accurate to a few ulps, and the rounding of x/√2 (relative 1e-16) moves Φ by a
        // relative x²·1e-16 in the lower tail — 1.4e-13 at x = −37.5, hence 5e-13 there.
        let tolerance = abs(pair[0]) > 10 ? 5e-13 : 1e-14
        #expect(relativeError(StandardNormal.cdf(pair[0]), pair[1]) <= tolerance)
    }

    @Test("round trip cdf(quantile(p)) = p", arguments: [1e-300, 1e-100, 1e-20, 1e-10, 1e-4, 0.01, 0.2, 0.5, 0.7, 0.99, 0.999999])
    func roundTrip(_ p: Double) {
        // Tolerance 1e-12 relative: a relative error ε in x = Φ⁻¹(p) moves Φ by
        // x·φ(x)/Φ(x)·ε ≈ x²ε in the tail (37² · 4e-16 ≈ 5e-13 at p = 1e-300).
        #expect(relativeError(StandardNormal.cdf(StandardNormal.quantile(p)), p) <= 1e-12)
    }

    @Test("density at 0 and 1")
    func density() {
        // Closed form: φ(0) = 1/√(2π) = 0.3989422804014327, φ(1) = e^{−½}/√(2π) = 0.24197072451914337;
        // 1e-15 relative.
        #expect(relativeError(StandardNormal.density(0), 0.3989422804014327) <= 1e-15)
        #expect(relativeError(StandardNormal.density(1), 0.24197072451914337) <= 1e-15)
    }
}
