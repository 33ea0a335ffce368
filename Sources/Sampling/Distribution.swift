import Foundation

/// A validated probability distribution of one uncertain parameter.
///
/// Every draw is made through `quantile(_:)` (the inverse CDF) applied to a uniform, so
/// plain Monte Carlo, Latin hypercube and the Gaussian copula all work for every family.
/// A `Distribution` can only be built through the throwing initialiser or the static
/// factories, which check the parameters once; afterwards `quantile`, `cdf`, `mean` and
/// `variance` never fail.
///
/// ```swift
/// let tfp = try Distribution.pert(lower: 0.5, mode: 1.2, upper: 2.0)
/// let fdi = try Distribution.lognormal(mean: 3.1, standardDeviation: 0.6)
/// let x = tfp.quantile(0.95)       // the 95th percentile
/// ```
public struct Distribution: Sendable, Equatable, CustomStringConvertible {
    /// The families and their parameters, as given by the user.
    public enum Family: Sendable, Equatable {
        /// A fixed value (a lever the scenario pins).
        case constant(Double)
        /// N(mean, standardDeviation²); standardDeviation ≥ 0 (0 is a point mass).
        case normal(mean: Double, standardDeviation: Double)
        /// exp(N(logMean, logStandardDeviation²)): μ and σ of ln X, σ ≥ 0.
        case lognormal(logMean: Double, logStandardDeviation: Double)
        /// Uniform on [lower, upper].
        case uniform(lower: Double, upper: Double)
        /// Triangular on [lower, upper] with peak at mode.
        case triangular(lower: Double, mode: Double, upper: Double)
        /// Vose's modified PERT: Beta(α, β) scaled to [lower, upper] with
        /// α = 1 + shape·(mode − lower)/(upper − lower), β = 1 + shape·(upper − mode)/(upper − lower);
        /// shape λ = 4 is the classic PERT (mean (lower + 4·mode + upper)/6).
        case pert(lower: Double, mode: Double, upper: Double, shape: Double)
        /// Beta(alpha, beta) scaled from [0, 1] to [lower, upper].
        case beta(alpha: Double, beta: Double, lower: Double, upper: Double)
        /// values[i] with probability probabilities[i].
        case discrete(values: [Double], probabilities: [Double])
    }

    /// What was given, for reporting and pattern matching.
    public let family: Family
    /// Quantities derived once at validation (beta shape, sorted support, cumulative sums).
    let prepared: Prepared

    enum Prepared: Sendable, Equatable {
        case closedForm
        /// Beta(alpha, beta) on [lower, lower + width], with log B(α, β) and I_½(α, β)
        /// (which side of ½ the quantile inversion starts from).
        case scaledBeta(alpha: Double, beta: Double, lower: Double, width: Double, logBeta: Double, probabilityBelowHalf: Double)
        /// Values in increasing order and F at each (the last is exactly 1).
        case discrete(sortedValues: [Double], cumulative: [Double], probabilities: [Double])
    }

    /// Validates `family` and prepares it for sampling.
    /// - Throws: `SamplingError` naming the parameter: `nonFiniteParameter`,
    ///   `negativeParameter` (standard deviation, shape), `nonPositiveParameter` (α, β),
    ///   `boundsReversed`, `modeOutsideBounds`, `emptyList`, `lengthMismatch`,
    ///   `negativeProbability`, `probabilitiesDoNotSumToOne`.
    /// - Complexity: O(1), or O(n log n) for a discrete distribution of n values.
    public init(_ family: Family) throws(SamplingError) {
        self.family = family
        switch family {
        case let .constant(value):
            try Self.checkFinite("value", value)
            prepared = .closedForm
        case let .normal(mean, standardDeviation):
            try Self.checkFinite("mean", mean)
            try Self.checkFinite("standard deviation", standardDeviation)
            guard standardDeviation >= 0 else { throw .negativeParameter(name: "standard deviation", value: standardDeviation) }
            prepared = .closedForm
        case let .lognormal(logMean, logStandardDeviation):
            try Self.checkFinite("log mean", logMean)
            try Self.checkFinite("log standard deviation", logStandardDeviation)
            guard logStandardDeviation >= 0 else {
                throw .negativeParameter(name: "log standard deviation", value: logStandardDeviation)
            }
            prepared = .closedForm
        case let .uniform(lower, upper):
            try Self.checkBounds(lower, upper)
            prepared = .closedForm
        case let .triangular(lower, mode, upper):
            try Self.checkBounds(lower, upper, mode: mode)
            prepared = .closedForm
        case let .pert(lower, mode, upper, shape):
            try Self.checkBounds(lower, upper, mode: mode)
            try Self.checkFinite("shape", shape)
            guard shape >= 0 else { throw .negativeParameter(name: "shape", value: shape) }
            let width = upper - lower
            let alpha = width > 0 ? 1 + shape * (mode - lower) / width : 1
            let beta = width > 0 ? 1 + shape * (upper - mode) / width : 1
            prepared = Self.prepareBeta(alpha: alpha, beta: beta, lower: lower, width: width)
        case let .beta(alpha, beta, lower, upper):
            try Self.checkFinite("alpha", alpha)
            try Self.checkFinite("beta", beta)
            guard alpha > 0 else { throw .nonPositiveParameter(name: "alpha", value: alpha) }
            guard beta > 0 else { throw .nonPositiveParameter(name: "beta", value: beta) }
            try Self.checkBounds(lower, upper)
            prepared = Self.prepareBeta(alpha: alpha, beta: beta, lower: lower, width: upper - lower)
        case let .discrete(values, probabilities):
            prepared = try Self.prepareDiscrete(values: values, probabilities: probabilities)
        }
    }

