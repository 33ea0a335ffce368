/// The solves of `SmallLUFactorization` for order 7 (the Hanoi model's seven sectors) with
/// each right-hand side held in seven locals, the row interchanges applied as one
/// precomputed permutation and the pivots' reciprocals computed once per factorisation.
///
/// Every entry goes through the same operations in the same order as the general
/// `SmallLUFactorization.solve` (the same products, subtractions, skips of zero multipliers and
/// reciprocal multiplications), so the results are bit for bit the same
/// (`SmallLUOrderSevenTests`); what changes is that the entries stay in registers instead of
/// being reloaded and stored after every update (the compiler cannot rule out that the
/// right-hand sides alias the factors), and that no per-call set-up is repeated.
/// - Complexity: 49 multiply-adds per right-hand side; `prepareOrderSeven` 7 divisions.
extension SmallLUFactorization {
    /// Computes, from the factors and pivots of `factor` at order 7, the permutation P as a
    /// gather (`(P·b)[i] = b[permutation[i]]`, the interchanges `pivots[0]`, …, `pivots[6]`
    /// applied to 0…6) and the reciprocals 1/uⱼⱼ of U's diagonal, for `solveOrderSeven`.
    package static func prepareOrderSeven(
        factors a: UnsafePointer<Double>, pivots: UnsafePointer<Int>,
        permutation: UnsafeMutablePointer<Int>, reciprocals: UnsafeMutablePointer<Double>
    ) {
        for i in 0..<7 { permutation[i] = i }
        for k in 0..<7 where pivots[k] != k { (permutation[k], permutation[pivots[k]]) = (permutation[pivots[k]], permutation[k]) }
        for j in 0..<7 { reciprocals[j] = 1 / a[j + 7 * j] }
    }

    /// Solves A·x = b (or Aᵀ·x = b) in place for `columns` right-hand sides of 7 entries at
    /// `b`, from the factors of `factor` and the permutation and reciprocals of
    /// `prepareOrderSeven`; the same results as `solve(factors:order:pivots:_:columns:transpose:)`.
    package static func solveOrderSeven(
        factors a: UnsafePointer<Double>, permutation: UnsafePointer<Int>, reciprocals: UnsafePointer<Double>,
        _ b: UnsafeMutablePointer<Double>, columns: Int, transpose: Transpose = .none
    ) {
        if transpose == .none {
            for c in 0..<columns {
                let x = b + 7 * c
                var x0 = x[permutation[0]]
                var x1 = x[permutation[1]]
                var x2 = x[permutation[2]]
                var x3 = x[permutation[3]]
                var x4 = x[permutation[4]]
                var x5 = x[permutation[5]]
                var x6 = x[permutation[6]]
                // L y = Pb (unit lower), column-oriented
                if x0 != 0 { x1 -= a[1] * x0; x2 -= a[2] * x0; x3 -= a[3] * x0; x4 -= a[4] * x0; x5 -= a[5] * x0; x6 -= a[6] * x0 }
                if x1 != 0 { x2 -= a[9] * x1; x3 -= a[10] * x1; x4 -= a[11] * x1; x5 -= a[12] * x1; x6 -= a[13] * x1 }
                if x2 != 0 { x3 -= a[17] * x2; x4 -= a[18] * x2; x5 -= a[19] * x2; x6 -= a[20] * x2 }
                if x3 != 0 { x4 -= a[25] * x3; x5 -= a[26] * x3; x6 -= a[27] * x3 }
                if x4 != 0 { x5 -= a[33] * x4; x6 -= a[34] * x4 }
                if x5 != 0 { x6 -= a[41] * x5 }
                // U x = y
                x6 *= reciprocals[6]
                if x6 != 0 { x0 -= a[42] * x6; x1 -= a[43] * x6; x2 -= a[44] * x6; x3 -= a[45] * x6; x4 -= a[46] * x6; x5 -= a[47] * x6 }
                x5 *= reciprocals[5]
                if x5 != 0 { x0 -= a[35] * x5; x1 -= a[36] * x5; x2 -= a[37] * x5; x3 -= a[38] * x5; x4 -= a[39] * x5 }
                x4 *= reciprocals[4]
                if x4 != 0 { x0 -= a[28] * x4; x1 -= a[29] * x4; x2 -= a[30] * x4; x3 -= a[31] * x4 }
                x3 *= reciprocals[3]
                if x3 != 0 { x0 -= a[21] * x3; x1 -= a[22] * x3; x2 -= a[23] * x3 }
                x2 *= reciprocals[2]
                if x2 != 0 { x0 -= a[14] * x2; x1 -= a[15] * x2 }
                x1 *= reciprocals[1]
                if x1 != 0 { x0 -= a[7] * x1 }
                x0 *= reciprocals[0]
                x[0] = x0
                x[1] = x1
                x[2] = x2
                x[3] = x3
                x[4] = x4
                x[5] = x5
                x[6] = x6
            }
        } else {
            for c in 0..<columns {
                let x = b + 7 * c
                var x0 = x[0]
                var x1 = x[1]
                var x2 = x[2]
                var x3 = x[3]
                var x4 = x[4]
                var x5 = x[5]
                var x6 = x[6]
                // Uᵀ y = b
                x0 *= reciprocals[0]
                x1 -= a[7] * x0; x1 *= reciprocals[1]
                x2 -= a[14] * x0; x2 -= a[15] * x1; x2 *= reciprocals[2]
                x3 -= a[21] * x0; x3 -= a[22] * x1; x3 -= a[23] * x2; x3 *= reciprocals[3]
                x4 -= a[28] * x0; x4 -= a[29] * x1; x4 -= a[30] * x2; x4 -= a[31] * x3; x4 *= reciprocals[4]
                x5 -= a[35] * x0; x5 -= a[36] * x1; x5 -= a[37] * x2; x5 -= a[38] * x3; x5 -= a[39] * x4; x5 *= reciprocals[5]
                x6 -= a[42] * x0; x6 -= a[43] * x1; x6 -= a[44] * x2; x6 -= a[45] * x3; x6 -= a[46] * x4; x6 -= a[47] * x5; x6 *= reciprocals[6]
                // Lᵀ z = y
                x5 -= a[41] * x6
                x4 -= a[33] * x5; x4 -= a[34] * x6
                x3 -= a[25] * x4; x3 -= a[26] * x5; x3 -= a[27] * x6
                x2 -= a[17] * x3; x2 -= a[18] * x4; x2 -= a[19] * x5; x2 -= a[20] * x6
                x1 -= a[9] * x2; x1 -= a[10] * x3; x1 -= a[11] * x4; x1 -= a[12] * x5; x1 -= a[13] * x6
                x0 -= a[1] * x1; x0 -= a[2] * x2; x0 -= a[3] * x3; x0 -= a[4] * x4; x0 -= a[5] * x5; x0 -= a[6] * x6
                // x = Pᵀ z
                x[permutation[0]] = x0
                x[permutation[1]] = x1
                x[permutation[2]] = x2
                x[permutation[3]] = x3
                x[permutation[4]] = x4
                x[permutation[5]] = x5
                x[permutation[6]] = x6
            }
        }
    }
}
