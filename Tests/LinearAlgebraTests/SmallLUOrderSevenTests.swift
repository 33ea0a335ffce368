import LinearAlgebra
import TestSupport
import Testing

/// `SmallLUFactorization.solveOrderSeven` must give the general `solve`'s results bit for bit
/// (tolerance: none, the bit patterns are compared), for both orientations, on random
/// matrices, on matrices whose small diagonal forces a row interchange at most steps, on
/// permutation-like matrices (an interchange at every step), and on right-hand sides with
/// zero entries (which the solves skip) and several columns.
@Suite("Small-matrix LU, order 7")
struct SmallLUOrderSevenTests {
    enum Shape: CaseIterable { case random, smallDiagonal, permutationLike }

    static func matrix(_ shape: Shape, seed: UInt64) -> [Double] {
        var rng = SplitMix64(seed: seed)
        var a = (0..<49).map { _ in Double.random(in: -1...1, using: &rng) }
        switch shape {
        case .random: break
        case .smallDiagonal: for i in 0..<7 { a[i + 7 * i] *= 1e-3 }
        case .permutationLike:
            // a dominant entry in row (i + 3) mod 7 of column i, tiny elsewhere
            for j in 0..<7 { for i in 0..<7 { a[i + 7 * j] *= i == (j + 3) % 7 ? 10 : 1e-4 } }
        }
        return a
    }

    @Test("Equals the general solve bit for bit", arguments: Shape.allCases)
    func equalsGeneralSolve(shape: Shape) throws {
        let columns = 5
        for seed in UInt64(1)...40 {
            var factors = Self.matrix(shape, seed: seed * 977)
            var pivots = [Int](repeating: 0, count: 7)
            var rng = SplitMix64(seed: seed)
            // every third entry zero, so the zero-multiplier skips are taken
            let b = (0..<(7 * columns)).map { $0 % 3 == 0 ? 0 : Double.random(in: -5...5, using: &rng) }
            var permutation = [Int](repeating: 0, count: 7)
            var reciprocals = [Double](repeating: 0, count: 7)
            try factors.withUnsafeMutableBufferPointer { f throws(LinearAlgebraError) in
                try pivots.withUnsafeMutableBufferPointer { p throws(LinearAlgebraError) in
                    try SmallLUFactorization.factor(f.baseAddress!, order: 7, pivots: p.baseAddress!)
                    permutation.withUnsafeMutableBufferPointer { q in
                        reciprocals.withUnsafeMutableBufferPointer { r in
                            SmallLUFactorization.prepareOrderSeven(
                                factors: f.baseAddress!, pivots: p.baseAddress!, permutation: q.baseAddress!, reciprocals: r.baseAddress!)
                        }
                    }
                }
            }
            if shape == .permutationLike { #expect(pivots.enumerated().filter { $0.offset != $0.element }.count >= 3) }
            for transpose in [Transpose.none, .transposed] {
                var general = b, seven = b
                factors.withUnsafeBufferPointer { f in
                    pivots.withUnsafeBufferPointer { p in
                        general.withUnsafeMutableBufferPointer { x in
                            SmallLUFactorization.solve(
                                factors: f.baseAddress!, order: 7, pivots: p.baseAddress!, x.baseAddress!, columns: columns, transpose: transpose)
                        }
                    }
                    permutation.withUnsafeBufferPointer { q in
                        reciprocals.withUnsafeBufferPointer { r in
                            seven.withUnsafeMutableBufferPointer { x in
                                SmallLUFactorization.solveOrderSeven(
                                    factors: f.baseAddress!, permutation: q.baseAddress!, reciprocals: r.baseAddress!, x.baseAddress!,
                                    columns: columns, transpose: transpose)
                            }
                        }
                    }
                }
                #expect(general.map(\.bitPattern) == seven.map(\.bitPattern), "seed \(seed), \(transpose)")
            }
        }
    }
}
