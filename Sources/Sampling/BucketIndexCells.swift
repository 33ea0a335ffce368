import Foundation

/// The quantile sketch's bucket index ⌈fl(fl(ln m)·μ)⌉ read from a table of cells of the
/// magnitude's bit pattern, equal to `LogBucketIndex.exactIndex` for every m: a cache of the
/// mapping with a proven decision rule and a fallback, not a new mapping.
///
/// **Cells.** A cell is the set of doubles sharing the exponent and the top p bits of the
/// fraction: key c = bits(m) >> (52 − p), spanning [m_c, m_{c+1}) with m_c the double whose
/// bits are c << (52 − p). With s(m) = μ·ln m, a cell spans s(m_{c+1}) − s(m_c) ≤ μ·ln(1 + 2⁻ᵖ)
/// in s; p is the smallest for which this is below 1 − 8δ, δ = 4·10⁻⁹·μ (p = 10 at the engine's
/// α = 5·10⁻⁴, μ ≈ 1,000), so a cell holds at most one bucket boundary: one integer n in
/// [a − δ, b + δ], a = S(m_c), b = S(m_{c+1}), S(m) = fl(fl(ln m)·μ) computed with `log`.
///
/// **Entry.** Each cell stores a base index k and a boundary's bit pattern z:
/// - no integer in [a − δ, b + δ]: every m of the cell has s(m) in (n₀ − 1 + δ − ε, n₀ − δ + ε)
///   with n₀ = ⌈a⌉ and ε ≤ 2.1·10⁻¹³·μ the error of S (glibc's `log` within 1 ulp, as in
///   `LogBucketIndex`), so its index is n₀: k = n₀ − 1 and z lies below the cell by more than h;
/// - one integer n: the boundary m_b = e^{n/μ} (z = its bits, within 10⁻¹³ relative of the true
///   root of s(m) = n). An m of the cell whose bits differ from z by more than h (h = 8·10⁻⁹·2⁵³,
///   at least 4·10⁻⁹ relative to m_b even across a binade edge) has |s(m) − n| > 3.9·10⁻⁹·μ ≫ ε,
///   so S(m) lies on the same side of n as m of m_b, and within (n − 1, n + 1): index n below,
///   n + 1 above: k = n.
///
/// So index = k + [bits(m) − z > h] when |bits(m) − z| > h, and `LogBucketIndex.index` (which
/// equals `exactIndex`) within h of a boundary: about 3·10⁻⁵ of the values.
///
/// **Coverage.** The table spans a contiguous run of binades (all cells of each exponent),
/// widened after a block to the binades its values missed, up to `maximumBinades`; magnitudes
/// outside it (and in the top binade, whose last cell ends at +∞) take `LogBucketIndex.index`.
/// A multiplier too large for p ≤ 14 (α below about 3·10⁻⁵) builds no cells.
///
/// - Complexity: lookup O(1), one load pair and three comparisons (about 12 instructions
///   against about 33 for `LogBucketIndex.index`'s fast path); covering a binade O(2ᵖ) `log`
///   and `exp` calls, 16·2ᵖ bytes (16 KB at p = 10).
public struct BucketIndexCells: Sendable {
    /// μ = 1/ln γ of the sketches this table serves.
    public let multiplier: Double
    /// p, the fraction bits of a cell's key; 0 when the table is disabled.
    @usableFromInline let cellBits: Int
    /// 52 − p.
    @usableFromInline let keyShift: UInt64
    /// The key of the first cell held.
    @usableFromInline var firstKey: UInt64 = 0
    /// [k₀, z₀, k₁, z₁, …]: base index (as bits of an Int64) and boundary bits per cell.
    @usableFromInline var entries: [UInt64] = []
    /// The biased exponents covered, or nil when none is.
    @usableFromInline var binades: ClosedRange<Int>?

    /// h, the half-width in bits of the zone around a boundary that falls back to `log`.
    @inlinable static var zoneHalfWidth: UInt64 { 72_057_594 }  // ⌈8·10⁻⁹·2⁵³⌉
    /// The most binades held (at p = 10, 80 binades are 1.3 MB: the engine's outputs need
    /// far fewer).
    public static let maximumBinades = 80
    /// The largest biased exponent covered: the top binade's last cell ends at +∞.
    @usableFromInline static var largestCoveredExponent: Int { 0x7FD }

    /// An empty table for sketches whose index multiplier is `multiplier` (1/ln γ).
    public init(multiplier: Double) {
        self.multiplier = multiplier
        let delta = 4e-9 * multiplier
        let bits = (1...14).first { p in multiplier * log1p(exp2(-Double(p))) < 1 - 8 * delta }
        self.cellBits = bits ?? 0
        self.keyShift = UInt64(52 - (bits ?? 0))
    }

