import Foundation
import Sampling
import Testing

@Suite("QuantileSketch (DDSketch)")
struct QuantileSketchTests {
    static let levels: [Double] = [0, 0.0001, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1]

    enum DataSet: String, CaseIterable, Sendable {
        case normal, lognormal, mixedSign

        /// 100,000 standard normals from Philox uniforms through Φ⁻¹, computed once.
        static let normals = standardNormals(seed: 123, stream: 0, count: 100_000)

        var values: [Double] {
            let z = Self.normals
            switch self {
            case .normal: return z.map { 8 + 1.5 * $0 }
            case .lognormal: return z.map { exp(1 + 0.8 * $0) }
            case .mixedSign:
                // Normal around 0.5 (about 30 % negative) with every 50th value exactly 0.
                return z.enumerated().map { $0.offset % 50 == 0 ? 0 : 0.5 + $0.element }
            }
        }
    }

    @Test("quantiles within relative accuracy α of the exact lower quantiles", arguments: DataSet.allCases)
    func accuracy(_ dataSet: DataSet) throws {
        // Tolerance α = 1e-4 relative (the DDSketch guarantee, Masson et al. 2019, Prop. 3),
        // plus 1e-12 for the rounding of the bucket index (documented). The exact value is the
        // element of rank ⌊q(n − 1)⌋ of the sorted data (the sketch's definition).
        let values = dataSet.values
        var sketch = try QuantileSketch(relativeAccuracy: 1e-4)
        sketch.insert(contentsOf: values)
        let sorted = values.sorted()
        for q in Self.levels {
            let exact = exactLowerQuantile(sorted, q)
            let estimate = try #require(sketch.quantile(q))
            #expect(abs(estimate - exact) <= (1e-4 + 1e-12) * abs(exact), "\(dataSet) q \(q): \(estimate) vs \(exact)")
        }
        #expect(sketch.quantile(0) == sorted.first && sketch.quantile(1) == sorted.last)
        #expect(sketch.count == values.count)
    }

    @Test("a coarser sketch (α = 1 %) is within 1 % and no better than needed")
    func coarse() throws {
        // Tolerance α = 0.01 relative. The sketch must not be exact everywhere (that would
        // mean it is not bucketing): at least one interior quantile differs from the data.
        let values = DataSet.lognormal.values
        var sketch = try QuantileSketch(relativeAccuracy: 0.01)
        sketch.insert(contentsOf: values)
        let sorted = values.sorted()
        var differs = false
        for q in Self.levels {
            let exact = exactLowerQuantile(sorted, q)
            let estimate = try #require(sketch.quantile(q))
            #expect(abs(estimate - exact) <= (0.01 + 1e-12) * abs(exact))
            if estimate != exact { differs = true }
        }
        #expect(differs)
    }

