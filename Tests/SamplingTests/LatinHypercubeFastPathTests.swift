@testable import Sampling
import Testing

/// The Latin hypercube as its documentation defines it, computed the straightforward way:
/// round keys from Philox blocks, a 4-round unbalanced Feistel network with cycle walking,
/// the jitter from one full Philox4x32-10 block and (m + ½)·2⁻⁵². The engine's `fill`
/// (round tables, a run of Philox blocks) must give the same bits.
private struct ReferenceHypercube {
    let drawCount: Int
    let seed: UInt64

    static func mix(_ input: UInt64) -> UInt64 {
        var z = input
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func words(_ value: UInt64) -> (UInt32, UInt32) {
        (UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32))
    }

    func stratum(draw: Int, dimension: Int) -> Int {
        let (t0, t1) = Self.words(UInt64(dimension)), (s0, s1) = Self.words(seed)
        let a = Philox4x32.block(counter: SIMD4(t0, t1, 0x4B50_4552, 0), key: SIMD2(s0, s1))
        let b = Philox4x32.block(counter: SIMD4(t0, t1, 0x4B50_4552, 1), key: SIMD2(s0, s1))
        let keys = [UInt64(a.x) << 32 | UInt64(a.y), UInt64(a.z) << 32 | UInt64(a.w),
                    UInt64(b.x) << 32 | UInt64(b.y), UInt64(b.z) << 32 | UInt64(b.w)]
        let bits = max(2, 64 - UInt64(drawCount - 1).leadingZeroBitCount)
        let lowBits = (bits + 1) / 2, highBits = bits - lowBits
        let lowMask: UInt64 = (1 << UInt64(lowBits)) - 1, highMask: UInt64 = (1 << UInt64(highBits)) - 1
        var value = UInt64(draw)
        repeat {
            var left = value >> UInt64(lowBits), right = value & lowMask
            for round in 0..<4 {
                if round % 2 == 0 {
                    left ^= Self.mix(right &+ keys[round]) & highMask
                } else {
                    right ^= Self.mix(left &+ keys[round]) & lowMask
                }
            }
            value = left << UInt64(lowBits) | right
        } while value >= UInt64(drawCount)
        return Int(value)
    }

    func uniform(draw: Int, dimension: Int) -> Double {
        let (i0, i1) = Self.words(UInt64(draw)), (d0, d1) = Self.words(UInt64(dimension))
        let (k0, k1) = Self.words(Self.mix(seed ^ 0x4C41_5449_4E48_5950))
        let block = Philox4x32.block(counter: SIMD4(i0, i1, d0, d1), key: SIMD2(k0, k1))
        let m = UInt64(block.x) << 20 | UInt64(block.y) >> 12
        let jitter = (Double(m) + 0.5) * 0x1p-52
        let u = (Double(stratum(draw: draw, dimension: dimension)) + jitter) / Double(drawCount)
        return u < 1 ? u : 1.0.nextDown
    }
}

