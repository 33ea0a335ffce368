import LinearAlgebra
import TestSupport
import Testing

/// `finiteOneNorm()` (what `LUFactorization` runs before `dgetrf`) against `checkFinite()`
/// then `oneNorm`, the two passes it replaces: the same bits, the same error entry.
@Suite("One-norm with the finiteness check")
struct FiniteOneNormTests {
    @Test("Equals oneNorm bit for bit on finite matrices")
    func sameNorm() throws {
        var generator = SplitMix64(seed: 11)
        for (rows, columns) in [(0, 0), (1, 1), (3, 5), (17, 4), (40, 40)] {
            let values = (0..<rows * columns).map { _ in Double.random(in: -1e3...1e3, using: &generator) }
            let m = try Matrix(rows: rows, columns: columns, columnMajor: values)
            #expect(try m.finiteOneNorm().bitPattern == m.oneNorm.bitPattern)
        }
    }

    /// Two non-finite entries: the error is the first in column-major order, as `checkFinite` throws it.
    @Test("Throws at the entry checkFinite names")
    func firstNonFinite() throws {
        var m = Matrix(rows: 4, columns: 4, repeating: 1)
        m[3, 1] = .infinity
        m[0, 2] = .nan
        let expected = LinearAlgebraError.nonFinite(row: 3, column: 1, value: .infinity)
        #expect(throws: expected) { try m.checkFinite() }
        #expect(throws: expected) { try m.finiteOneNorm() }
        #expect(throws: expected) { try LUFactorization(of: m) }
    }
}
