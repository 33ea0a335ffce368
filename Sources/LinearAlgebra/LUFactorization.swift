import CBLASLapack
import Foundation

/// The LU factorisation P·A = L·U of a square matrix (LAPACK `dgetrf`), kept so that
/// many right-hand sides can be solved without refactoring.
///
/// Factor once in O(n³) (≈ 2n³/3 flops), then each solve costs O(n²) per right-hand
/// side (`dgetrs`). The `_work` LAPACKE variants are used throughout: inputs are
/// checked for NaN/∞ once here, at construction, instead of on every call.
///
/// ```swift
/// let lu = try LUFactorization(of: leontiefMatrix)       // I − A
/// let output = try lu.solve(finalDemand)                  // x = (I − A)⁻¹ f
/// if lu.reciprocalConditionNumber < 1e-12 { /* warn */ }
/// ```
public struct LUFactorization: Sendable {
    /// Order of the factored matrix.
    public let order: Int
    /// L (unit lower, below the diagonal) and U (upper), packed column-major as LAPACK returns them.
    public let factors: Matrix
    /// LAPACK's 1-based row interchanges (in the C layer's integer type: not public).
    let pivots: [LapackInt]
    /// ‖A‖₁ of the original matrix, kept for the condition estimate.
    public let oneNormOfOriginal: Double

