import Foundation

/// A DDSketch (Masson, Rim & Lee 2019, "DDSketch: a fast and fully-mergeable quantile sketch
/// with relative-error guarantees", PVLDB 12(12)): quantiles of a stream to within a
/// relative error α, in memory that depends on the range of the data, not on its size,
/// and exactly mergeable.
///
/// With γ = (1 + α)/(1 − α), a value x > 0 goes to bucket i = ⌈log_γ x⌉, which holds
/// (γ^{i−1}, γ^i]; negative values go to a second store by |x|, and |x| < 1e-12 to a zero
/// bucket. A bucket is reported by 2γ^i/(γ + 1), which is within relative error
/// (γ − 1)/(γ + 1) = α of every value in it. Bucket indices are monotone in x, so the value
/// of rank r in the sorted data lies in the bucket where the cumulative count first
/// exceeds r: the answer is within α of it.
///
/// **Quantile definition.** `quantile(q)` estimates the lower q-quantile: the element of
/// 0-based rank ⌊q·(n − 1)⌋ of the sorted data (the minimum for q = 0, the maximum for
/// q = 1, which are kept exactly). The estimate is clamped to [min, max], which can only
/// bring it closer.
///
/// **Index computation.** i = ⌈ln x · (1/ln γ)⌉ with glibc's `log` (error < 1 ulp) and a
/// precomputed 1/ln γ: a rounding can move a value lying within ~1e-12 relative of a
/// bucket boundary to the neighbouring bucket, which changes the bound from α to
/// α + 1e-12 — far below what a sketch at α = 1e-4 reports. (The paper's cheaper
/// interpolated mappings trade memory for speed and move the bucket boundaries.)
/// `LogBucketIndex` computes this very index without `log` for all but ~2·10⁻⁹/ln γ of the
/// values, from a table and a proven error bound, and with `log` for the rest; the block
/// inserts given `BucketIndexCells` read the same index from a table of cells of the value's
/// bits (a base index and a boundary per cell), about 12 instructions instead of 33.
///
/// **Memory.** Each store spans the occupied indices: about ln(max|x|/min|x|)/ln γ buckets
/// of 8 bytes (for α = 1e-4, ≈ 5,000 buckets per factor e of range; values from 1e-6 to
/// 10 take ≈ 80,000 buckets, 0.65 MB). Values with |x| < 1e-12 cost nothing (zero bucket,
/// reported as 0). NaN and ±∞ are not sketched; they are counted in `nonFiniteCount`.
///
/// - Complexity: insert O(1) amortised (one table-driven logarithm, rarely `log`, and one
///   array increment); merge and quantile O(buckets).
public struct QuantileSketch: Sendable, Equatable {
    /// α: every quantile is within relative error α of the exact one.
    public let relativeAccuracy: Double
    /// γ = (1 + α)/(1 − α), the ratio between consecutive bucket bounds.
    public let gamma: Double
    /// |x| below this goes to the zero bucket (and is reported as 0).
    @inlinable public static var zeroThreshold: Double { 1e-12 }

    /// 1/ln γ.
    @usableFromInline let indexMultiplier: Double
    /// ln γ.
    @usableFromInline let logGamma: Double
    /// `LogBucketIndex.tolerance(multiplier: indexMultiplier)`.
    @usableFromInline let indexTolerance: Double
    @usableFromInline var positive = DenseBucketStore()
    @usableFromInline var negative = DenseBucketStore()
    @usableFromInline var zeros: Int = 0
    @usableFromInline var finiteCount: Int = 0
    @usableFromInline var nonFinite: Int = 0
    @usableFromInline var smallest: Double = .infinity
    @usableFromInline var largest: Double = -.infinity

    /// Buckets of the positive values.
    public var positiveStore: DenseBucketStore { positive }
    /// Buckets of |x| for the negative values.
    public var negativeStore: DenseBucketStore { negative }
    /// Values with |x| < 1e-12.
    public var zeroCount: Int { zeros }
    /// Finite values sketched (n).
    public var count: Int { finiteCount }
    /// NaN or infinite values seen and left out.
    public var nonFiniteCount: Int { nonFinite }
    /// The exact smallest finite value (+∞ when empty).
    public var minimum: Double { smallest }
    /// The exact largest finite value (−∞ when empty).
    public var maximum: Double { largest }

