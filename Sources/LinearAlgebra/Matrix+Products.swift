import CBLASLapack

/// Whether an operand enters a product as itself or transposed.
public enum Transpose: Sendable {
    case none, transposed

    var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
}

extension Matrix {
    /// op(A)·op(B) through BLAS `dgemm` (column-major, no copies).
    ///
    /// - Parameters:
    ///   - other: B.
    ///   - transposeSelf: whether op(A) = Aᵀ.
    ///   - transposeOther: whether op(B) = Bᵀ.
    /// - Throws: `dimensionMismatch` with both shapes when the inner dimensions differ.
    /// - Complexity: O(m·n·k) flops for an m×k times k×n product.
    public func multiplied(
        by other: Matrix, transposeSelf: Transpose = .none, transposeOther: Transpose = .none
    ) throws(LinearAlgebraError) -> Matrix {
        let (m, kLeft) = transposeSelf == .none ? (rows, columns) : (columns, rows)
        let (kRight, n) = transposeOther == .none ? (other.rows, other.columns) : (other.columns, other.rows)
        guard kLeft == kRight else {
            throw .dimensionMismatch(operation: "matrix product", left: .init(rows: m, columns: kLeft), right: .init(rows: kRight, columns: n))
        }
        var result = Matrix(rows: m, columns: n)
        guard m > 0, n > 0 else { return result }
        if kLeft == 0 { return result }
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                result.values.withUnsafeMutableBufferPointer { c in
                    cblas_dgemm(
                        CblasColMajor, transposeSelf.cblas, transposeOther.cblas,
                        Int32(m), Int32(n), Int32(kLeft), 1.0,
                        a.baseAddress, Int32(max(rows, 1)),
                        b.baseAddress, Int32(max(other.rows, 1)),
                        0.0, c.baseAddress, Int32(max(m, 1)))
                }
            }
        }
        return result
    }

    /// op(A)·x through BLAS `dgemv`.
    /// - Throws: `dimensionMismatch` when `x.count` does not match op(A)'s columns.
    /// - Complexity: O(rows · columns).
    public func multiplied(by vector: [Double], transpose: Transpose = .none) throws(LinearAlgebraError) -> [Double] {
        let (m, n) = transpose == .none ? (rows, columns) : (columns, rows)
        guard vector.count == n else {
            throw .dimensionMismatch(operation: "matrix-vector product", left: .init(rows: m, columns: n), right: .init(rows: vector.count, columns: 1))
        }
        var result = [Double](repeating: 0, count: m)
        guard m > 0, n > 0 else { return result }
        values.withUnsafeBufferPointer { a in
            vector.withUnsafeBufferPointer { x in
                result.withUnsafeMutableBufferPointer { y in
                    cblas_dgemv(
                        CblasColMajor, transpose.cblas, Int32(rows), Int32(columns), 1.0,
                        a.baseAddress, Int32(max(rows, 1)), x.baseAddress, 1, 0.0, y.baseAddress, 1)
                }
            }
        }
        return result
    }
}

/// Raw `C ← α·op(A)·op(B) + β·C` on column-major buffers, for hot loops that reuse
/// their buffers (the Monte Carlo engine's block evaluation). Dimensions are the
/// caller's responsibility: it is internal-facing API, not for user data.
///
/// - Complexity: O(m·n·k).
@inlinable
package func generalMatrixMultiply(
    transposeA: Transpose, transposeB: Transpose, m: Int, n: Int, k: Int,
    alpha: Double, a: UnsafePointer<Double>, leadingA: Int,
    b: UnsafePointer<Double>, leadingB: Int,
    beta: Double, c: UnsafeMutablePointer<Double>, leadingC: Int
) {
    cblas_dgemm(
        CblasColMajor, transposeA == .none ? CblasNoTrans : CblasTrans,
        transposeB == .none ? CblasNoTrans : CblasTrans,
        Int32(m), Int32(n), Int32(k), alpha, a, Int32(leadingA), b, Int32(leadingB), beta, c, Int32(leadingC))
}
