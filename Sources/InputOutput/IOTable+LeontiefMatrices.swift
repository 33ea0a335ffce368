import LinearAlgebra

extension IOTable {
    /// The technical coefficients A = Z·x̂⁻¹ and the Leontief matrix I − A, made in one pass
    /// over Z (Miller & Blair 2009, eqs. 2.4 and 2.10): aᵢⱼ = zᵢⱼ·(1/xⱼ) as
    /// `technicalCoefficients()` computes it, and (aᵢⱼ·(−1)) + δᵢⱼ as `Matrix.identityMinus()`
    /// does, so both are bit for bit those of the two-step path. The pass also finds the first
    /// negative coefficient in column-major order, the one `LeontiefModel` reports. Each matrix
    /// is written once, into storage it owns (no copy, no zero fill first); I − A then goes to
    /// the LU as it is.
    /// - Throws: `zeroOutput` for a sector without positive output (as `technicalCoefficients()`).
    /// - Complexity: O(n²); two n × n matrices.
    func leontiefMatrices() throws(InputOutputError) -> (coefficients: Matrix, leontief: Matrix, firstNegative: (row: Int, column: Int)?) {
        try requirePositiveOutput()
        let n = sectorCount
        let count = n * n
        let output = self.output
        var firstNegative: (row: Int, column: Int)?
        var leontief: [Double] = []
        let coefficients = intermediate.withUnsafeColumnMajor { z in
            [Double](unsafeUninitializedCapacity: count) { a, aCount in
                leontief = [Double](unsafeUninitializedCapacity: count) { m, mCount in
                    for j in 0..<n {
                        let factor = 1 / output[j]
                        let column = j * n
                        var negative = false
                        for k in column..<column + n {
                            let value = z[k] * factor
                            a.initializeElement(at: k, to: value)
                            m.initializeElement(at: k, to: value * -1)
                            if value < 0 { negative = true }
                        }
                        m[column + j] += 1
                        if negative, firstNegative == nil, let i = (0..<n).first(where: { a[column + $0] < 0 }) {
                            firstNegative = (i, j)
                        }
                    }
                    mCount = count
                }
                aCount = count
            }
        }
        let a = try linearAlgebra { () throws(LinearAlgebraError) in try Matrix(rows: n, columns: n, columnMajor: coefficients) }
        let m = try linearAlgebra { () throws(LinearAlgebraError) in try Matrix(rows: n, columns: n, columnMajor: leontief) }
        return (a, m, firstNegative)
    }
}
