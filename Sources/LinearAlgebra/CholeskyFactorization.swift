import CBLASLapack

/// The Cholesky factorisation C = L·Lᵀ of a symmetric positive-definite matrix
/// (LAPACK `dpotrf`), used for correlation matrices: if z ~ N(0, I) then L·z ~ N(0, C).
///
/// Only the lower triangle of the input is read. - Complexity: n³/3 flops to factor,
/// O(n²) per solve or per `L·z` product.
public struct CholeskyFactorization: Sendable {
    public let order: Int
    /// L, lower triangular, with the strict upper triangle zeroed.
    public let lower: Matrix

    /// - Throws: `notSquare`, `nonFinite`, or `notPositiveDefinite(column:)` with the
    ///   order of the first leading minor that is not positive.
    public init(of matrix: Matrix) throws(LinearAlgebraError) {
        guard matrix.isSquare else { throw .notSquare(operation: "Cholesky factorisation", shape: matrix.shape) }
        try matrix.checkFinite()
        let n = matrix.rows
        var lower = matrix
        if n > 0 {
            let info = lower.values.withUnsafeMutableBufferPointer { a in
                LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, 76 /* L */, LapackInt(n), a.baseAddress, LapackInt(n))
            }
            if info < 0 { throw .lapackArgument(routine: "dpotrf", position: Int(-info)) }
            if info > 0 { throw .notPositiveDefinite(column: Int(info)) }
        }
        for j in 0..<n {
            for i in 0..<j { lower[i, j] = 0 }
        }
        self.order = n
        self.lower = lower
    }

    /// Solves C·x = b with the factors (`dpotrs`). - Complexity: O(n²).
    public func solve(_ rightHandSide: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard rightHandSide.count == order else {
            throw .dimensionMismatch(operation: "Cholesky solve", left: lower.shape, right: .init(rows: rightHandSide.count, columns: 1))
        }
        var x = rightHandSide
        guard order > 0 else { return x }
        let info = lower.values.withUnsafeBufferPointer { a in
            x.withUnsafeMutableBufferPointer { b in
                LAPACKE_dpotrs_work(LAPACK_COL_MAJOR, 76, LapackInt(order), 1, a.baseAddress, LapackInt(order), b.baseAddress, LapackInt(order))
            }
        }
        if info < 0 { throw .lapackArgument(routine: "dpotrs", position: Int(-info)) }
        return x
    }

    /// L·Lᵀ, the reconstructed matrix (for checks).
    public var reconstructed: Matrix {
        (try? lower.multiplied(by: lower, transposeOther: .transposed)) ?? lower
    }
}
