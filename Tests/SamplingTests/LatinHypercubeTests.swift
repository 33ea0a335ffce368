import Sampling
import Testing

@Suite("LatinHypercube and KeyedPermutation")
struct LatinHypercubeTests {
    @Test("every stratum of every dimension is hit exactly once", arguments: [1, 7, 1000, 4099])
    func stratification(drawCount: Int) throws {
        // Exact: the defining property of a Latin hypercube.
        let design = try LatinHypercube(seed: 2025, drawCount: drawCount, dimensions: 5)
        for dimension in 0..<5 {
            var hits = [Int](repeating: 0, count: drawCount)
            for draw in 0..<drawCount {
                let stratum = try design.stratum(draw: draw, dimension: dimension)
                hits[stratum] += 1
                // The point lies in its stratum: |u·N − (stratum + ½)| ≤ ½ up to one rounding (1e-9).
                let u = try design.uniform(draw: draw, dimension: dimension)
                #expect(u > 0 && u < 1)
                #expect(abs(u * Double(drawCount) - (Double(stratum) + 0.5)) <= 0.5 + 1e-9)
            }
            #expect(hits.allSatisfy { $0 == 1 }, "N = \(drawCount), dimension \(dimension)")
        }
    }

    @Test("the keyed permutation is a bijection", arguments: [1, 2, 3, 4, 5, 16, 17, 65_536, 100_003])
    func bijection(count: Int) throws {
        // Exact: a permutation of [0, count) takes every value once.
        let permutation = try KeyedPermutation(count: count, seed: 9, tweak: 4)
        var seen = [Bool](repeating: false, count: count)
        for index in 0..<count {
            let image = permutation.image(of: index)
            #expect(image >= 0 && image < count)
            #expect(!seen[image])
            seen[image] = true
        }
        #expect(seen.allSatisfy { $0 })
    }

    @Test("different dimensions and seeds give different permutations")
    func distinctPermutations() throws {
        // Exact comparison; with 1000! possible orders, equality would be a bug.
        let n = 1000
        func order(_ seed: UInt64, _ dimension: Int) throws -> [Int] {
            let design = try LatinHypercube(seed: seed, drawCount: n, dimensions: 4)
            return try (0..<n).map { try design.stratum(draw: $0, dimension: dimension) }
        }
        let base = try order(1, 0)
        #expect(base != (try order(1, 1)))
        #expect(base != (try order(1, 3)))
        #expect(base != (try order(2, 0)))
        #expect(base != Array(0..<n))
        #expect(base == (try order(1, 0)))  // a pure function of (seed, dimension, draw)
    }

    @Test("strata of two dimensions are uncorrelated (|rank correlation| < 5/√N)")
    func dimensionsIndependent() throws {
        // For independent random permutations Spearman's ρ has SE 1/√(N − 1); bound 5/√N.
        let n = 4099
        let design = try LatinHypercube(seed: 3, drawCount: n, dimensions: 2)
        var sum = 0.0
        let centre = Double(n - 1) / 2
        for draw in 0..<n {
            sum += (Double(try design.stratum(draw: draw, dimension: 0)) - centre)
                * (Double(try design.stratum(draw: draw, dimension: 1)) - centre)
        }
        let variance = Double(n * n - 1) / 12 * Double(n)
        #expect(abs(sum / variance) < 5 / Double(n).squareRoot())
    }

    @Test("10⁷ draws need no storage: any draw is computed directly")
    func largeDesign() throws {
        // Exact range checks; the struct holds O(dimensions) words whatever N is.
        let design = try LatinHypercube(seed: 5, drawCount: 10_000_000, dimensions: 3)
        for draw in [0, 1, 4_999_999, 9_999_999] {
            let stratum = try design.stratum(draw: draw, dimension: 2)
            #expect(stratum >= 0 && stratum < 10_000_000)
            let u = try design.uniform(draw: draw, dimension: 2)
            #expect(u > 0 && u < 1)
        }
        #expect(MemoryLayout<LatinHypercube>.size <= 64)
    }

    @Test("fill equals per-draw uniforms")
    func fill() throws {
        // Exact: fill is defined draw by draw.
        let design = try LatinHypercube(seed: 8, drawCount: 100, dimensions: 2)
        var buffer = [Double](repeating: 0, count: 10)
        try design.fill(&buffer, dimension: 1, firstDraw: 90)
        for j in 0..<10 { #expect(buffer[j] == (try design.uniform(draw: 90 + j, dimension: 1))) }
    }

    @Test("out-of-range indices and counts throw")
    func errors() throws {
        // Exact error cases.
        #expect(throws: SamplingError.nonPositiveCount(name: "draw count", value: 0)) {
            try LatinHypercube(seed: 1, drawCount: 0, dimensions: 1)
        }
        #expect(throws: SamplingError.nonPositiveCount(name: "dimensions", value: 0)) {
            try LatinHypercube(seed: 1, drawCount: 10, dimensions: 0)
        }
        let design = try LatinHypercube(seed: 1, drawCount: 10, dimensions: 2)
        #expect(throws: SamplingError.indexOutOfRange(name: "draw", value: 10, count: 10)) {
            try design.uniform(draw: 10, dimension: 0)
        }
        #expect(throws: SamplingError.indexOutOfRange(name: "dimension", value: -1, count: 2)) {
            try design.stratum(draw: 0, dimension: -1)
        }
        var buffer = [Double](repeating: 0, count: 5)
        #expect(throws: SamplingError.indexOutOfRange(name: "draw", value: 10, count: 10)) {
            try design.fill(&buffer, dimension: 0, firstDraw: 6)
        }
        #expect(throws: SamplingError.nonPositiveCount(name: "permutation size", value: 0)) {
            try KeyedPermutation(count: 0, seed: 1, tweak: 0)
        }
    }
}
