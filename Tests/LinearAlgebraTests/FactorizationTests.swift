import LinearAlgebra
import TestSupport
import Testing

/// LU, inverse, determinant and Cholesky against closed forms.
@Suite("Factorisations against closed forms")
struct FactorizationTests {
    /// A = (c/n)·J has (I − A)⁻¹ = I + c/(1 − c)·J/n (Sherman–Morrison with J = 11ᵀ) and
    /// det(I − A) = 1 − c. Entries are O(1/(1 − c)); with c ≤ 0.9 the LU error bound
    /// n·ε·κ ≈ 50·2.2e-16·10 is far below the 1e-12 tolerance.
    @Test("Leontief inverse of (c/n)·J", arguments: [(1, 0.3), (5, 0.5), (50, 0.9), (257, 0.75)])
    func uniformCoefficients(n: Int, c: Double) throws {
        let a = Matrix(rows: n, columns: n, repeating: c / Double(n))
        let lu = try LUFactorization(of: a.identityMinus())
        var expected = Matrix(rows: n, columns: n, repeating: c / (1 - c) / Double(n))
        for i in 0..<n { expected[i, i] += 1 }
        #expect(try lu.inverse().maxAbsoluteDifference(to: expected) < 1e-12)
        #expect(abs(lu.determinant - (1 - c)) < 1e-12)
        // Solve instead of invert: (I − A)⁻¹·1 = (1 + c/(1 − c))·1 = 1/(1 − c)·1.
        let y = try lu.solve([Double](repeating: 1, count: n))
        #expect(y.allSatisfy { abs($0 - 1 / (1 - c)) < 1e-12 })
        #expect(try a.spectralRadius().isApproximatelyEqual(to: c, tolerance: 1e-12))
    }

    /// A random strictly diagonally dominant system A·x = b with b := A·x*, x* known.
    /// Diagonal dominance bounds κ∞(A) ≤ 2·(max row sum)/(min margin) ≈ 10, so the
    /// backward-stable LU recovers x* to ≈ n·ε·κ; tolerance 1e-11.
    @Test("Diagonally dominant system with known solution", arguments: [7, 200])
    func diagonallyDominant(n: Int) throws {
        var rng = SplitMix64(seed: 42)
        var a = Matrix(rows: n, columns: n)
        for j in 0..<n { for i in 0..<n { a[i, j] = Double.random(in: -1...1, using: &rng) } }
        for i in 0..<n { a[i, i] = Double(n) + 1 }
        let known = (0..<n).map { Double($0 % 5) - 2.5 }
        let b = try a.multiplied(by: known)
        let lu = try LUFactorization(of: a)
        let x = try lu.solve(b)
        #expect(zip(x, known).allSatisfy { abs($0 - $1) < 1e-11 })
        // Several right-hand sides at once, and the transposed system.
        let bMatrix = try Matrix(rows: n, columns: 2, columnMajor: b + b.map { 2 * $0 })
        let xMatrix = try lu.solve(bMatrix)
        #expect(zip(xMatrix.column(1), known).allSatisfy { abs($0 - 2 * $1) < 1e-11 })
        let bt = try a.multiplied(by: known, transpose: .transposed)
        #expect(zip(try lu.solve(bt, transpose: .transposed), known).allSatisfy { abs($0 - $1) < 1e-11 })
        // A·A⁻¹ = I.
        let identity = try a.multiplied(by: lu.inverse())
        #expect(try identity.maxAbsoluteDifference(to: .identity(n)) < 1e-12)
        #expect(lu.reciprocalConditionNumber > 0.01)
    }

    /// The AR(1) correlation matrix Cᵢⱼ = ρ^|i−j| has the closed-form Cholesky factor
    /// L[i][0] = ρ^i, L[i][j] = ρ^(i−j)·√(1 − ρ²) for 1 ≤ j ≤ i. Tolerance 1e-13
    /// (entries ≤ 1, n·ε ≈ 2e-15).
    @Test("Cholesky of an AR(1) correlation matrix", arguments: [0.0, 0.5, -0.8])
    func choleskyAR1(rho: Double) throws {
        let n = 8
        var c = Matrix(rows: n, columns: n)
        for i in 0..<n { for j in 0..<n { c[i, j] = pow(rho, Double(abs(i - j))) } }
        let chol = try CholeskyFactorization(of: c)
        for i in 0..<n {
            #expect(abs(chol.lower[i, 0] - pow(rho, Double(i))) < 1e-13)
            for j in 1...max(1, i) where j <= i {
                #expect(abs(chol.lower[i, j] - pow(rho, Double(i - j)) * (1 - rho * rho).squareRoot()) < 1e-13)
            }
            for j in (i + 1)..<n { #expect(chol.lower[i, j] == 0) }
        }
        #expect(try chol.reconstructed.maxAbsoluteDifference(to: c) < 1e-13)
        let b = (0..<n).map(Double.init)
        let x = try chol.solve(b)
        #expect(zip(try c.multiplied(by: x), b).allSatisfy { abs($0 - $1) < 1e-11 })
    }

    @Test("Nearly singular matrix has a tiny reciprocal condition number")
    func conditionNumber() throws {
        let a = try Matrix(rows: [[1, 1], [1, 1 + 1e-13]])
        let lu = try LUFactorization(of: a)
        #expect(lu.reciprocalConditionNumber < 1e-12)
        #expect(try LUFactorization(of: .identity(4)).reciprocalConditionNumber == 1)
    }
}

import Foundation

extension Double {
    func isApproximatelyEqual(to other: Double, tolerance: Double) -> Bool { abs(self - other) <= tolerance }
}