    @Test("merging split streams equals the single-stream sketch bucket for bucket", arguments: [2, 3, 10])
    func mergeEqualsSingle(parts: Int) throws {
        // Exact: bucket counts, zero count, count, min and max are integers or exact values.
        // (30,000 of the mixed-sign values keep the debug-build test fast.)
        let values = Array(DataSet.mixedSign.values[0..<30_000])
        var single = try QuantileSketch()
        single.insert(contentsOf: values)
        var merged = try QuantileSketch()
        let size = values.count / parts + 1
        for start in stride(from: 0, to: values.count, by: size) {
            var part = try QuantileSketch()
            part.insert(contentsOf: values[start..<min(start + size, values.count)])
            try merged.merge(part)
        }
        #expect(merged == single)
        #expect(merged.positiveStore.totalCount == single.positiveStore.totalCount)
        for q in Self.levels { #expect(merged.quantile(q) == single.quantile(q)) }
    }

    /// The block path must give the very sketch of one-by-one insertion. Exact equality:
    /// bucket counts, zero and non-finite counts, count, minimum and maximum. Blocks of 4,096
    /// as the engine uses them, so that later blocks widen the stores of earlier ones;
    /// zeros, NaN and ±∞ are counted as one-by-one inserts count them.
    @Test("block insertion equals one-by-one insertion", arguments: ["positive", "negative", "mixed", "special", "widening"])
    func blockEqualsOneByOne(_ kind: String) throws {
        let z = Array(DataSet.normals[0..<20_000])
        let values: [Double]
        switch kind {
        case "positive": values = z.map { exp(1 + 0.8 * $0) }
        case "negative": values = z.map { -exp(0.5 * $0) }
        case "mixed": values = z.map { 0.5 + $0 }
        case "special": values = z.enumerated().map { $0.offset == 777 ? .nan : $0.offset == 5000 ? 0 : $0.offset == 9000 ? -.infinity : $0.element }
        default: values = z.enumerated().map { (1 + Double($0.offset / 4096)) * exp(Double($0.offset / 4096) * 2) * (1.1 + $0.element / 10) }
        }
        var single = try QuantileSketch(relativeAccuracy: 5e-4)
        single.insert(contentsOf: values)
        var blocked = try QuantileSketch(relativeAccuracy: 5e-4)
        values.withUnsafeBufferPointer { buffer in
            for start in stride(from: 0, to: buffer.count, by: 4096) {
                blocked.insert(block: UnsafeBufferPointer(rebasing: buffer[start..<min(start + 4096, buffer.count)]))
            }
        }
        #expect(blocked == single)
        #expect(blocked.count == single.count && blocked.zeroCount == single.zeroCount)
        #expect(blocked.nonFiniteCount == single.nonFiniteCount)
        #expect(blocked.minimum == single.minimum && blocked.maximum == single.maximum)
        #expect(blocked.positiveStore.totalCount == single.positiveStore.totalCount)
        #expect(blocked.negativeStore.totalCount == single.negativeStore.totalCount)
        for q in Self.levels { #expect(blocked.quantile(q) == single.quantile(q)) }
    }

    /// A finite block with the extremes of an in-order scan (as `RunningMoments` finds them)
    /// gives the very sketch of one-by-one insertion, signed zeros included. Exact equality.
    @Test("finite-block insertion with given extremes equals one-by-one insertion")
    func finiteBlockEqualsOneByOne() throws {
        let z = Array(DataSet.normals[0..<20_000])
        var values = z.enumerated().map { (1 + Double($0.offset / 4096)) * ($0.element - 0.3) }
        values[5] = -0.0
        values[4100] = 0
        values[4101] = -0.0
        values[9000] = 1e-13
        var single = try QuantileSketch(relativeAccuracy: 5e-4)
        single.insert(contentsOf: values)
        var blocked = try QuantileSketch(relativeAccuracy: 5e-4)
        values.withUnsafeBufferPointer { buffer in
            for start in stride(from: 0, to: buffer.count, by: 4096) {
                let block = UnsafeBufferPointer(rebasing: buffer[start..<min(start + 4096, buffer.count)])
                var low = Double.infinity, high = -Double.infinity
                for x in block {
                    if x < low { low = x }
                    if x > high { high = x }
                }
                blocked.insert(finiteBlock: block, minimum: low, maximum: high)
            }
        }
        #expect(blocked == single)
        #expect(blocked.count == single.count && blocked.zeroCount == single.zeroCount)
        #expect(blocked.minimum.bitPattern == single.minimum.bitPattern && blocked.maximum.bitPattern == single.maximum.bitPattern)
        for q in Self.levels { #expect(blocked.quantile(q) == single.quantile(q)) }
    }

    @Test("memory follows the occupied bucket range, not the number of values")
    func memoryDoesNotGrowWithCount() throws {
        // Bound: each store's capacity ≤ 1.25 × occupied span + 192 buckets (the growth
        // margin is max(64, capacity/8) on a side, plus the initial 64-bucket window).
        // And 10× more values of the same distribution add only the slowly widening tails
        // (extreme |z| grows from ≈ 4.4 to ≈ 4.9, i.e. ≈ 0.8·2·0.5/ln γ ≈ 4,000 more buckets
        // on ≈ 36,000): capacity grows by < 25 %, far below the 10× growth in count.
        let z = standardNormals(seed: 5, stream: 1, count: 1_000_000).map { exp(1 + 0.8 * $0) }
        var small = try QuantileSketch()
        small.insert(contentsOf: z[0..<100_000])
        var large = small
        large.insert(contentsOf: z[100_000...])
        for sketch in [small, large] {
            let span = try #require(sketch.positiveStore.occupiedIndices).count
            #expect(Double(sketch.positiveStore.capacity) <= 1.25 * Double(span) + 192, "capacity \(sketch.positiveStore.capacity), span \(span)")
            #expect(sketch.negativeStore.capacity == 0)
        }
        #expect(Double(large.positiveStore.capacity) < 1.25 * Double(small.positiveStore.capacity))
        // Closed form for the span: ln(max/min)/ln γ buckets, ±1.
        let span = try #require(large.positiveStore.occupiedIndices).count
        let predicted = log(large.maximum / large.minimum) / (2 * atanh(1e-4))
        #expect(abs(Double(span) - predicted) <= 2)
    }

    @Test("zeros, tiny values, NaN and infinities")
    func specialValues() throws {
        // Exact: |x| < 1e-12 is reported as 0; NaN and ±∞ are counted apart and not sketched.
        var sketch = try QuantileSketch()
        for x in [0, 1e-13, -1e-13, 5, .nan, .infinity, -.infinity] { sketch.insert(x) }
        #expect(sketch.count == 4)
        #expect(sketch.zeroCount == 3)
        #expect(sketch.nonFiniteCount == 3)
        #expect(sketch.quantile(0.5) == 0)
        #expect(sketch.quantile(1) == 5)
        #expect(sketch.minimum == -1e-13)
    }

    @Test("invalid settings and queries")
    func errors() throws {
        // Exact error cases and nil answers.
        #expect(throws: SamplingError.parameterOutOfRange(name: "relative accuracy", value: 0, interval: "[1e-6, 0.5]")) {
            try QuantileSketch(relativeAccuracy: 0)
        }
        #expect(throws: SamplingError.self) { try QuantileSketch(relativeAccuracy: 1) }
        var a = try QuantileSketch(relativeAccuracy: 1e-4)
        let b = try QuantileSketch(relativeAccuracy: 1e-3)
        #expect(throws: SamplingError.incompatibleMerge(name: "relative accuracy", value: 1e-4, otherValue: 1e-3)) {
            try a.merge(b)
        }
        #expect(a.quantile(0.5) == nil)
        a.insert(1)
        #expect(a.quantile(-0.1) == nil && a.quantile(1.1) == nil && a.quantile(.nan) == nil)
        #expect(a.quantile(0.5) == 1)
    }

    @Test("bucket representative is within α of both bucket bounds")
    func bucketValue() throws {
        // Closed form: bucket i holds (γ^{i−1}, γ^i] and is reported as 2γ^i/(γ + 1), whose
        // relative distance to either bound is (γ − 1)/(γ + 1) = α; tolerance 1e-12 relative.
        let sketch = try QuantileSketch(relativeAccuracy: 0.01)
        let gamma = sketch.gamma
        #expect(relativeError(gamma, 1.01 / 0.99) <= 1e-15)
        let value = sketch.bucketValue(10)
        let upper = pow(gamma, 10), lower = pow(gamma, 9)
        #expect(relativeError((upper - value) / upper, 0.01) <= 1e-10)
        #expect(relativeError((value - lower) / lower, 0.01) <= 1e-10)
    }
}

@Suite("Quantile sketch histogram")
struct QuantileSketchHistogramTests {
    /// Values placed at bin centres (far from every edge, relative distance ≫ α = 5e-4)
    /// give exactly the counts of an exact histogram; out-of-range values fall in the end
    /// bins; the counts add up to n.
    @Test("Bin counts from the buckets equal the exact counts away from the edges")
    func exactAwayFromEdges() throws {
        var sketch = try QuantileSketch(relativeAccuracy: 5e-4)
        let edges: [Double] = [-2, -1, 0, 1, 2, 3]
        let values: [(Double, Int)] = [(-1.5, 3), (-0.5, 7), (0.5, 11), (1.5, 5), (2.5, 2), (-9, 1), (40, 4), (0, 6)]
        for (value, repeats) in values { for _ in 0..<repeats { sketch.insert(value) } }
        let counts = sketch.histogram(edges: edges)
        // [-2,-1): -1.5 ×3 and -9 ×1 (below range); [-1,0): 7; [0,1): 11 + six zeros; [1,2): 5; [2,3): 2 + 40 ×4.
        #expect(counts == [4, 7, 17, 5, 6])
        #expect(counts.reduce(0, +) == sketch.count)
        #expect(sketch.histogram(edges: [1]).isEmpty)
    }
}
