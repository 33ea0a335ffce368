import Foundation
import LinearAlgebra
import Sampling
import Testing

@Suite("GaussianCopula")
struct GaussianCopulaTests {
    static let target: [[Double]] = [[1, 0.6, -0.3], [0.6, 1, 0.2], [-0.3, 0.2, 1]]

    @Test("100,000 draws recover the correlation matrix within 0.01")
    func recoversCorrelation() throws {
        // Tolerance 0.01: the standard error of a sample correlation is ≈ (1 − ρ²)/√n
        // ≤ 1/√100,000 ≈ 0.0032, so 0.01 is 3 SE for the worst entry.
        let copula = try GaussianCopula(correlation: try Matrix(rows: Self.target))
        let k = 3, n = 100_000
        let columns = (0..<k).map { standardNormals(seed: 77, stream: UInt64($0), count: n) }
        var block = [Double](repeating: 0, count: k * n)
        for draw in 0..<n {
            for i in 0..<k { block[i + draw * k] = columns[i][draw] }
        }
        try copula.correlateInPlace(&block, draws: n)
        var means = [Double](repeating: 0, count: k)
        for draw in 0..<n { for i in 0..<k { means[i] += block[i + draw * k] / Double(n) } }
        var covariance = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for draw in 0..<n {
            for i in 0..<k {
                for j in 0..<k {
                    covariance[i][j] += (block[i + draw * k] - means[i]) * (block[j + draw * k] - means[j])
                }
            }
        }
        for i in 0..<k {
            for j in 0..<k {
                let r = covariance[i][j] / (covariance[i][i] * covariance[j][j]).squareRoot()
                #expect(abs(r - Self.target[i][j]) <= 0.01, "entry (\(i), \(j)) = \(r)")
            }
        }
    }

    @Test("L·z by closed form for two parameters")
    func twoByTwo() throws {
        // Closed form: C = [[1, ρ], [ρ, 1]] has L = [[1, 0], [ρ, √(1 − ρ²)]], so
        // L·(1, 2) = (1, ρ + 2√(1 − ρ²)); 1e-15 relative. The uniforms are Φ of those.
        let rho = 0.6
        let copula = try GaussianCopula(correlation: try Matrix(rows: [[1, rho], [rho, 1]]))
        let y = try copula.correlated([1, 2])
        #expect(relativeError(y[0], 1) <= 1e-15)
        #expect(relativeError(y[1], rho + 2 * (1 - rho * rho).squareRoot()) <= 1e-15)
        let u = try copula.uniforms(fromIndependentNormals: [1, 2])
        #expect(relativeError(u[1], StandardNormal.cdf(rho + 2 * (1 - rho * rho).squareRoot())) <= 1e-15)
    }

    @Test("block transform equals the per-draw transform")
    func blockEqualsSingle() throws {
        // Exact: the same arithmetic in the same order.
        let copula = try GaussianCopula(correlation: try Matrix(rows: Self.target))
        let z: [Double] = [0.3, -1.2, 2.0, 1.1, 0.4, -0.7]
        var block = z
        try copula.uniformsInPlace(&block, draws: 2)
        #expect(Array(block[0..<3]) == (try copula.uniforms(fromIndependentNormals: Array(z[0..<3]))))
        #expect(Array(block[3..<6]) == (try copula.uniforms(fromIndependentNormals: Array(z[3..<6]))))
    }

