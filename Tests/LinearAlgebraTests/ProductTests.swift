import LinearAlgebra
import TestSupport
import Testing

/// dgemm/dgemv against a naive triple loop. Sizes 1, 7, 64 and 257 cross OpenBLAS's
/// blocking boundaries (its kernels block at 4–16 and at several hundred).
/// Tolerance: a k-term dot product of entries in [−1, 1] has rounding error at most
/// k·ε·Σ|aᵢ||bᵢ| ≤ k²·ε ≈ 1.5e-11 for k = 257; we allow 1e-10 absolute.
@Suite("BLAS products against a naive loop")
struct ProductTests {
    static func randomMatrix(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
        var rng = SplitMix64(seed: seed)
        var m = Matrix(rows: rows, columns: columns)
        for j in 0..<columns { for i in 0..<rows { m[i, j] = Double.random(in: -1...1, using: &rng) } }
        return m
    }

    static func naiveProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
        var c = Matrix(rows: a.rows, columns: b.columns)
        for i in 0..<a.rows {
            for j in 0..<b.columns {
                var s = 0.0
                for k in 0..<a.columns { s += a[i, k] * b[k, j] }
                c[i, j] = s
            }
        }
        return c
    }

    @Test("dgemm = triple loop", arguments: [1, 7, 64, 257])
    func gemm(size: Int) throws {
        let a = Self.randomMatrix(size, size + 3, seed: UInt64(size))
        let b = Self.randomMatrix(size + 3, max(size - 1, 1), seed: UInt64(size) + 100)
        let product = try a.multiplied(by: b)
        #expect(try product.maxAbsoluteDifference(to: Self.naiveProduct(a, b)) < 1e-10)
    }

    @Test("dgemm with transposes = triple loop on transposed operands", arguments: [1, 7, 64, 257])
    func gemmTransposed(size: Int) throws {
        let a = Self.randomMatrix(size + 2, size, seed: UInt64(size) + 7)
        let b = Self.randomMatrix(size, size + 2, seed: UInt64(size) + 9)
        let product = try a.multiplied(by: b, transposeSelf: .transposed, transposeOther: .transposed)
        let expected = Self.naiveProduct(a.transposed, b.transposed)
        #expect(try product.maxAbsoluteDifference(to: expected) < 1e-10)
    }

    @Test("dgemv = loop, both orientations", arguments: [1, 7, 64, 257])
    func gemv(size: Int) throws {
        let a = Self.randomMatrix(size, size + 1, seed: UInt64(size) + 3)
        let x = Self.randomMatrix(size + 1, 1, seed: 11).column(0)
        let y = try a.multiplied(by: x)
        let expected = Self.naiveProduct(a, try Matrix(rows: size + 1, columns: 1, columnMajor: x)).column(0)
        #expect(zip(y, expected).allSatisfy { abs($0 - $1) < 1e-10 })
        let z = Self.randomMatrix(size, 1, seed: 13).column(0)
        let yt = try a.multiplied(by: z, transpose: .transposed)
        let expectedT = Self.naiveProduct(a.transposed, try Matrix(rows: size, columns: 1, columnMajor: z)).column(0)
        #expect(zip(yt, expectedT).allSatisfy { abs($0 - $1) < 1e-10 })
    }

    @Test("raw generalMatrixMultiply accumulates with beta = 1")
    func rawGemmAccumulates() throws {
        let a = Self.randomMatrix(5, 3, seed: 1), b = Self.randomMatrix(3, 4, seed: 2)
        var c = Matrix(rows: 5, columns: 4, repeating: 1)
        a.withUnsafeColumnMajor { ap in
            b.withUnsafeColumnMajor { bp in
                c.withUnsafeMutableColumnMajor { cp in
                    generalMatrixMultiply(
                        transposeA: .none, transposeB: .none, m: 5, n: 4, k: 3, alpha: 2,
                        a: ap.baseAddress!, leadingA: 5, b: bp.baseAddress!, leadingB: 3,
                        beta: 1, c: cp.baseAddress!, leadingC: 5)
                }
            }
        }
        let expected = try Self.naiveProduct(a, b).scaled(by: 2).adding(Matrix(rows: 5, columns: 4, repeating: 1))
        #expect(try c.maxAbsoluteDifference(to: expected) < 1e-12)
    }
}