    /// - Parameter relativeAccuracy: α in [1e-6, 0.5]; default 1e-4 (0.01 %). The lower
    ///   limit keeps stores of realistic data within memory (α = 1e-6 needs 500,000 buckets,
    ///   4 MB, per factor e of range).
    /// - Throws: `parameterOutOfRange` when α is outside [1e-6, 0.5].
    public init(relativeAccuracy: Double = 1e-4) throws(SamplingError) {
        guard relativeAccuracy >= 1e-6, relativeAccuracy <= 0.5 else {
            throw .parameterOutOfRange(name: "relative accuracy", value: relativeAccuracy, interval: "[1e-6, 0.5]")
        }
        self.relativeAccuracy = relativeAccuracy
        self.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy)
        // ln γ = ln(1 + α) − ln(1 − α) = 2 artanh α, without the cancellation of log(γ) for small α.
        self.logGamma = 2 * atanh(relativeAccuracy)
        self.indexMultiplier = 1 / logGamma
        self.indexTolerance = LogBucketIndex.tolerance(multiplier: indexMultiplier)
    }

    /// Adds one value. `@inlinable`, as the hot path of the Monte Carlo fold: inlined into
    /// the caller's loop it measured 15.5 ns per value against 19.8 ns through a call
    /// (of which `log` is 5.3 ns; release build, this machine).
    /// - Complexity: O(1) amortised; allocates only when the occupied index range widens.
    @inlinable
    public mutating func insert(_ x: Double) {
        let magnitude = abs(x)
        if magnitude >= Self.zeroThreshold && magnitude <= .greatestFiniteMagnitude {
            let index = bucketIndex(ofMagnitude: magnitude)
            if x > 0 {
                positive.add(index)
            } else {
                negative.add(index)
            }
        } else if magnitude < Self.zeroThreshold {
            zeros &+= 1
        } else {
            nonFinite &+= 1
            return
        }
        finiteCount &+= 1
        if x < smallest { smallest = x }
        if x > largest { largest = x }
    }

    /// Adds every value of `values`. - Complexity: O(values.count).
    @inlinable
    public mutating func insert<Values: Sequence>(contentsOf values: Values) where Values.Element == Double {
        for x in values { insert(x) }
    }

    /// The bucket index ⌈ln m · (1/ln γ)⌉ of a magnitude m ≥ `zeroThreshold` (finite), as
    /// `LogBucketIndex.exactIndex` computes it (through its fast path).
    @inlinable
    func bucketIndex(ofMagnitude magnitude: Double) -> Int {
        LogBucketIndex.table.withUnsafeBufferPointer { table in
            LogBucketIndex.index(ofMagnitude: magnitude, multiplier: indexMultiplier, tolerance: indexTolerance, table: table)
        }
    }

    /// Adds a block of values: the same sketch as inserting them one by one (the same
    /// buckets, counts, zero and non-finite counts and extremes), in one pass. Each value's
    /// bucket is counted in place when it lies in the store's current window, which holds
    /// nearly every value once the first blocks have widened it; the few outside it are kept
    /// aside, each store is widened once to cover them, and they are counted after the pass.
    /// A zero (|x| < 1e-12) or NaN/±∞ is counted as `insert(_:)` counts it. Windows may be
    /// allocated differently from one-by-one inserts; the occupied buckets (all that equality,
    /// quantiles and the serialized state read) are the same.
    /// - Complexity: O(values.count), one pass; allocates only when a store widens.
    @inlinable
    package mutating func insert(block values: UnsafeBufferPointer<Double>) {
        var cells = BucketIndexCells(disabledForMultiplier: indexMultiplier)
        insert(block: values, tracksExtremes: true, cells: &cells)
    }

    /// `insert(block:)` reading bucket indices from `cells` (widened after the block to the
    /// binades it missed): the same sketch, bit for bit, as without them.
    @inlinable
    package mutating func insert(block values: UnsafeBufferPointer<Double>, cells: inout BucketIndexCells) {
        insert(block: values, tracksExtremes: true, cells: &cells)
    }

    /// `insert(block:)` for a block whose values are all finite and whose extremes the caller
    /// already has: `minimum` and `maximum` as a scan `if x < minimum { minimum = x }` (and
    /// `>` for the maximum) over the block in order finds them, as `RunningMoments` does.
    /// The same sketch as `insert(block:)`, without its per-value comparisons.
    @inlinable
    package mutating func insert(finiteBlock values: UnsafeBufferPointer<Double>, minimum: Double, maximum: Double) {
        var cells = BucketIndexCells(disabledForMultiplier: indexMultiplier)
        insert(finiteBlock: values, minimum: minimum, maximum: maximum, cells: &cells)
    }

    /// `insert(finiteBlock:minimum:maximum:)` reading bucket indices from `cells` (see
    /// `insert(block:cells:)`).
    @inlinable
    package mutating func insert(
        finiteBlock values: UnsafeBufferPointer<Double>, minimum: Double, maximum: Double, cells: inout BucketIndexCells
    ) {
        guard !values.isEmpty else { return }
        insert(block: values, tracksExtremes: false, cells: &cells)
        // What the in-order comparisons of one-by-one inserts keep (ties included).
        if minimum < smallest { smallest = minimum }
        if maximum > largest { largest = maximum }
    }

    /// The one pass of `insert(block:)`; with `tracksExtremes` false it leaves `smallest` and
    /// `largest` to the caller. Indices come from `cells` when it serves this sketch's
    /// multiplier and holds the value's cell, else from `LogBucketIndex.index`; the binades
    /// missed are covered after the pass.
    @inlinable @inline(__always)
    mutating func insert(block values: UnsafeBufferPointer<Double>, tracksExtremes: Bool, cells: inout BucketIndexCells) {
        guard !values.isEmpty else { return }
        let multiplier = indexMultiplier, tolerance = indexTolerance
        let servesSketch = cells.multiplier == multiplier
        let firstKey = cells.firstKey, keyShift = cells.keyShift
        var missedLow = Int.max, missedHigh = Int.min
        let positiveOffset = positive.offset, negativeOffset = negative.offset
        var low = smallest, high = largest
        var positiveCount = 0, negativeCount = 0, zeroCount = 0, nonFiniteCount = 0
        // Values whose bucket is outside the current window, counted after the pass, so no
        // count is ever written out of bounds.
        var outside: [Double] = []
        let heldEntries = servesSketch ? cells.entries : []
        heldEntries.withUnsafeBufferPointer { entries in
        LogBucketIndex.table.withUnsafeBufferPointer { table in
            positive.counts.withUnsafeMutableBufferPointer { positiveCounts in
                negative.counts.withUnsafeMutableBufferPointer { negativeCounts in
                    for x in values {
                        let magnitude = abs(x)
                        guard magnitude >= Self.zeroThreshold && magnitude <= .greatestFiniteMagnitude else {
                            if magnitude < Self.zeroThreshold {
                                zeroCount &+= 1
                                if tracksExtremes {
                                    if x < low { low = x }
                                    if x > high { high = x }
                                }
                            } else {
                                nonFiniteCount &+= 1
                            }
                            continue
                        }
                        if tracksExtremes {
                            if x < low { low = x }
                            if x > high { high = x }
                        }
                        let bits = magnitude.bitPattern
                        let index: Int
                        if let fromCells = BucketIndexCells.cellIndex(bits: bits, entries: entries, firstKey: firstKey, keyShift: keyShift) {
                            index = fromCells
                        } else {
                            index = LogBucketIndex.index(ofMagnitude: magnitude, multiplier: multiplier, tolerance: tolerance, table: table)
                            let exponent = Int(truncatingIfNeeded: bits >> 52)
                            missedLow = Swift.min(missedLow, exponent)
                            missedHigh = Swift.max(missedHigh, exponent)
                        }
                        if x > 0 {
                            let slot = index &- positiveOffset
                            if UInt(bitPattern: slot) < UInt(positiveCounts.count) {
                                positiveCounts[slot] &+= 1
                                positiveCount &+= 1
                            } else {
                                outside.append(x)
                            }
                        } else {
                            let slot = index &- negativeOffset
                            if UInt(bitPattern: slot) < UInt(negativeCounts.count) {
                                negativeCounts[slot] &+= 1
                                negativeCount &+= 1
                            } else {
                                outside.append(x)
                            }
                        }
                    }
                }
            }
        }
        }
        positive.storedTotalCount &+= positiveCount
        negative.storedTotalCount &+= negativeCount
        zeros &+= zeroCount
        nonFinite &+= nonFiniteCount
        finiteCount &+= positiveCount &+ negativeCount &+ zeroCount
        if tracksExtremes {
            smallest = low
            largest = high
        }
        if !outside.isEmpty { insert(outside: outside) }
        // Zone fallbacks inside held binades also land here; covering held binades is a no-op.
        if servesSketch && missedLow <= missedHigh { cells.cover(binades: missedLow...missedHigh) }
    }

    /// Counts finite non-zero values that fell outside the windows in `insert(block:)`:
    /// widens each store once to their extreme buckets, then counts them (their extremes are
    /// already taken into account). - Complexity: O(values.count).
    @usableFromInline
    mutating func insert(outside values: [Double]) {
        var positiveRange: (low: Int, high: Int)? = nil, negativeRange: (low: Int, high: Int)? = nil
        for x in values {
            let index = bucketIndex(ofMagnitude: abs(x))
            if x > 0 {
                positiveRange = positiveRange.map { (Swift.min($0.low, index), Swift.max($0.high, index)) } ?? (index, index)
            } else {
                negativeRange = negativeRange.map { (Swift.min($0.low, index), Swift.max($0.high, index)) } ?? (index, index)
            }
        }
        if let range = positiveRange {
            positive.extend(toInclude: range.low)
            positive.extend(toInclude: range.high)
        }
        if let range = negativeRange {
            negative.extend(toInclude: range.low)
            negative.extend(toInclude: range.high)
        }
        for x in values {
            let index = bucketIndex(ofMagnitude: abs(x))
            if x > 0 { positive.add(index) } else { negative.add(index) }
        }
        finiteCount &+= values.count
    }

    /// Adds `other` into `self`; the result is the sketch of the concatenated streams,
    /// bucket for bucket. - Throws: `incompatibleMerge` when the relative accuracies differ.
    /// - Complexity: O(other's buckets).
    public mutating func merge(_ other: QuantileSketch) throws(SamplingError) {
        guard other.relativeAccuracy == relativeAccuracy else {
            throw .incompatibleMerge(name: "relative accuracy", value: relativeAccuracy, otherValue: other.relativeAccuracy)
        }
        positive.merge(other.positive)
        negative.merge(other.negative)
        zeros += other.zeros
        finiteCount += other.finiteCount
        nonFinite += other.nonFinite
        smallest = Swift.min(smallest, other.smallest)
        largest = Swift.max(largest, other.largest)
    }

    /// The representative of positive bucket `index`: 2γ^index/(γ + 1).
    public func bucketValue(_ index: Int) -> Double {
        exp(Double(index) * logGamma) * (2 / (gamma + 1))
    }

    /// The estimated lower q-quantile (rank ⌊q·(n − 1)⌋ of the sorted values), within
    /// relative error α of the exact one (values |x| < 1e-12 are reported as 0).
    /// - Returns: nil when the sketch is empty or q is not in [0, 1].
    /// - Complexity: O(buckets).
    public func quantile(_ q: Double) -> Double? {
        guard count > 0, q >= 0, q <= 1 else { return nil }
        let rank = Int((q * Double(count - 1)).rounded(.down))
        if rank <= 0 { return minimum }
        if rank >= count - 1 { return maximum }
        var remaining = rank
        if let index = negative.bucket(containingRank: &remaining, descending: true) {
            return clamp(-bucketValue(index))
        }
        if zeros > remaining { return clamp(0) }
        remaining -= zeros
        if let index = positive.bucket(containingRank: &remaining, descending: false) {
            return clamp(bucketValue(index))
        }
        return largest
    }

    /// Several quantiles at once (one call each; kept for readability at call sites).
    public func quantiles(_ qs: [Double]) -> [Double?] { qs.map(quantile) }

    private func clamp(_ value: Double) -> Double { Swift.min(Swift.max(value, minimum), maximum) }
}
