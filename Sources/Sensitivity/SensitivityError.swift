/// Errors of the sensitivity library: a design or an analysis asked for with sizes or values
/// it cannot work with. Each description says what to change.
public enum SensitivityError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A count (base samples, trajectories, resamples, levels) is outside its allowed range.
    case countOutOfRange(name: String, value: Int, allowed: ClosedRange<Int>)
    /// More dimensions than the embedded Sobol' direction numbers cover.
    case tooManyDimensions(requested: Int, maximum: Int)
    /// Factor groups that do not cover every input exactly once, or an empty group.
    case invalidGroups(String)
    /// Outputs whose count does not match the design (expected rows, given values).
    case outputCountMismatch(expected: Int, actual: Int)
    /// A value that must be finite, or inside an interval, is not.
    case valueOutOfRange(name: String, value: Double, interval: String)
    /// A data matrix with no rows, no columns or non-finite values.
    case invalidData(String)

    public var description: String {
        switch self {
        case let .countOutOfRange(name, value, allowed):
            return "\(name) is \(value); it must be between \(allowed.lowerBound) and \(allowed.upperBound)"
        case let .tooManyDimensions(requested, maximum):
            return "the design needs \(requested) Sobol' dimensions but at most \(maximum) are available; group inputs (--by group) or hold some at constants"
        case let .invalidGroups(reason): return "invalid factor groups: \(reason)"
        case let .outputCountMismatch(expected, actual):
            return "the design has \(expected) rows but \(actual) outputs were given; evaluate every row of the design once"
        case let .valueOutOfRange(name, value, interval):
            return "\(name) is \(value); it must be in \(interval)"
        case let .invalidData(reason): return "invalid data: \(reason)"
        }
    }
}