    // MARK: Factories

    /// A point mass at `value`. - Throws: `nonFiniteParameter`.
    public static func constant(_ value: Double) throws(SamplingError) -> Distribution {
        try Distribution(.constant(value))
    }

    /// N(mean, standardDeviation²). - Throws: `nonFiniteParameter`, `negativeParameter`.
    public static func normal(mean: Double, standardDeviation: Double) throws(SamplingError) -> Distribution {
        try Distribution(.normal(mean: mean, standardDeviation: standardDeviation))
    }

    /// The lognormal with ln X ~ N(logMean, logStandardDeviation²).
    /// - Throws: `nonFiniteParameter`, `negativeParameter`.
    public static func lognormal(logMean: Double, logStandardDeviation: Double) throws(SamplingError) -> Distribution {
        try Distribution(.lognormal(logMean: logMean, logStandardDeviation: logStandardDeviation))
    }

    /// The lognormal whose own mean m and standard deviation s are given:
    /// σ² = ln(1 + s²/m²), μ = ln m − σ²/2 (moments of the lognormal, e.g. Johnson, Kotz &
    /// Balakrishnan 1994, ch. 14).
    /// - Throws: `nonFiniteParameter`, `nonPositiveParameter` (m ≤ 0), `negativeParameter` (s < 0).
    public static func lognormal(mean: Double, standardDeviation: Double) throws(SamplingError) -> Distribution {
        try checkFinite("mean", mean)
        try checkFinite("standard deviation", standardDeviation)
        guard mean > 0 else { throw .nonPositiveParameter(name: "mean", value: mean) }
        guard standardDeviation >= 0 else { throw .negativeParameter(name: "standard deviation", value: standardDeviation) }
        let ratio = standardDeviation / mean
        let logVariance = log1p(ratio * ratio)
        return try Distribution(.lognormal(logMean: log(mean) - 0.5 * logVariance, logStandardDeviation: logVariance.squareRoot()))
    }

    /// Uniform on [lower, upper]. - Throws: `nonFiniteParameter`, `boundsReversed`.
    public static func uniform(lower: Double, upper: Double) throws(SamplingError) -> Distribution {
        try Distribution(.uniform(lower: lower, upper: upper))
    }

    /// Triangular on [lower, upper] with mode `mode`.
    /// - Throws: `nonFiniteParameter`, `boundsReversed`, `modeOutsideBounds`.
    public static func triangular(lower: Double, mode: Double, upper: Double) throws(SamplingError) -> Distribution {
        try Distribution(.triangular(lower: lower, mode: mode, upper: upper))
    }

    /// Vose's modified PERT on [lower, upper] with mode `mode` and shape λ (default 4).
    /// - Throws: `nonFiniteParameter`, `boundsReversed`, `modeOutsideBounds`, `negativeParameter` (λ < 0).
    public static func pert(lower: Double, mode: Double, upper: Double, shape: Double = 4) throws(SamplingError) -> Distribution {
        try Distribution(.pert(lower: lower, mode: mode, upper: upper, shape: shape))
    }

