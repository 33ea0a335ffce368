import LinearAlgebra

/// The LU factors of a draw's Leontief matrix I − A, from the factorisation that fits the
/// model's order: the Swift `SmallLUFactorization` up to 32 sectors (where LAPACK's call
/// overhead costs more than the ≈ n³/3 flops; the embedded Hanoi model has 7), LAPACK's
/// dgetrf/dgetrs above; both agree within rounding (`SmallLUTests`).
/// Each evaluator keeps one and refactors it in place; nothing is allocated per draw.
/// - Complexity: n³/3 multiply-adds to factor, n² per right-hand side.
struct LeontiefFactors {
    /// The factorisation used for the model's order: the small LU's order-7 factorisation and
    /// solves (`SmallLUFactorization+OrderSevenFactor`, `+OrderSeven`), the small LU, or LAPACK's.
    enum Method { case orderSeven, small, lapack }

    let order: Int
    let method: Method
    /// The factors of I − A (column-major) and the pivots of the method's LU.
    var factors: [Double]
    var pivots: LUPivots
    var smallPivots: [Int]
    /// At order 7, the pivots as a gather permutation and U's reciprocal diagonal
    /// (what `SmallLUFactorization.prepareOrderSeven` computes), written by `factorOrderSeven`
    /// once per factorisation; empty otherwise.
    var orderSevenPermutation: [Int]
    var orderSevenReciprocals: [Double]

    init(order n: Int) {
        order = n
        method = n == 7 ? .orderSeven : n <= SmallLUFactorization.maximumOrder ? .small : .lapack
        factors = [Double](repeating: 0, count: n * n)
        pivots = LUPivots(order: method == .lapack ? n : 0)
        smallPivots = [Int](repeating: 0, count: method == .lapack ? 0 : n)
        let seven = method == .orderSeven
        orderSevenPermutation = [Int](repeating: 0, count: seven ? 7 : 0)
        orderSevenReciprocals = [Double](repeating: 0, count: seven ? 7 : 0)
    }

    /// Factors I − A for `technical` = A (`order × order`, column-major).
    /// - Throws: `singular(pivot:)` when I − A is singular.
    mutating func factor(identityMinus technical: [Double]) throws(LinearAlgebraError) {
        if method == .orderSeven { return try factorOrderSeven(identityMinus: technical) }
        let n = order
        technical.withUnsafeBufferPointer { a in
            factors.withUnsafeMutableBufferPointer { l in
                for j in 0..<n {
                    for i in 0..<n { l[i + n * j] = (i == j ? 1 : 0) - a[i + n * j] }
                }
            }
        }
        try factors.withUnsafeMutableBufferPointer { l throws(LinearAlgebraError) in
            if method != .lapack {
                try smallPivots.withUnsafeMutableBufferPointer { p throws(LinearAlgebraError) in
                    try SmallLUFactorization.factor(l.baseAddress!, order: n, pivots: p.baseAddress!)
                }
            } else {
                try LUFactorization.factorInPlace(l.baseAddress!, order: n, pivots: &pivots)
            }
        }
    }

    /// At order 7: forms and factors I − A in one pass (`SmallLUFactorization.factorOrderSeven`,
    /// bit for bit the general `factor` followed by `prepareOrderSeven`).
    private mutating func factorOrderSeven(identityMinus technical: [Double]) throws(LinearAlgebraError) {
        try technical.withUnsafeBufferPointer { a throws(LinearAlgebraError) in
            try factors.withUnsafeMutableBufferPointer { l throws(LinearAlgebraError) in
                try smallPivots.withUnsafeMutableBufferPointer { p throws(LinearAlgebraError) in
                    try orderSevenPermutation.withUnsafeMutableBufferPointer { permutation throws(LinearAlgebraError) in
                        try orderSevenReciprocals.withUnsafeMutableBufferPointer { reciprocals throws(LinearAlgebraError) in
                            try SmallLUFactorization.factorOrderSeven(
                                identityMinus: a.baseAddress!, factors: l.baseAddress!, pivots: p.baseAddress!,
                                permutation: permutation.baseAddress!, reciprocals: reciprocals.baseAddress!)
                        }
                    }
                }
            }
        }
    }

    /// Solves (I − A)·X = B (or the transposed system) in place for `columns` columns of
    /// `order` entries at the start of `buffer`.
    func solve(_ buffer: inout [Double], columns count: Int, transpose: Transpose = .none) {
        let n = order
        buffer.withUnsafeMutableBufferPointer { b in
            switch method {
            case .orderSeven:
                factors.withUnsafeBufferPointer { l in
                    orderSevenPermutation.withUnsafeBufferPointer { permutation in
                        orderSevenReciprocals.withUnsafeBufferPointer { reciprocals in
                            SmallLUFactorization.solveOrderSeven(
                                factors: l.baseAddress!, permutation: permutation.baseAddress!, reciprocals: reciprocals.baseAddress!,
                                b.baseAddress!, columns: count, transpose: transpose)
                        }
                    }
                }
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