    /// Factors `matrix`.
    /// - Throws: `notSquare`, `nonFinite` (with the entry) or `singular(pivot:)` when
    ///   U has an exactly zero pivot.
    /// A matrix passed as a temporary (`LUFactorization(of: a.identityMinus())`) is
    /// factored in its own storage, without a copy.
    public init(of matrix: consuming Matrix) throws(LinearAlgebraError) {
        guard matrix.isSquare else { throw .notSquare(operation: "LU factorisation", shape: matrix.shape) }
        let oneNorm = try matrix.finiteOneNorm()
        let n = matrix.rows
        var factors = consume matrix
        var pivots = [LapackInt](repeating: 0, count: n)
        var info: LapackInt = 0
        if n > 0 {
            info = factors.values.withUnsafeMutableBufferPointer { a in
                pivots.withUnsafeMutableBufferPointer { ipiv in
                    LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, LapackInt(n), LapackInt(n), a.baseAddress, LapackInt(n), ipiv.baseAddress)
                }
            }
        }
        if info < 0 { throw .lapackArgument(routine: "dgetrf", position: Int(-info)) }
        if info > 0 { throw .singular(pivot: Int(info)) }
        self.order = n
        self.factors = factors
        self.pivots = pivots
        self.oneNormOfOriginal = oneNorm
    }

    /// Solves A·x = b (or Aᵀ·x = b) for one right-hand side. - Complexity: O(n²).
    public func solve(_ rightHandSide: [Double], transpose: Transpose = .none) throws(LinearAlgebraError) -> [Double] {
        guard rightHandSide.count == order else {
            throw .dimensionMismatch(operation: "LU solve", left: factors.shape, right: .init(rows: rightHandSide.count, columns: 1))
        }
        var solution = rightHandSide
        try solveInPlace(&solution, columns: 1, transpose: transpose)
        return solution
    }

    /// Solves A·X = B (or Aᵀ·X = B) for all columns of B at once (`dgetrs`).
    /// - Complexity: O(n² · B.columns).
    public func solve(_ rightHandSides: Matrix, transpose: Transpose = .none) throws(LinearAlgebraError) -> Matrix {
        guard rightHandSides.rows == order else {
            throw .dimensionMismatch(operation: "LU solve", left: factors.shape, right: rightHandSides.shape)
        }
        var solution = rightHandSides
        try solveInPlace(&solution.values, columns: rightHandSides.columns, transpose: transpose)
        return solution
    }

    /// Solves in place on a column-major `order × columns` buffer. This is the hot-path
    /// entry (no allocation); `buffer.count` must be `order * columns`.
    public func solveInPlace(_ buffer: inout [Double], columns: Int, transpose: Transpose = .none) throws(LinearAlgebraError) {
        guard buffer.count == order * columns else {
            throw .dimensionMismatch(operation: "LU solve", left: factors.shape, right: .init(rows: buffer.count / max(columns, 1), columns: columns))
        }
        guard order > 0, columns > 0 else { return }
        let trans: CChar = transpose == .none ? 78 /* N */ : 84 /* T */
        let info = factors.values.withUnsafeBufferPointer { a in
            pivots.withUnsafeBufferPointer { ipiv in
                buffer.withUnsafeMutableBufferPointer { b in
                    LAPACKE_dgetrs_work(
                        LAPACK_COL_MAJOR, trans, LapackInt(order), LapackInt(columns),
                        a.baseAddress, LapackInt(order), ipiv.baseAddress, b.baseAddress, LapackInt(order))
                }
            }
        }
        if info < 0 { throw .lapackArgument(routine: "dgetrs", position: Int(-info)) }
    }

    /// A⁻¹ through `dgetri` (with LAPACK's workspace query). Form it only when the
    /// whole inverse is needed (e.g. all multipliers); otherwise `solve`.
    /// - Complexity: O(n³) (≈ 4n³/3 flops after the factorisation).
    public func inverse() throws(LinearAlgebraError) -> Matrix {
        var inverse = factors
        guard order > 0 else { return inverse }
        var query = 0.0
        let n = LapackInt(order)
        var info = inverse.values.withUnsafeMutableBufferPointer { a in
            pivots.withUnsafeBufferPointer { ipiv in
                LAPACKE_dgetri_work(LAPACK_COL_MAJOR, n, a.baseAddress, n, ipiv.baseAddress, &query, -1)
            }
        }
        var work = [Double](repeating: 0, count: max(Int(query), order))
        let workCount = LapackInt(work.count)
        info = inverse.values.withUnsafeMutableBufferPointer { a in
            pivots.withUnsafeBufferPointer { ipiv in
                work.withUnsafeMutableBufferPointer { w in
                    LAPACKE_dgetri_work(LAPACK_COL_MAJOR, n, a.baseAddress, n, ipiv.baseAddress, w.baseAddress, workCount)
                }
            }
        }
        if info < 0 { throw .lapackArgument(routine: "dgetri", position: Int(-info)) }
        if info > 0 { throw .singular(pivot: Int(info)) }
        return inverse
    }

    /// det(A) = (−1)^(row swaps) · Πᵢ Uᵢᵢ. May over- or underflow for large n; use
    /// `logAbsoluteDeterminant` there. - Complexity: O(n).
    public var determinant: Double {
        var det = 1.0
        for i in 0..<order {
            det *= factors[i, i]
            if pivots[i] != LapackInt(i + 1) { det = -det }
        }
        return det
    }

    /// log|det(A)| = Σᵢ log|Uᵢᵢ|, safe from overflow.
    public var logAbsoluteDeterminant: Double {
        (0..<order).reduce(0.0) { $0 + log(abs(factors[$1, $1])) }
    }

    /// An estimate of 1/κ₁(A) = 1/(‖A‖₁‖A⁻¹‖₁) from `dgecon` (Higham's estimator).
    /// Values near machine epsilon (≈ 1e-16) mean the solves have lost almost all
    /// digits; callers warn below a threshold such as 1e-12. - Complexity: O(n²).
    public var reciprocalConditionNumber: Double {
        guard order > 0 else { return 1 }
        var rcond = 0.0
        var work = [Double](repeating: 0, count: 4 * order)
        var iwork = [LapackInt](repeating: 0, count: order)
        let info = factors.values.withUnsafeBufferPointer { a in
            work.withUnsafeMutableBufferPointer { w in
                iwork.withUnsafeMutableBufferPointer { iw in
                    LAPACKE_dgecon_work(
                        LAPACK_COL_MAJOR, 49 /* "1" */, LapackInt(order), a.baseAddress, LapackInt(order),
                        oneNormOfOriginal, &rcond, w.baseAddress, iw.baseAddress)
                }
            }
        }
        return info == 0 ? rcond : 0
    }
}