    /// Beta(alpha, beta) scaled to [lower, upper] (default [0, 1]).
    /// - Throws: `nonFiniteParameter`, `nonPositiveParameter`, `boundsReversed`.
    public static func beta(alpha: Double, beta: Double, lower: Double = 0, upper: Double = 1) throws(SamplingError) -> Distribution {
        try Distribution(.beta(alpha: alpha, beta: beta, lower: lower, upper: upper))
    }

    /// `values[i]` with probability `probabilities[i]` (duplicates allowed, order free).
    /// - Throws: `emptyList`, `lengthMismatch`, `nonFiniteParameter`, `negativeProbability`,
    ///   `probabilitiesDoNotSumToOne` (tolerance 1e-9).
    public static func discrete(values: [Double], probabilities: [Double]) throws(SamplingError) -> Distribution {
        try Distribution(.discrete(values: values, probabilities: probabilities))
    }

    // MARK: Validation

    static func checkFinite(_ name: String, _ value: Double) throws(SamplingError) {
        guard value.isFinite else { throw .nonFiniteParameter(name: name, value: value) }
    }

    static func checkBounds(_ lower: Double, _ upper: Double, mode: Double? = nil) throws(SamplingError) {
        try checkFinite("lower", lower)
        try checkFinite("upper", upper)
        if let mode { try checkFinite("mode", mode) }
        guard lower <= upper else { throw .boundsReversed(lower: lower, upper: upper) }
        try checkFinite("upper − lower", upper - lower)
        if let mode, !(lower <= mode && mode <= upper) {
            throw .modeOutsideBounds(mode: mode, lower: lower, upper: upper)
        }
    }

    static func prepareBeta(alpha: Double, beta: Double, lower: Double, width: Double) -> Prepared {
        let logBeta = IncompleteBeta.logBeta(alpha, beta)
        return .scaledBeta(
            alpha: alpha, beta: beta, lower: lower, width: width, logBeta: logBeta,
            probabilityBelowHalf: IncompleteBeta.regularized(0.5, a: alpha, b: beta, logBeta: logBeta))
    }

    static func prepareDiscrete(values: [Double], probabilities: [Double]) throws(SamplingError) -> Prepared {
        guard !values.isEmpty else { throw .emptyList(name: "values") }
        guard probabilities.count == values.count else {
            throw .lengthMismatch(name: "probabilities", expected: values.count, actual: probabilities.count)
        }
        var total = 0.0
        for (index, value) in values.enumerated() {
            try checkFinite("value \(index + 1)", value)
            let probability = probabilities[index]
            try checkFinite("probability \(index + 1)", probability)
            guard probability >= 0 else { throw .negativeProbability(index: index, value: probability) }
            total += probability
        }
        guard abs(total - 1) <= 1e-9 else { throw .probabilitiesDoNotSumToOne(sum: total) }
        let order = values.indices.sorted { values[$0] < values[$1] }
        var sortedValues = [Double](), sortedProbabilities = [Double](), cumulative = [Double]()
        sortedValues.reserveCapacity(values.count)
        sortedProbabilities.reserveCapacity(values.count)
        cumulative.reserveCapacity(values.count)
        var runningSum = 0.0
        for index in order {
            sortedValues.append(values[index])
            sortedProbabilities.append(probabilities[index] / total)
            runningSum += probabilities[index]
            cumulative.append(min(1, runningSum / total))
        }
        cumulative[cumulative.count - 1] = 1
        return .discrete(sortedValues: sortedValues, cumulative: cumulative, probabilities: sortedProbabilities)
    }

    // MARK: Description

    public var description: String {
        switch family {
        case let .constant(value): return "constant(\(value))"
        case let .normal(mean, sd): return "normal(mean: \(mean), sd: \(sd))"
        case let .lognormal(mu, sigma): return "lognormal(logMean: \(mu), logSD: \(sigma))"
        case let .uniform(lower, upper): return "uniform(\(lower), \(upper))"
        case let .triangular(lower, mode, upper): return "triangular(\(lower), \(mode), \(upper))"
        case let .pert(lower, mode, upper, shape): return "pert(\(lower), \(mode), \(upper), shape: \(shape))"
        case let .beta(alpha, beta, lower, upper): return "beta(α: \(alpha), β: \(beta), on [\(lower), \(upper)])"
        case let .discrete(values, probabilities):
            return "discrete(" + zip(values, probabilities).map { "\($0): \($1)" }.joined(separator: ", ") + ")"
        }
    }
}
