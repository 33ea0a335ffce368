import Foundation
@testable import Sampling
import Testing

/// The sketch's fast bucket index must equal the `log`-based reference exactly, everywhere.
/// Expected values come from `LogBucketIndex.exactIndex` (glibc `log`); tolerance 0 (integers).
@Suite("LogBucketIndex (log-free bucket index, same as log)")
struct LogBucketIndexTests {
    /// SplitMix64 (Steele, Lea & Flood 2014), for reproducible random bit patterns.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The engine's α (5e-4), the sketch's default (1e-4) and the limits of the allowed range.
    static let accuracies: [Double] = [5e-4, 1e-4, 1e-6, 0.5]

    static func multiplier(_ accuracy: Double) throws -> Double {
        try QuantileSketch(relativeAccuracy: accuracy).indexMultiplier
    }

    /// Compares fast and reference index on `magnitudes`; returns (mismatches, fallbacks).
    static func compare(_ magnitudes: [Double], multiplier: Double, tolerance: Double) -> (mismatches: Int, fallbacks: Int) {
        var mismatches = 0, fallbacks = 0
        LogBucketIndex.table.withUnsafeBufferPointer { table in
            for m in magnitudes {
                let exact = LogBucketIndex.exactIndex(ofMagnitude: m, multiplier: multiplier)
                if let fast = LogBucketIndex.fastIndex(ofMagnitude: m, multiplier: multiplier, tolerance: tolerance, table: table) {
                    if fast != exact { mismatches += 1 }
                } else {
                    fallbacks += 1
                }
                if LogBucketIndex.index(ofMagnitude: m, multiplier: multiplier, tolerance: tolerance, table: table) != exact {
                    mismatches += 1
                }
            }
        }
        return (mismatches, fallbacks)
    }

    /// `count` doubles from `center` stepped by whole ulps, −span…span.
    static func ulpNeighbours(of center: Double, span: Int) -> [Double] {
        var values = [center]
        var up = center, down = center
        for _ in 0..<span {
            up = up.nextUp
            down = down.nextDown
            values.append(up)
            if down > 0 { values.append(down) }
        }
        return values
    }