    @Test("parameter-row transform equals the column transform bit for bit", arguments: [4099, 4103, 13, 3])
    func parameterRowsEqualColumns(draws: Int) throws {
        // Exact: each lane rounds the same products and sums in the same order. 4,099 draws
        // leave a tail past the eight-draw vectors, 4,103 and 13 one four-draw vector and a
        // tail, 3 only the tail; the row stride is longer than the draws.
        let matrix: [[Double]] = [
            [1.00, 0.60, 0.30, 0.30, 0.10], [0.60, 1.00, 0.20, 0.20, 0.10], [0.30, 0.20, 1.00, 0.20, 0.10],
            [0.30, 0.20, 0.20, 1.00, 0.40], [0.10, 0.10, 0.10, 0.40, 1.00],
        ]
        let copula = try GaussianCopula(correlation: try Matrix(rows: matrix))
        let k = 5, stride = draws + 2
        var columns = standardNormals(seed: 11, stream: 3, count: k * draws)
        columns[7] = -0.0
        columns[12] = 0
        var rows = [Double](repeating: .nan, count: (k - 1) * stride + draws)
        for t in 0..<draws { for i in 0..<k { rows[i * stride + t] = columns[i + k * t] } }
        try copula.correlateInPlace(&columns, draws: draws)
        try rows.withUnsafeMutableBufferPointer { buffer throws(SamplingError) in
            try copula.correlateInPlace(parameterRows: buffer, rowStride: stride, draws: draws)
        }
        var mismatches = 0
        for t in 0..<draws {
            for i in 0..<k where rows[i * stride + t].bitPattern != columns[i + k * t].bitPattern { mismatches += 1 }
        }
        #expect(mismatches == 0)
        // The gap between rows is left alone.
        #expect(rows[draws].isNaN && rows[draws + 1].isNaN)
        var short = [Double](repeating: 0, count: 4 * stride + draws - 1)
        #expect(throws: SamplingError.lengthMismatch(name: "normal buffer (k rows)", expected: 4 * stride + draws, actual: short.count)) {
            try short.withUnsafeMutableBufferPointer { buffer throws(SamplingError) in
                try copula.correlateInPlace(parameterRows: buffer, rowStride: stride, draws: draws)
            }
        }
        #expect(throws: SamplingError.lengthMismatch(name: "normal buffer row stride", expected: draws, actual: draws - 1)) {
            try short.withUnsafeMutableBufferPointer { buffer throws(SamplingError) in
                try copula.correlateInPlace(parameterRows: buffer, rowStride: draws - 1, draws: draws)
            }
        }
    }

    @Test("identity correlation leaves normals unchanged")
    func identity() throws {
        // Exact: L = I.
        let copula = try GaussianCopula(correlation: .identity(4))
        #expect(try copula.correlated([0.1, -2, 3, 0.5]) == [0.1, -2, 3, 0.5])
    }

    @Test("invalid matrices are rejected with the failing entry")
    func errors() throws {
        // Exact error cases.
        #expect(throws: SamplingError.correlationNotPositiveDefinite(column: 2)) {
            // Leading 2×2 minor is positive (1 − 0.81); the 3×3 determinant is
            // 1 − 3·0.81 + 2·0.9·0.9·(−0.9) = −2.888 < 0, so Cholesky fails at column 3 (0-based 2).
            try GaussianCopula(correlation: try Matrix(rows: [[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]]))
        }
        #expect(throws: SamplingError.correlationNotPositiveDefinite(column: 1)) {
            // Perfect correlation: singular, the second pivot is 1 − 1 = 0.
            try GaussianCopula(correlation: try Matrix(rows: [[1, 1], [1, 1]]))
        }
        #expect(throws: SamplingError.correlationNotSymmetric(row: 1, column: 0, value: 0.5, transposedValue: 0.4)) {
            try GaussianCopula(correlation: try Matrix(rows: [[1, 0.4], [0.5, 1]]))
        }
        #expect(throws: SamplingError.correlationDiagonalNotOne(index: 1, value: 2)) {
            try GaussianCopula(correlation: try Matrix(rows: [[1, 0.4], [0.4, 2]]))
        }
        #expect(throws: SamplingError.correlationOutOfRange(row: 1, column: 0, value: 1.5)) {
            try GaussianCopula(correlation: try Matrix(rows: [[1, 1.5], [1.5, 1]]))
        }
        #expect(throws: SamplingError.correlationNotSquare(rows: 2, columns: 3)) {
            try GaussianCopula(correlation: Matrix(rows: 2, columns: 3))
        }
        #expect(throws: SamplingError.correlationNonFinite(row: 1, column: 0, value: .infinity)) {
            // Entries are checked column by column, so (1, 0) is reported before (0, 1).
            try GaussianCopula(correlation: try Matrix(rows: [[1, .infinity], [.infinity, 1]]))
        }
        let copula = try GaussianCopula(correlation: .identity(3))
        #expect(throws: SamplingError.lengthMismatch(name: "normals", expected: 3, actual: 2)) {
            try copula.correlated([1, 2])
        }
        var buffer = [Double](repeating: 0, count: 7)
        #expect(throws: SamplingError.self) { try copula.correlateInPlace(&buffer, draws: 2) }
        // k · draws overflows Int: reported, not trapped.
        #expect(throws: SamplingError.lengthMismatch(name: "normal buffer (k × draws)", expected: .max, actual: 7)) {
            try copula.correlateInPlace(&buffer, draws: .max)
        }
    }

    @Test("a diagonal within 1e-12 of 1 and symmetry within 1e-12 are accepted")
    func tolerances() throws {
        // The documented tolerance of both checks is 1e-12.
        _ = try GaussianCopula(correlation: try Matrix(rows: [[1 + 5e-13, 0.3], [0.3 + 5e-13, 1]]))
    }
}
