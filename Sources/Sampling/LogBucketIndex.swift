import Foundation

/// The quantile sketch's bucket index ⌈fl(fl(ln m) · μ)⌉ (μ = 1/ln γ, ln from the C library's
/// `log`), computed without `log` for all but a fraction of about 2·10⁻⁹·μ of the magnitudes
/// and always equal to it: the fast path is a proven bound plus a fallback, not a new mapping.
///
/// **Approximation.** m = 2^e · x with x ∈ [1, 2), both read from the bits; j = the top 7 bits
/// of x's fraction, so x ∈ [1 + j/128, 1 + (j + 1)/128), whose centre is c_j = 1 + (j + ½)/128;
/// r = x · (1/c_j) − 1, |r| ≤ 2⁻⁸; and
///
///     A = e · ln 2 + ln c_j + (r − r²/2 + r³/3)
///
/// (ln x = ln c_j + ln(1 + r), with the Taylor series of ln(1 + r): the table-driven scheme of
/// Tang 1990, "Table-driven implementation of the logarithm function in IEEE floating-point
/// arithmetic", ACM TOMS 16(4), 378–400, with a shorter series). The table holds 1/c_j and
/// ln c_j (`log`), 128 pairs, 2 KB shared by every sketch.
///
/// **Error bound.** For every normal m, |A − ln m| ≤ 5.9·10⁻¹¹:
/// - series truncation: |ln(1 + r) − (r − r²/2 + r³/3)| ≤ Σ_{k≥4} |r|ᵏ/k ≤ (|r|⁴/4)/(1 − |r|)
///   ≤ 5.85·10⁻¹¹ for |r| ≤ 2⁻⁸(1 + 2⁻⁴⁴);
/// - r: 1/c_j and x · (1/c_j) ∈ [1 − 2⁻⁸, 1 + 2⁻⁸] are each rounded once (≤ 2⁻⁵³ relative) and
///   the subtraction of 1 is exact (Sterbenz), so r is within 2.3·10⁻¹⁶ of x/c_j − 1, which
///   moves ln(1 + r) by ≤ 2.4·10⁻¹⁶; the series' roundings at magnitudes ≤ 2⁻⁸ add ≤ 10⁻¹⁸;
/// - ln c_j from `log` (≤ 1 ulp ≤ 1.2·10⁻¹⁶); ln 2 rounded to a double (≤ 2⁻⁵⁴) times
///   |e| ≤ 1022: ≤ 5.7·10⁻¹⁴; three roundings of sums and products of magnitude < 1024
///   (≤ 2⁻⁴⁴ = 5.7·10⁻¹⁴ each): ≤ 1.8·10⁻¹³.
///
/// The library's `log` is within 1 ulp of ln m (glibc's sysdeps/ieee754/dbl-64/e_log.c states
/// 0.519 ulp): ≤ 2⁻⁴³ = 1.2·10⁻¹³ at |ln m| < 1024. So |A − fl(ln m)| ≤ 6.0·10⁻¹¹.
///
/// **Decision.** T = fl(A·μ) and S = fl(fl(ln m)·μ) differ by at most
/// μ·6.0·10⁻¹¹ + 2 · 710μ · 2⁻⁵³ < μ·6.1·10⁻¹¹ (|ln m| ≤ 710 for normal m). Let n be an integer
/// nearest to T (|T − n| ≤ ½) and d = T − n, both exact (|T| ≤ 710μ < 2⁵¹). When |d| > τ with
/// τ = 10⁻⁹·μ (16 times the bound; μ ≥ 1/ln 3 for α ≤ ½), S lies on the same side of n as T and
/// within ½ + τ/16 of it, so ⌈S⌉ = n + 1 for d > 0 and n for d < 0. Otherwise — S may be within
/// τ of an integer, a fraction of about 2τ of the magnitudes — the index is computed with
/// `log`, as before. Subnormal m (which the sketch never passes: |x| < 10⁻¹² goes to its zero
/// bucket) take `log` too.
///
/// - Complexity: O(1), no call: about 47 instructions per value in the sketch's block loop
///   (callgrind), two loads from the shared table, against about 66 for `log` and the ceiling.
@usableFromInline
enum LogBucketIndex {
    /// Bits of x's fraction that select the table entry (128 entries).
    @inlinable static var tableBits: UInt64 { 7 }

