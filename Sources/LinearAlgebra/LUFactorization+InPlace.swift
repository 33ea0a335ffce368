import CBLASLapack

extension LUFactorization {
    /// Factors the column-major `order × order` matrix at `matrix` in place (dgetrf, `_work`
    /// variant: no NaN scan), writing the row interchanges to `pivots` (sized for `order`). For hot loops that
    /// reuse their buffers (a Monte Carlo draw re-solving a small model); inputs must already
    /// be checked finite by the caller.
    /// - Throws: `singular(pivot:)`.
    /// - Complexity: O(n³).
    package static func factorInPlace(
        _ matrix: UnsafeMutablePointer<Double>, order: Int, pivots: inout LUPivots
    ) throws(LinearAlgebraError) {
        let info = pivots.rowInterchanges.withUnsafeMutableBufferPointer { ipiv in
            LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, LapackInt(order), LapackInt(order), matrix, LapackInt(order), ipiv.baseAddress)
        }
        if info < 0 { throw .lapackArgument(routine: "dgetrf", position: Int(-info)) }
        if info > 0 { throw .singular(pivot: Int(info)) }
    }

    /// Solves with factors from `factorInPlace` for `columns` right-hand sides stored
    /// column-major at `rightHandSides` (dgetrs, `_work` variant). - Complexity: O(n²·columns).
    package static func solveInPlace(
        factors: UnsafePointer<Double>, order: Int, pivots: LUPivots,
        rightHandSides: UnsafeMutablePointer<Double>, columns: Int, transpose: Transpose = .none
    ) {
        pivots.rowInterchanges.withUnsafeBufferPointer { ipiv in
            _ = LAPACKE_dgetrs_work(
                LAPACK_COL_MAJOR, transpose == .none ? 78 : 84, LapackInt(order), LapackInt(columns),
                factors, LapackInt(order), ipiv.baseAddress, rightHandSides, LapackInt(order))
        }
    }
}
