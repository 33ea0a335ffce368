/// What can go wrong while estimating, conditioning or scoring a forecast. Each case says
/// what is missing or wrong and, where it helps, how to fix it.
public enum ForecastingError: Error, Equatable, CustomStringConvertible, Sendable {
    /// Too few observations known at the forecast origin to estimate a model.
    case insufficientHistory(model: String, year: Int, observations: Int, needed: Int)
    /// A series value needed for the forecast is not published by the origin.
    case missingObservation(what: String, year: Int, asOf: String)
    /// The regressors are collinear (XᵀX not positive definite).
    case singularDesign(model: String)
    /// An argument out of its domain (a standard deviation ≤ 0, a probability outside [0, 1], …).
    case invalidArgument(name: String, value: Double, expected: String)
    /// Observed quarters that cannot be conditioned on (more than 3, or not finite).
    case invalidObservation(reason: String)

    public var description: String {
        switch self {
        case let .insufficientHistory(model, year, observations, needed):
            "the \(model) baseline for \(year) needs at least \(needed) years of published history before \(year); \(observations) are known"
        case let .missingObservation(what, year, asOf):
            "\(what) of \(year) is not published by \(asOf)"
        case let .singularDesign(model):
            "the \(model) baseline cannot be estimated: its regressors are collinear on the history available"
        case let .invalidArgument(name, value, expected):
            "\(name) = \(value) is invalid: expected \(expected)"
        case let .invalidObservation(reason):
            "published quarters: \(reason)"
        }
    }
}
