/// Everything that can go wrong in the linear algebra layer, with what a caller
/// needs to report it. LAPACK's `info` codes are mapped here; nothing in this
/// module traps on user data.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The operands' shapes do not fit `operation` (e.g. `A·B` with `A.columns != B.rows`).
    case dimensionMismatch(operation: String, left: Shape, right: Shape)
    /// A values array's length does not match the requested shape.
    case storageSize(expected: Int, actual: Int)
    /// A square matrix was required.
    case notSquare(operation: String, shape: Shape)
    /// LU factorisation found an exactly zero pivot `U[pivot, pivot]` (1-based, as LAPACK reports it).
    case singular(pivot: Int)
    /// Cholesky found that the leading minor of order `column` (1-based) is not positive.
    case notPositiveDefinite(column: Int)
    /// An input entry is NaN or infinite (0-based row and column).
    case nonFinite(row: Int, column: Int, value: Double)
    /// A non-negative matrix was required (e.g. for the Hawkins–Simon check).
    case negativeEntry(row: Int, column: Int, value: Double)
    /// LAPACK rejected an argument (a bug in this module, reported rather than trapped).
    case lapackArgument(routine: String, position: Int)
    /// An iterative routine (e.g. the QR algorithm in dgeev) did not converge.
    case noConvergence(routine: String, info: Int)

    /// Rows × columns, printed as `3×4`.
    public struct Shape: Equatable, Sendable, CustomStringConvertible {
        public let rows: Int
        public let columns: Int
        public init(rows: Int, columns: Int) {
            self.rows = rows
            self.columns = columns
        }
        public var description: String { "\(rows)×\(columns)" }
    }

    public var description: String {
        switch self {
        case let .dimensionMismatch(operation, left, right):
            return "dimension mismatch in \(operation): \(left) and \(right) do not fit"
        case let .storageSize(expected, actual):
            return "matrix values holds \(actual) values but the shape needs \(expected)"
        case let .notSquare(operation, shape):
            return "\(operation) needs a square matrix, got \(shape)"
        case let .singular(pivot):
            return "matrix is singular: zero pivot at position \(pivot) of the LU factorisation"
        case let .notPositiveDefinite(column):
            return "matrix is not positive definite: the leading minor of order \(column) is not positive"
        case let .nonFinite(row, column, value):
            return "non-finite value \(value) at row \(row + 1), column \(column + 1)"
        case let .negativeEntry(row, column, value):
            return "negative value \(value) at row \(row + 1), column \(column + 1) where a non-negative matrix is required"
        case let .lapackArgument(routine, position):
            return "internal error: \(routine) rejected argument \(position)"
        case let .noConvergence(routine, info):
            return "\(routine) did not converge (info = \(info))"
        }
    }
}
