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
/// "LATINHYP")). So 10⁷ draws need little memory (a few words per dimension, plus the
/// permutations' round tables: O(√N) entries per dimension, never more than 64 KiB), and any
/// block of draws can be produced on any thread. The draw's u is passed to a
/// distribution's `quantile` (or through Φ⁻¹ to a Gaussian copula; the copula's mixing
/// of dimensions then keeps the marginals' distribution but not the exact one-per-stratum
/// property of the correlated dimensions).
///
/// `fill`, the engine's path, evaluates the permutation through its round tables
/// (`KeyedPermutation+RoundTables`) and the jitter's blocks as a run along the draws
/// (`Philox4x32.LeadingWordRun`); `stratum` and `uniform` compute both directly. The two
/// give the same bits (tested against a reference implementation).
///
/// - Complexity: expected O(1) time per (draw, dimension): one permutation evaluation
///   (< 2 Feistel passes on average) and one Philox block; O(dimensions · √N) memory up to
///   2²⁴ draws (64 KiB per dimension there), O(dimensions) above, where the rounds are computed.
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
    /// Every dimension's round tables, `roundTableCount` entries each, in dimension order;
    /// empty when the permutations are too large to tabulate.
    private let roundTables: [UInt32]
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
        if let entries = permutations[0].roundTableCount {
            var tables = [UInt32](repeating: 0, count: entries * dimensions)
            tables.withUnsafeMutableBufferPointer { all in
                for (dimension, permutation) in permutations.enumerated() {
                    permutation.writeRoundTables(into: UnsafeMutableBufferPointer(rebasing: all[(dimension * entries)..<((dimension + 1) * entries)]))
                }
            }
            self.roundTables = tables
        } else {
            self.roundTables = []
        }
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
        try fill(buffer, stride: 1, count: buffer.count, dimension: dimension, firstDraw: firstDraw)
    }

    /// Writes u(firstDraw + j, dimension) into `buffer[j · stride]` for j in 0..<count: one
    /// dimension's uniforms straight into a draw-major matrix (the engine's θ, one column per
    /// draw), with no copy.
    /// - Throws: `indexOutOfRange` when the range of draws leaves 0..<drawCount, the dimension
    ///   is out of range, or the buffer is too short for `count` values `stride` apart.
    /// - Complexity: O(count), no allocation.
    package func fill(
        _ buffer: UnsafeMutableBufferPointer<Double>, stride: Int, count: Int, dimension: Int, firstDraw: Int
    ) throws(SamplingError) {
        guard count > 0 else { return }
        try check(draw: firstDraw, dimension: dimension)
        guard count <= drawCount - firstDraw else {
            let lastDraw = firstDraw.addingReportingOverflow(count - 1)
            throw .indexOutOfRange(name: "draw", value: lastDraw.overflow ? .max : lastDraw.partialValue, count: drawCount)
        }
        let span = (count - 1).multipliedReportingOverflow(by: stride)
        guard stride >= 1, !span.overflow, span.partialValue < buffer.count, let base = buffer.baseAddress else {
            throw .indexOutOfRange(name: "strided buffer index", value: span.overflow ? .max : span.partialValue, count: buffer.count)
        }
        // Runs of draws that share the counter's word 1 (draw / 2³²): one run below 2³² draws.
        var start = 0
        while start < count {
            let draw = firstDraw + start
            let runLength = min(count - start, (1 << 32) - (draw & 0xFFFF_FFFF))
            fillRun(base + start * stride, stride: stride, count: runLength, dimension: dimension, firstDraw: draw)
            start += runLength
        }
    }

    /// `fill` for draws that all have the same draw / 2³².
    @inline(__always)
    private func fillRun(_ out: UnsafeMutablePointer<Double>, stride: Int, count: Int, dimension: Int, firstDraw: Int) {
        let permutation = permutations[dimension]
        let d = UInt64(dimension), first = UInt64(firstDraw)
        let jitter = Philox4x32.LeadingWordRun(
            c1: UInt32(truncatingIfNeeded: first >> 32),
            c2: UInt32(truncatingIfNeeded: d), c3: UInt32(truncatingIfNeeded: d >> 32),
            key0: UInt32(truncatingIfNeeded: jitterKey), key1: UInt32(truncatingIfNeeded: jitterKey >> 32))
        guard let entries = permutation.roundTableCount, !roundTables.isEmpty else {
            fillRun(out, stride: stride, count: count, permutation: permutation, jitter: jitter, firstDraw: first)
            return
        }
        roundTables.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            let tabulated = TabulatedKeyedPermutation(permutation, tables: base + dimension * entries)
            fillRun(out, stride: stride, count: count, permutation: tabulated, jitter: jitter, firstDraw: first)
        }
    }

    /// The points of consecutive draws from `firstDraw` for one dimension: four draws' strata at
    /// a time (independent chains, the same strata as one by one), then their jitters on four
    /// SIMD lanes and their points, each the same IEEE operations as `point(draw:dimension:stratum:)`.
    @inline(__always)
    private func fillRun<Permutation: FourWayPermutation>(
        _ out: UnsafeMutablePointer<Double>, stride: Int, count: Int, permutation: Permutation,
        jitter: Philox4x32.LeadingWordRun, firstDraw first: UInt64
    ) {
        let n = Double(drawCount)
        var target = out
        var j = 0
        while j + 4 <= count {
            let i = first + UInt64(j)
            let strata = permutation.images(i, i + 1, i + 2, i + 3)
            // The four jitters' Philox blocks on four lanes (their counters' word 0 are
            // consecutive: the run never crosses a multiple of 2³²), then the points lane by lane.
            let (w0, w1) = jitter.firstTwoWords(SIMD4(repeating: UInt32(truncatingIfNeeded: i)) &+ SIMD4(0, 1, 2, 3))
            let v = CounterRandomStream.openUnitInterval(w0, w1)
            let u = (SIMD4(Double(strata.0), Double(strata.1), Double(strata.2), Double(strata.3)) + v) / SIMD4(repeating: n)
            let points = u.replacing(with: 1.0.nextDown, where: .!(u .< 1))
            target[0] = points[0]
            target[stride] = points[1]
            target[2 &* stride] = points[2]
            target[3 &* stride] = points[3]
            target += 4 &* stride
            j += 4
        }
        while j < count {
            let i = first + UInt64(j)
            target.pointee = point(stratum: permutation.image(inRange: i), jitter: jitter, draw: i)
            target += stride
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
        return point(stratum: stratum, jitterWords: w0, w1)
    }

    /// The same point with the jitter's block from a run along the draws (`fill`).
    @inline(__always)
    private func point(stratum: Int, jitter: Philox4x32.LeadingWordRun, draw: UInt64) -> Double {
        let (w0, w1) = jitter.firstTwoWords(UInt32(truncatingIfNeeded: draw))
        return point(stratum: stratum, jitterWords: w0, w1)
    }

    @inline(__always)
    private func point(stratum: Int, jitterWords w0: UInt32, _ w1: UInt32) -> Double {
        let jitter = CounterRandomStream.openUnitInterval(w0, w1)
        let u = (Double(stratum) + jitter) / Double(drawCount)
        return u < 1 ? u : 1.0.nextDown
    }
}
