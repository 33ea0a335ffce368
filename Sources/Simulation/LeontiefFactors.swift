import LinearAlgebra

/// The LU factors of a draw's Leontief matrix I − A, from the factorisation that fits the
/// model's order: `SIMDColumnLUFactorization` up to 8 sectors (the embedded Hanoi model),
/// the scalar `SmallLUFactorization` up to 32 (where LAPACK's call overhead still costs more
/// than the ≈ n³/3 flops), LAPACK's dgetrf/dgetrs above. The first two give the same factors
/// and solutions bit for bit; all three agree within rounding (`SmallLUTests`).
/// Each evaluator keeps one and refactors it in place; nothing is allocated per draw.
/// - Complexity: n³/3 multiply-adds to factor, n² per right-hand side.
struct LeontiefFactors {
    /// The factorisation used for the model's order.
    enum Method { case columns, small, lapack }

    let order: Int
    let method: Method
    /// The factors for `.columns` (inline).
    var columns: SIMDColumnLUFactorization
    /// The factors of I − A (column-major) and the pivots for `.small` and `.lapack`.
    var factors: [Double]
    var pivots: LUPivots
    var smallPivots: [Int]

    init(order n: Int) {
        order = n
        method = n <= SIMDColumnLUFactorization.maximumOrder ? .columns : n <= SmallLUFactorization.maximumOrder ? .small : .lapack
        columns = SIMDColumnLUFactorization(order: n)
        let scalar = method != .columns
        factors = [Double](repeating: 0, count: scalar ? n * n : 0)
        pivots = LUPivots(order: scalar ? n : 0)
        smallPivots = [Int](repeating: 0, count: scalar ? n : 0)
    }

    /// Factors I − A for `technical` = A (`order × order`, column-major).
    /// - Throws: `singular(pivot:)` when I − A is singular.
    mutating func factor(identityMinus technical: [Double]) throws(LinearAlgebraError) {
        let n = order
        if method == .columns {
            try technical.withUnsafeBufferPointer { a throws(LinearAlgebraError) in
                try columns.factorIdentityMinus(a.baseAddress!)
            }
            return
        }
        technical.withUnsafeBufferPointer { a in
            factors.withUnsafeMutableBufferPointer { l in
                for j in 0..<n {
                    for i in 0..<n { l[i + n * j] = (i == j ? 1 : 0) - a[i + n * j] }
                }
            }
        }
        try factors.withUnsafeMutableBufferPointer { l throws(LinearAlgebraError) in
            if method == .small {
                try smallPivots.withUnsafeMutableBufferPointer { p throws(LinearAlgebraError) in
                    try SmallLUFactorization.factor(l.baseAddress!, order: n, pivots: p.baseAddress!)
                }
            } else {
                try LUFactorization.factorInPlace(l.baseAddress!, order: n, pivots: &pivots)
            }
        }
    }

    /// Solves (I − A)·X = B (or the transposed system) in place for `columns` columns of
    /// `order` entries at the start of `buffer`.
    func solve(_ buffer: inout [Double], columns count: Int, transpose: Transpose = .none) {
        let n = order
        buffer.withUnsafeMutableBufferPointer { b in
            switch method {
            case .columns:
                columns.solve(b.baseAddress!, columns: count, transpose: transpose)
            case .small:
                factors.withUnsafeBufferPointer { l in
                    smallPivots.withUnsafeBufferPointer { p in
                        SmallLUFactorization.solve(
                            factors: l.baseAddress!, order: n, pivots: p.baseAddress!, b.baseAddress!, columns: count, transpose: transpose)
                    }
                }
            case .lapack:
                factors.withUnsafeBufferPointer { l in
                    LUFactorization.solveInPlace(
                        factors: l.baseAddress!, order: n, pivots: pivots, rightHandSides: b.baseAddress!, columns: count,
                        transpose: transpose)
                }
            }
        }
    }
}