@Suite("LatinHypercube fast path against a reference implementation")
struct LatinHypercubeFastPathTests {
    /// Sizes with every remainder modulo the four-draw step, tiny sizes, a block's size and
    /// sizes just above a power of two (the most cycle walking).
    static let sizes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 17, 63, 100, 257, 1000, 4096, 4099, 5003]

    @Test("fill gives the reference's bits over every draw", arguments: sizes)
    func fillMatchesReference(drawCount: Int) throws {
        // Exact (bit patterns): the fast path must not move any result.
        for seed: UInt64 in [0, 1, 2025, 0xDEAD_BEEF_CAFE_F00D] {
            let design = try LatinHypercube(seed: seed, drawCount: drawCount, dimensions: 3)
            let reference = ReferenceHypercube(drawCount: drawCount, seed: seed)
            for dimension in 0..<3 {
                // Chunks of 1, 2, 3, 5, … draws so that every start and length modulo 4 occurs.
                var first = 0, chunk = 1
                while first < drawCount {
                    let length = min(chunk, drawCount - first)
                    var buffer = [Double](repeating: .nan, count: length)
                    try design.fill(&buffer, dimension: dimension, firstDraw: first)
                    for j in 0..<length {
                        let expected = reference.uniform(draw: first + j, dimension: dimension)
                        #expect(buffer[j].bitPattern == expected.bitPattern, "seed \(seed), N \(drawCount), d \(dimension), draw \(first + j)")
                        #expect(try design.uniform(draw: first + j, dimension: dimension).bitPattern == expected.bitPattern)
                        #expect(try design.stratum(draw: first + j, dimension: dimension) == reference.stratum(draw: first + j, dimension: dimension))
                    }
                    first += length
                    chunk = chunk % 7 + 1 + chunk / 7 * 13
                }
            }
        }
    }

    @Test("a strided fill writes the contiguous fill's values `stride` apart and nothing else")
    func stridedFill() throws {
        // Exact: the engine fills θ (k values per draw) one dimension at a time with stride k.
        let design = try LatinHypercube(seed: 6, drawCount: 1000, dimensions: 3)
        for (count, stride) in [(1, 3), (2, 3), (3, 1), (7, 3), (13, 5), (600, 3)] {
            var contiguous = [Double](repeating: .nan, count: count)
            try design.fill(&contiguous, dimension: 2, firstDraw: 101)
            var strided = [Double](repeating: -1, count: (count - 1) * stride + 2)
            try strided.withUnsafeMutableBufferPointer { buffer throws(SamplingError) in
                try design.fill(buffer, stride: stride, count: count, dimension: 2, firstDraw: 101)
            }
            for (index, value) in strided.enumerated() {
                if index % stride == 0 && index / stride < count {
                    #expect(value.bitPattern == contiguous[index / stride].bitPattern)
                } else {
                    #expect(value == -1, "index \(index) written")
                }
            }
        }
        var short = [Double](repeating: 0, count: 6)
        #expect(throws: SamplingError.indexOutOfRange(name: "strided buffer index", value: 6, count: 6)) {
            try short.withUnsafeMutableBufferPointer { buffer throws(SamplingError) in
                try design.fill(buffer, stride: 3, count: 3, dimension: 0, firstDraw: 0)
            }
        }
    }

    @Test("the tabulated rounds equal the computed ones over whole permutations", arguments: [1, 2, 3, 5, 31, 1024, 1025, 65_537])
    func tablesMatchComputedRounds(count: Int) throws {
        // Exact: the tables hold the values the computed rounds xor in.
        for tweak: UInt64 in [0, 1, 7, 1 << 40] {
            let permutation = try KeyedPermutation(count: count, seed: 31 &* tweak &+ 5, tweak: tweak)
            let entries = try #require(permutation.roundTableCount)
            var tables = [UInt32](repeating: 0, count: entries)
            tables.withUnsafeMutableBufferPointer { permutation.writeRoundTables(into: $0) }
            tables.withUnsafeBufferPointer { t in
                let tabulated = TabulatedKeyedPermutation(permutation, tables: t.baseAddress!)
                for index in 0..<count {
                    #expect(tabulated.image(inRange: UInt64(index)) == permutation.image(of: index))
                }
            }
        }
    }

    @Test("rounds are computed, not tabulated, above 2²⁴ elements, with the same results")
    func largePermutations() throws {
        // Exact: 2²⁴ is the largest tabulated size; 2²⁴ + 3 falls back to computed rounds.
        #expect(try KeyedPermutation(count: 1 << 24, seed: 1, tweak: 0).roundTableCount != nil)
        #expect(try KeyedPermutation(count: (1 << 24) + 3, seed: 1, tweak: 0).roundTableCount == nil)
        for drawCount in [1 << 24, (1 << 24) + 3] {
            let design = try LatinHypercube(seed: 77, drawCount: drawCount, dimensions: 2)
            let reference = ReferenceHypercube(drawCount: drawCount, seed: 77)
            for first in [0, 4_000_001, drawCount - 7] {
                var buffer = [Double](repeating: .nan, count: 7)
                try design.fill(&buffer, dimension: 1, firstDraw: first)
                for j in 0..<7 { #expect(buffer[j].bitPattern == reference.uniform(draw: first + j, dimension: 1).bitPattern) }
            }
        }
    }

    @Test("a fill across draw 2³² (the counter's second word changes) matches the reference")
    func acrossTheCounterWord() throws {
        // Exact; 2³³ draws are never stored, so the design is cheap to build.
        let drawCount = 1 << 33
        let design = try LatinHypercube(seed: 4, drawCount: drawCount, dimensions: 2)
        let reference = ReferenceHypercube(drawCount: drawCount, seed: 4)
        let first = (1 << 32) - 3
        var buffer = [Double](repeating: .nan, count: 6)
        try design.fill(&buffer, dimension: 1, firstDraw: first)
        for j in 0..<6 { #expect(buffer[j].bitPattern == reference.uniform(draw: first + j, dimension: 1).bitPattern) }
    }

    @Test("a run of Philox blocks, one by one or on four lanes, gives tenRounds' first two words")
    func leadingWordRun() {
        // Exact, over counters and keys from a SplitMix64 sequence (any values must agree).
        var state: UInt64 = 12_345
        func next() -> UInt32 {
            state &+= 0x9E37_79B9_7F4A_7C15
            return UInt32(truncatingIfNeeded: ReferenceHypercube.mix(state) >> 16)
        }
        for _ in 0..<200 {
            let (c1, c2, c3, k0, k1) = (next(), next(), next(), next(), next())
            let run = Philox4x32.LeadingWordRun(c1: c1, c2: c2, c3: c3, key0: k0, key1: k1)
            for x in [0, 1, next(), next(), UInt32.max] {
                let (w0, w1, _, _) = Philox4x32.tenRounds(x, c1, c2, c3, k0, k1)
                let (v0, v1) = run.firstTwoWords(x)
                #expect(v0 == w0 && v1 == w1)
            }
            // The same on four SIMD lanes.
            let lanes = SIMD4(next(), next(), 0, UInt32.max)
            let (l0, l1) = run.firstTwoWords(lanes)
            for lane in 0..<4 {
                let (w0, w1, _, _) = Philox4x32.tenRounds(lanes[lane], c1, c2, c3, k0, k1)
                #expect(l0[lane] == w0 && l1[lane] == w1)
            }
        }
    }
}