    /// A table that holds no cells and never widens: every lookup takes `LogBucketIndex.index`.
    public init(disabledForMultiplier multiplier: Double) {
        self.multiplier = multiplier
        self.cellBits = 0
        self.keyShift = 52
    }

    /// An empty table serving `sketch`.
    public init(for sketch: QuantileSketch) { self.init(multiplier: sketch.indexMultiplier) }

    /// Whether lookups can use cells at all.
    public var isEnabled: Bool { cellBits > 0 }
    /// The binades (biased exponents) covered, nil when none.
    public var coveredBinades: ClosedRange<Int>? { binades }
    /// Bytes held by the entries.
    public var byteCount: Int { entries.count * 8 }

    /// The index of magnitude m from the cells, or nil when m's cell is not held or m lies
    /// within h of a boundary (the caller then uses `LogBucketIndex.index`).
    @inlinable
    static func cellIndex(
        bits: UInt64, entries: UnsafeBufferPointer<UInt64>, firstKey: UInt64, keyShift: UInt64
    ) -> Int? {
        let cell = (bits >> keyShift) &- firstKey
        guard cell < UInt64(entries.count / 2) else { return nil }
        let slot = Int(truncatingIfNeeded: cell) &* 2
        let base = Int(truncatingIfNeeded: Int64(bitPattern: entries[slot]))
        let offset = bits &- entries[slot &+ 1]
        let h = zoneHalfWidth
        // |bits − z| ≤ h, i.e. offset + h ≤ 2h with wrapping.
        guard offset &+ h > 2 &* h else { return nil }
        return Int64(bitPattern: offset) > Int64(h) ? base &+ 1 : base
    }

    /// The index ⌈fl(fl(ln m)·μ)⌉ of a normal magnitude m, from the cells when they hold it.
    public func index(ofMagnitude magnitude: Double) -> Int {
        let tolerance = LogBucketIndex.tolerance(multiplier: multiplier)
        let fromCells = entries.withUnsafeBufferPointer { e in
            Self.cellIndex(bits: magnitude.bitPattern, entries: e, firstKey: firstKey, keyShift: keyShift)
        }
        return fromCells ?? LogBucketIndex.table.withUnsafeBufferPointer { table in
            LogBucketIndex.index(ofMagnitude: magnitude, multiplier: multiplier, tolerance: tolerance, table: table)
        }
    }

    /// Widens the table to cover the binades `low...high` (biased exponents) as well as those
    /// it holds, within `maximumBinades` and below the top binade; does nothing when that
    /// would exceed the limit or the table is disabled.
    /// - Complexity: O(2ᵖ) per new binade.
    public mutating func cover(binades wanted: ClosedRange<Int>) {
        guard isEnabled else { return }
        let low = max(1, min(wanted.lowerBound, binades?.lowerBound ?? wanted.lowerBound))
        let high = min(Self.largestCoveredExponent, max(wanted.upperBound, binades?.upperBound ?? wanted.upperBound))
        guard low <= high, high - low + 1 <= Self.maximumBinades, (low...high) != binades else { return }
        let cellsPerBinade = 1 << cellBits
        var widened = [UInt64](repeating: 0, count: 2 * cellsPerBinade * (high - low + 1))
        for exponent in low...high {
            let start = 2 * cellsPerBinade * (exponent - low)
            if let held = binades, held.contains(exponent) {
                let from = 2 * cellsPerBinade * (exponent - held.lowerBound)
                for j in 0..<(2 * cellsPerBinade) { widened[start + j] = entries[from + j] }
                continue
            }
            for j in 0..<cellsPerBinade {
                let key = (UInt64(exponent) << UInt64(cellBits)) | UInt64(j)
                let (base, boundary) = entry(key: key)
                widened[start + 2 * j] = UInt64(bitPattern: Int64(base))
                widened[start + 2 * j + 1] = boundary
            }
        }
        entries = widened
        firstKey = UInt64(low) << UInt64(cellBits)
        binades = low...high
    }

    /// (k, z) of cell `key` (see the type's comment).
    func entry(key: UInt64) -> (base: Int, boundary: UInt64) {
        let startBits = key << keyShift
        let lower = Double(bitPattern: startBits), upper = Double(bitPattern: (key + 1) << keyShift)
        let a = log(lower) * multiplier, b = log(upper) * multiplier
        let delta = 4e-9 * multiplier
        let n = (a - delta).rounded(.up)
        if n > b + delta {
            // No boundary: index ⌈a⌉ = n for the whole cell; z below the cell by more than h.
            return (Int(n) - 1, startBits - Self.zoneHalfWidth - 1)
        }
        return (Int(n), exp(n / multiplier).bitPattern)
    }
}