    /// ln 2 rounded to the nearest double.
    @inlinable static var ln2: Double { 0.693_147_180_559_945_309_417_232_121_458 }

    /// [1/c_0, ln c_0, 1/c_1, ln c_1, …] with c_j = 1 + (j + ½)/128.
    @usableFromInline static let table: [Double] = (0..<128).flatMap { (j: Int) -> [Double] in
        let centre = 1 + (Double(j) + 0.5) / 128
        return [1 / centre, log(centre)]
    }

    /// τ = 10⁻⁹·μ: S = fl(fl(ln m)·μ) is within μ·6.1·10⁻¹¹ of the fast path's T (see above).
    @inlinable
    static func tolerance(multiplier: Double) -> Double { 1e-9 * multiplier }

    /// The reference index ⌈fl(fl(ln m)·μ)⌉ with `log`. ⌈t⌉ as truncation plus a correction:
    /// baseline x86-64 has no rounding instruction, and `rounded(.up)` became a libm call
    /// (measured slower).
    @inlinable
    static func exactIndex(ofMagnitude magnitude: Double, multiplier: Double) -> Int {
        // |ln m| ≤ 745 and μ ≤ 5·10⁵, so the index fits an Int with room to spare.
        let scaled = log(magnitude) * multiplier
        let truncated = Int(scaled)
        return Double(truncated) < scaled ? truncated &+ 1 : truncated
    }

    /// A ≈ ln m (|A − ln m| ≤ 5.9·10⁻¹¹) for a normal positive m; nil for a subnormal, zero,
    /// or non-finite m. `table` is `LogBucketIndex.table`'s storage.
    @inlinable
    static func approximateLog(_ magnitude: Double, table: UnsafeBufferPointer<Double>) -> Double? {
        let bits = magnitude.bitPattern
        let biasedExponent = Int(truncatingIfNeeded: bits >> 52)
        guard biasedExponent > 0, biasedExponent < 0x7FF else { return nil }
        let fraction = bits & 0x000F_FFFF_FFFF_FFFF
        let entry = Int(truncatingIfNeeded: fraction >> (52 - tableBits)) &* 2
        let x = Double(bitPattern: fraction | 0x3FF0_0000_0000_0000)
        let r = x * table[entry] - 1
        let series = r + r * r * (-0.5 + r * (1.0 / 3))
        return (Double(biasedExponent &- 1023) * ln2 + table[entry + 1]) + series
    }

    /// ⌈fl(fl(ln m)·μ)⌉ for a magnitude m > 0 when the approximation decides it (see the
    /// type's comment), else nil (m near a bucket boundary, or subnormal). `tolerance` is
    /// `tolerance(multiplier:)`; a smaller one breaks the guarantee.
    @inlinable
    static func fastIndex(
        ofMagnitude magnitude: Double, multiplier: Double, tolerance: Double, table: UnsafeBufferPointer<Double>
    ) -> Int? {
        guard let approximation = approximateLog(magnitude, table: table) else { return nil }
        let scaled = approximation * multiplier
        // Round to the nearest integer n by adding and subtracting 1.5·2⁵² (|T| < 2⁵¹; both
        // operations exact but the first's rounding); n is also in the sum's low bits.
        let shifted = scaled + roundingShift
        let distance = scaled - (shifted - roundingShift)
        guard abs(distance) > tolerance else { return nil }
        let nearest = Int(truncatingIfNeeded: shifted.bitPattern &- roundingShift.bitPattern)
        return distance > 0 ? nearest &+ 1 : nearest
    }

    /// 1.5·2⁵²: x + 1.5·2⁵² − 1.5·2⁵² is x rounded to an integer for |x| < 2⁵¹.
    @inlinable static var roundingShift: Double { 6_755_399_441_055_744 }

    /// ⌈fl(fl(ln m)·μ)⌉ for a magnitude m > 0, equal to `exactIndex`: `fastIndex`, else `log`.
    @inlinable
    static func index(
        ofMagnitude magnitude: Double, multiplier: Double, tolerance: Double, table: UnsafeBufferPointer<Double>
    ) -> Int {
        fastIndex(ofMagnitude: magnitude, multiplier: multiplier, tolerance: tolerance, table: table)
            ?? exactIndex(ofMagnitude: magnitude, multiplier: multiplier)
    }
}