    /// The smallest double m with reference index > k, by bisection on the bit pattern (the
    /// index is non-decreasing in m) in a bracket widened from ±2¹⁰ ulps around `estimate`;
    /// nil when no finite m has an index > k.
    static func smallestMagnitude(withIndexAbove k: Int, near estimate: Double, multiplier: Double) -> Double? {
        func index(_ bits: UInt64) -> Int { LogBucketIndex.exactIndex(ofMagnitude: Double(bitPattern: bits), multiplier: multiplier) }
        let top = Double.greatestFiniteMagnitude.bitPattern
        var width: UInt64 = 1 << 10
        var low = estimate.bitPattern, high = estimate.bitPattern
        while low > 1, index(low) > k { low = low > width ? low - width : 1; width <<= 1 }
        width = 1 << 10
        while index(high) <= k {
            guard high < top else { return nil }
            high = top - high > width ? high + width : top
            width <<= 1
        }
        // Invariant: index(low) ≤ k < index(high), or low is the smallest pattern tried.
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if index(middle) > k { high = middle } else { low = middle }
        }
        return Double(bitPattern: index(low) > k ? low : high)
    }

    @Test("the approximation of ln m is within the documented 6.0e-11 of log, on 10⁶ normal magnitudes")
    func approximationBound() {
        // Bound from the type's comment: |A − ln m| ≤ 5.9e-11, |log − ln m| ≤ 1 ulp ≤ 1.2e-13.
        var random = SplitMix64(state: 17)
        var worst = 0.0
        LogBucketIndex.table.withUnsafeBufferPointer { table in
            for _ in 0..<1_000_000 {
                let m = Double(bitPattern: 0x0010_0000_0000_0000 + random.next() % (0x7FF0_0000_0000_0000 - 0x0010_0000_0000_0000))
                guard let approximation = LogBucketIndex.approximateLog(m, table: table) else {
                    Issue.record("no approximation for the normal \(m)")
                    return
                }
                worst = max(worst, abs(approximation - log(m)))
            }
        }
        #expect(worst <= 6.0e-11)
        // The truncation term |r|⁴/4 reaches ≈ 5.8e-11 at the ends of a table interval: a sample
        // of 10⁶ comes near it, so a coarser series (r − r²/2, error ≈ 5e-9) would fail above.
        #expect(worst > 1e-11)
    }

    @Test("fast index equals the log index on 2·10⁶ random magnitudes over the whole finite range", arguments: accuracies)
    func randomMagnitudes(accuracy: Double) throws {
        let multiplier = try Self.multiplier(accuracy)
        var random = SplitMix64(state: 2025)
        // Any positive finite bit pattern, subnormals included.
        let magnitudes = (0..<2_000_000).map { _ in Double(bitPattern: 1 + random.next() % (0x7FF0_0000_0000_0000 - 1)) }
        let result = Self.compare(magnitudes, multiplier: multiplier, tolerance: LogBucketIndex.tolerance(multiplier: multiplier))
        #expect(result.mismatches == 0)
        // Subnormals (≈ 0.05 % of the patterns) and values within τ of a boundary (≈ 2·10⁻⁹μ)
        // fall back to log; the fast path decides the rest.
        #expect(Double(result.fallbacks) < 2e-3 * Double(magnitudes.count))
    }

    /// Every bucket boundary of the engine's sketch (α = 5e-4) between the zero threshold and
    /// the largest double, ±3 ulps around exp(k·ln γ), where ⌈fl(fl(ln m)·μ)⌉ steps to k + 1.
    @Test("fast index equals the log index ±3 ulps around every bucket boundary of α = 5e-4")
    func everyBoundary() throws {
        let accuracy = 5e-4
        let multiplier = try Self.multiplier(accuracy)
        let logGamma = try QuantileSketch(relativeAccuracy: accuracy).logGamma
        let lowest = Int((log(QuantileSketch.zeroThreshold) * multiplier).rounded(.down))
        let highest = Int((log(Double.greatestFiniteMagnitude) * multiplier).rounded(.down))
        var magnitudes: [Double] = []
        magnitudes.reserveCapacity(7 * (highest - lowest + 1))
        for k in lowest...highest {
            let estimate = exp(Double(k) * logGamma)
            guard estimate.isFinite, estimate > 0,
                  let boundary = Self.smallestMagnitude(withIndexAbove: k, near: estimate, multiplier: multiplier) else { continue }
            magnitudes.append(contentsOf: Self.ulpNeighbours(of: boundary, span: 3))
        }
        let tolerance = LogBucketIndex.tolerance(multiplier: multiplier)
        let result = Self.compare(magnitudes, multiplier: multiplier, tolerance: tolerance)
        #expect(result.mismatches == 0)
        #expect(result.fallbacks > 0)
        // The same values catch a fast path without its guard band: with τ = 0 the
        // approximation's error (up to 6e-11·μ) puts values on the wrong side of a boundary.
        let unguarded = Self.compare(magnitudes, multiplier: multiplier, tolerance: 0)
        #expect(unguarded.mismatches > 0)
    }

    @Test("fast index equals the log index at the edges: zero threshold, powers of two, 1, extremes", arguments: accuracies)
    func edges(accuracy: Double) throws {
        let multiplier = try Self.multiplier(accuracy)
        var magnitudes: [Double] = []
        magnitudes += Self.ulpNeighbours(of: QuantileSketch.zeroThreshold, span: 100)
        magnitudes += Self.ulpNeighbours(of: 1, span: 100)
        magnitudes += Self.ulpNeighbours(of: Double.leastNormalMagnitude, span: 100)
        magnitudes += Self.ulpNeighbours(of: Double.leastNonzeroMagnitude, span: 100)
        magnitudes += Self.ulpNeighbours(of: Double.greatestFiniteMagnitude, span: 100).filter(\.isFinite)
        for e in -1074...1023 { magnitudes += Self.ulpNeighbours(of: Double(sign: .plus, exponent: e, significand: 1), span: 3) }
        // The ends of every table interval: x = 1 + j/128 for each j, at several exponents.
        for j in 0...128 {
            for e in [-40, -1, 0, 1, 500] {
                let x = Double(sign: .plus, exponent: e, significand: 1 + Double(j) / 128)
                magnitudes += Self.ulpNeighbours(of: x, span: 3)
            }
        }
        let result = Self.compare(magnitudes, multiplier: multiplier, tolerance: LogBucketIndex.tolerance(multiplier: multiplier))
        #expect(result.mismatches == 0)
    }

    @Test("a sketch's buckets are the log index of each value, block and one-by-one inserts")
    func sketchUsesTheLogIndex() throws {
        var random = SplitMix64(state: 99)
        // Mixed signs over 1e-12…1e12 (log-uniform), as the outputs of a run can be.
        let values = (0..<50_000).map { _ -> Double in
            let magnitude = exp(-27 + 54 * Double(random.next() >> 11) * 0x1p-53)
            return random.next() & 1 == 0 ? magnitude : -magnitude
        }
        var byBlock = try QuantileSketch(relativeAccuracy: 5e-4)
        values.withUnsafeBufferPointer { byBlock.insert(block: $0) }
        var oneByOne = try QuantileSketch(relativeAccuracy: 5e-4)
        for x in values { oneByOne.insert(x) }
        #expect(byBlock == oneByOne)
        var expected: [Int: (positive: Int, negative: Int)] = [:]
        for x in values {
            let index = LogBucketIndex.exactIndex(ofMagnitude: abs(x), multiplier: byBlock.indexMultiplier)
            var entry = expected[index] ?? (0, 0)
            if x > 0 { entry.positive += 1 } else { entry.negative += 1 }
            expected[index] = entry
        }
        for (index, entry) in expected {
            #expect(byBlock.positiveStore.count(at: index) == entry.positive)
            #expect(byBlock.negativeStore.count(at: index) == entry.negative)
        }
        #expect(byBlock.positiveStore.totalCount + byBlock.negativeStore.totalCount == values.count)
    }
}
