import LinearAlgebra
import TestSupport
import Testing

/// The small-matrix LU must give LAPACK's solutions: random non-symmetric matrices with
/// pivoting needed (small diagonal), n = 1…12, both orientations. Tolerance 1e-11: both are
/// backward stable with growth factor ≤ 2ⁿ⁻¹, and these matrices have κ below about 1e3.
@Suite("Small-matrix LU")
struct SmallLUTests {
    @Test("Agrees with LAPACK dgetrf/dgetrs", arguments: [1, 2, 7, 12])
    func agreesWithLAPACK(n: Int) throws {
        var rng = SplitMix64(seed: UInt64(n) * 31)
        var a = Matrix(rows: n, columns: n)
        for j in 0..<n { for i in 0..<n { a[i, j] = Double.random(in: -1...1, using: &rng) } }
        for i in 0..<n { a[i, i] *= 0.01 }  // force row interchanges
        a[0, 0] += 0.5
        let b = try Matrix(rows: n, columns: 2, columnMajor: (0..<(2 * n)).map { Double($0 % 5) - 2 })
        let lapack = try LUFactorization(of: a)
        for transpose in [Transpose.none, .transposed] {
            let expected = try lapack.solve(b, transpose: transpose)
            var factors = a.columnMajor
            var pivots = [Int](repeating: 0, count: n)
            var x = b.columnMajor
            try factors.withUnsafeMutableBufferPointer { f throws(LinearAlgebraError) in
                try pivots.withUnsafeMutableBufferPointer { p throws(LinearAlgebraError) in
                    try SmallLUFactorization.factor(f.baseAddress!, order: n, pivots: p.baseAddress!)
                    x.withUnsafeMutableBufferPointer { xb in
                        SmallLUFactorization.solve(factors: f.baseAddress!, order: n, pivots: p.baseAddress!, xb.baseAddress!, columns: 2, transpose: transpose)
                    }
                }
            }
            #expect(zip(x, expected.columnMajor).allSatisfy { abs($0 - $1) < 1e-11 * max(1, abs($1)) })
        }
    }

    @Test("Singular matrix reports its pivot")
    func singular() throws {
        var a: [Double] = [1, 2, 2, 4]  // columns (1, 2) and (2, 4)
        var pivots = [0, 0]
        #expect(throws: LinearAlgebraError.singular(pivot: 2)) {
            try a.withUnsafeMutableBufferPointer { f throws(LinearAlgebraError) in
                try pivots.withUnsafeMutableBufferPointer { p throws(LinearAlgebraError) in
                    try SmallLUFactorization.factor(f.baseAddress!, order: 2, pivots: p.baseAddress!)
                }
            }
        }
    }
}
