/// Everything that can go wrong when building a sampler, a distribution or a summary
/// from user input. Each case carries the parameter's name and the offending value, and
/// its `description` is one line saying what to change. Nothing in this module traps
/// on user data: constructors validate once and throw these instead.
///
/// Indices carried by the cases are 0-based (as the Swift API takes them) and printed
/// 1-based in `description` (as a user reads a scenario file or a matrix).
public enum SamplingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A parameter is NaN or infinite.
    case nonFiniteParameter(name: String, value: Double)
    /// A parameter that must be ≥ 0 is negative (a standard deviation, a PERT shape).
    case negativeParameter(name: String, value: Double)
    /// A parameter that must be > 0 is zero or negative (beta α, β; a lognormal's mean).
    case nonPositiveParameter(name: String, value: Double)
    /// A parameter lies outside the open or closed interval it must lie in
    /// (`interval` is written as in mathematics, e.g. "(0, 1)").
    case parameterOutOfRange(name: String, value: Double, interval: String)
    /// `lower > upper`.
    case boundsReversed(lower: Double, upper: Double)
    /// A triangular or PERT mode outside `[lower, upper]`.
    case modeOutsideBounds(mode: Double, lower: Double, upper: Double)
    /// A list that must not be empty is empty (a discrete distribution's values).
    case emptyList(name: String)
    /// Two lists that must have equal length do not (values and probabilities), or a
    /// buffer does not have the size an operation needs.
    case lengthMismatch(name: String, expected: Int, actual: Int)
    /// A discrete probability is negative (0-based `index`).
    case negativeProbability(index: Int, value: Double)
    /// Discrete probabilities do not sum to 1 within 1e-9.
    case probabilitiesDoNotSumToOne(sum: Double)
    /// A correlation matrix is not square.
    case correlationNotSquare(rows: Int, columns: Int)
    /// A correlation entry is NaN or infinite (0-based row and column).
    case correlationNonFinite(row: Int, column: Int, value: Double)
    /// `C[row, column]` and `C[column, row]` differ by more than 1e-12.
    case correlationNotSymmetric(row: Int, column: Int, value: Double, transposedValue: Double)
    /// A diagonal entry differs from 1 by more than 1e-12 (0-based `index`).
    case correlationDiagonalNotOne(index: Int, value: Double)
    /// An off-diagonal entry lies outside [−1, 1].
    case correlationOutOfRange(row: Int, column: Int, value: Double)
    /// The correlation matrix is not positive definite: the Cholesky factorisation
    /// failed at 0-based `column` (the leading minor of order `column + 1` is not positive).
    case correlationNotPositiveDefinite(column: Int)
    /// An index (a draw, a dimension) lies outside `0..<count`.
    case indexOutOfRange(name: String, value: Int, count: Int)
    /// A count (of draws, of dimensions) is not positive.
    case nonPositiveCount(name: String, value: Int)
    /// Two summaries with different settings (relative accuracy, threshold) cannot be merged.
    case incompatibleMerge(name: String, value: Double, otherValue: Double)
    /// A stored summary state (a shard's or a checkpoint's) that ends early or holds an
    /// impossible value.
    case corruptState(String)

    public var description: String {
        switch self {
        case let .nonFiniteParameter(name, value):
            return "\(name) is \(value); give a finite number"
        case let .negativeParameter(name, value):
            return "\(name) is \(value); it must be zero or positive"
        case let .nonPositiveParameter(name, value):
            return "\(name) is \(value); it must be strictly positive"
        case let .parameterOutOfRange(name, value, interval):
            return "\(name) is \(value); it must lie in \(interval)"
        case let .boundsReversed(lower, upper):
            return "lower bound \(lower) is above upper bound \(upper); swap them or fix one"
        case let .modeOutsideBounds(mode, lower, upper):
            return "mode \(mode) lies outside [\(lower), \(upper)]; move it between the bounds"
        case let .emptyList(name):
            return "\(name) is empty; give at least one entry"
        case let .lengthMismatch(name, expected, actual):
            return "\(name) has \(actual) entries but \(expected) are needed; make the lengths agree"
        case let .negativeProbability(index, value):
            return "probability \(index + 1) is \(value); probabilities must be zero or positive"
        case let .probabilitiesDoNotSumToOne(sum):
            return "probabilities sum to \(sum); they must sum to 1 (within 1e-9)"
        case let .correlationNotSquare(rows, columns):
            return "correlation matrix is \(rows)×\(columns); it must be square, one row and column per parameter"
        case let .correlationNonFinite(row, column, value):
            return "correlation at row \(row + 1), column \(column + 1) is \(value); give a finite number in [-1, 1]"
        case let .correlationNotSymmetric(row, column, value, transposedValue):
            return "correlation matrix is not symmetric: entry (\(row + 1), \(column + 1)) is \(value) but (\(column + 1), \(row + 1)) is \(transposedValue); make them equal"
        case let .correlationDiagonalNotOne(index, value):
            return "correlation diagonal entry \(index + 1) is \(value); every diagonal entry must be 1"
        case let .correlationOutOfRange(row, column, value):
            return "correlation at row \(row + 1), column \(column + 1) is \(value); correlations must lie in [-1, 1]"
        case let .correlationNotPositiveDefinite(column):
            return "correlation matrix is not positive definite (Cholesky fails at column \(column + 1)); the correlations involving parameter \(column + 1) contradict the earlier ones — weaken them"
        case let .indexOutOfRange(name, value, count):
            return "\(name) \(value) is out of range; it must lie in 0..<\(count)"
        case let .nonPositiveCount(name, value):
            return "\(name) is \(value); it must be at least 1"
        case let .corruptState(reason):
            return "the stored state is corrupted: \(reason)"
        case let .incompatibleMerge(name, value, otherValue):
            return "cannot merge summaries with \(name) \(value) and \(otherValue); build both with the same \(name)"
        }
    }
}
