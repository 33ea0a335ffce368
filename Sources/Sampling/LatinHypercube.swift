/// Latin hypercube sampling (McKay, Beckman & Conover 1979) in O(1) memory per draw, as a
/// pure function of (seed, dimension, draw).
///
/// For N draws each dimension's range (0, 1) is cut into N equal strata and every stratum
/// is used by exactly one draw. Instead of storing N shuffled indices per dimension, the
/// stratum of draw i in dimension d is π_d(i) for a keyed pseudo-random permutation π_d of
/// [0, N) (`KeyedPermutation`, keyed by (seed, d)), and the point inside it is
///
///     u(i, d) = (π_d(i) + v(i, d)) / N
///
/// with v(i, d) a Philox4x32-10 uniform in (0, 1) (counter (i, d), key SplitMix64(seed ⊕
/// "LATINHYP")). So 10⁷ draws need no more memory than 10 (a few words per dimension),
/// and any block of draws can be produced on any thread. The draw's u is passed to a
/// distribution's `quantile` (or through Φ⁻¹ to a Gaussian copula; the copula's mixing
/// of dimensions then keeps the marginals' distribution but not the exact one-per-stratum
/// property of the correlated dimensions).
///
/// - Complexity: expected O(1) time per (draw, dimension): one permutation evaluation
///   (< 2 Feistel passes on average) and one Philox block; O(dimensions) memory.
///
/// ```swift
/// let design = try LatinHypercube(seed: 7, drawCount: 10_000, dimensions: 12)
/// let u = try design.uniform(draw: 42, dimension: 3)
/// ```
public struct LatinHypercube: Sendable, Equatable {
    /// The seed every permutation and jitter is derived from.
    public let seed: UInt64
    /// N, the number of draws (and of strata per dimension).
    public let drawCount: Int
    /// The number of dimensions (uncertain parameters).
    public let dimensions: Int
    /// One permutation per dimension (a few words each).
    private let permutations: [KeyedPermutation]
    private let jitterKey: UInt64

    /// - Throws: `nonPositiveCount` when `drawCount` or `dimensions` is below 1.
    /// - Complexity: O(dimensions) time and memory.
    public init(seed: UInt64, drawCount: Int, dimensions: Int) throws(SamplingError) {
        guard drawCount >= 1 else { throw .nonPositiveCount(name: "draw count", value: drawCount) }
        guard dimensions >= 1 else { throw .nonPositiveCount(name: "dimensions", value: dimensions) }
        self.seed = seed
        self.drawCount = drawCount
        self.dimensions = dimensions
        var permutations = [KeyedPermutation]()
        permutations.reserveCapacity(dimensions)
        for dimension in 0..<dimensions {
            permutations.append(try KeyedPermutation(count: drawCount, seed: seed, tweak: UInt64(dimension)))
        }
        self.permutations = permutations
        self.jitterKey = KeyedPermutation.mix(seed ^ 0x4C41_5449_4E48_5950)  // "LATINHYP"
    }

    /// π_d(draw): the stratum (0-based, of `drawCount`) that `draw` occupies in `dimension`.
    /// - Throws: `indexOutOfRange` for a draw outside 0..<drawCount or a dimension outside
    ///   0..<dimensions.
    /// - Complexity: expected O(1).
    public func stratum(draw: Int, dimension: Int) throws(SamplingError) -> Int {
        try check(draw: draw, dimension: dimension)
        return permutations[dimension].image(of: draw)
    }

    /// u(draw, dimension) in (0, 1), inside stratum π_d(draw):
    /// π_d(draw)/N < u < (π_d(draw) + 1)/N up to one rounding (and always u < 1).
    /// - Throws: `indexOutOfRange`.
    /// - Complexity: expected O(1): one permutation evaluation and one Philox block.
    public func uniform(draw: Int, dimension: Int) throws(SamplingError) -> Double {
        try check(draw: draw, dimension: dimension)
        return point(draw: draw, dimension: dimension)
    }

    /// Writes u(firstDraw + j, dimension) into `buffer[j]` for every j.
    /// - Throws: `indexOutOfRange` when the range of draws leaves 0..<drawCount or the
    ///   dimension is out of range.
    /// - Complexity: O(buffer.count), no allocation.
    package func fill(_ buffer: UnsafeMutableBufferPointer<Double>, dimension: Int, firstDraw: Int) throws(SamplingError) {
        guard buffer.count > 0 else { return }
        try check(draw: firstDraw, dimension: dimension)
        guard buffer.count <= drawCount - firstDraw else {
            let lastDraw = firstDraw.addingReportingOverflow(buffer.count - 1)
            throw .indexOutOfRange(name: "draw", value: lastDraw.overflow ? .max : lastDraw.partialValue, count: drawCount)
        }
        let permutation = permutations[dimension]
        // Four draws' strata at a time (the same strata as one by one), then their points.
        var j = 0
        while j + 4 <= buffer.count {
            let draw = firstDraw + j, i = UInt64(draw)
            let strata = permutation.images(i, i + 1, i + 2, i + 3)
            buffer[j] = point(draw: draw, dimension: dimension, stratum: strata.0)
            buffer[j + 1] = point(draw: draw + 1, dimension: dimension, stratum: strata.1)
            buffer[j + 2] = point(draw: draw + 2, dimension: dimension, stratum: strata.2)
            buffer[j + 3] = point(draw: draw + 3, dimension: dimension, stratum: strata.3)
            j += 4
        }
        while j < buffer.count {
            buffer[j] = point(draw: firstDraw + j, dimension: dimension, permutation: permutation)
            j += 1
        }
    }

    /// `fill` on an array. - Throws: `indexOutOfRange`.
    public func fill(_ array: inout [Double], dimension: Int, firstDraw: Int) throws(SamplingError) {
        try array.withUnsafeMutableBufferPointer { (buffer) throws(SamplingError) in
            try fill(buffer, dimension: dimension, firstDraw: firstDraw)
        }
    }

    private func check(draw: Int, dimension: Int) throws(SamplingError) {
        guard draw >= 0, draw < drawCount else { throw .indexOutOfRange(name: "draw", value: draw, count: drawCount) }
        guard dimension >= 0, dimension < dimensions else {
            throw .indexOutOfRange(name: "dimension", value: dimension, count: dimensions)
        }
    }

    private func point(draw: Int, dimension: Int) -> Double {
        point(draw: draw, dimension: dimension, permutation: permutations[dimension])
    }

    @inline(__always)
    private func point(draw: Int, dimension: Int, permutation: KeyedPermutation) -> Double {
        point(draw: draw, dimension: dimension, stratum: permutation.image(of: draw))
    }

    /// (stratum + v(draw, dimension)) / N, below 1.
    @inline(__always)
    private func point(draw: Int, dimension: Int, stratum: Int) -> Double {
        let d = UInt64(dimension), i = UInt64(draw)
        let (w0, w1, _, _) = Philox4x32.tenRounds(
            UInt32(truncatingIfNeeded: i), UInt32(truncatingIfNeeded: i >> 32),
            UInt32(truncatingIfNeeded: d), UInt32(truncatingIfNeeded: d >> 32),
            UInt32(truncatingIfNeeded: jitterKey), UInt32(truncatingIfNeeded: jitterKey >> 32))
        let jitter = CounterRandomStream.openUnitInterval(w0, w1)
        let u = (Double(stratum) + jitter) / Double(drawCount)
        return u < 1 ? u : 1.0.nextDown
    }
}
