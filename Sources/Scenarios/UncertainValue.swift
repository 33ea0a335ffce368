import Sampling

/// A number in a scenario: a constant, or a distribution that the Monte Carlo samples.
///
/// In the file a constant is a plain number (`shift = 0.4`) or `{ dist = "constant",
/// value = 0.4, source = "…" }`; anything else is an inline table with `dist` and the
/// distribution's parameters (see docs/scenario-format.md, "Uncertain amounts").
public enum UncertainValue: Sendable, Equatable, CustomStringConvertible {
    case constant(Double)
    case distribution(Distribution)

    /// The value of a constant; E[X] of a distribution (closed form, `Distribution.mean`).
    public var mean: Double {
        switch self {
        case let .constant(value): value
        case let .distribution(distribution): distribution.mean
        }
    }

    /// True for `.constant` and for a distribution of the `.constant` family. Degenerate
    /// distributions (`sd = 0`, `min = max`) stay distributions: they are sampled (always
    /// giving the same value) and keep their place among the uncertain parameters, so that
    /// widening them later does not renumber the others.
    public var isConstant: Bool {
        switch self {
        case .constant: true
        case let .distribution(distribution):
            if case .constant = distribution.family { true } else { false }
        }
    }

    public var description: String {
        switch self {
        case let .constant(value): "\(value)"
        case let .distribution(distribution): distribution.description
        }
    }
}

/// One value of a scenario with its key path, for the Monte Carlo engine and for naming
/// parameters in `[correlation]`.
public struct UncertainParameter: Sendable, Equatable {
    /// The key path as the spec names it: `baseline.industry`, `baseline.tax_elasticity`,
    /// `levers.tourism.amount`, `levers.tourism.exports_growth_pp`, `indicators.exports`.
    public let id: String
    public let value: UncertainValue
    /// The line where the value is given.
    public let line: Int

    public init(id: String, value: UncertainValue, line: Int) {
        self.id = id
        self.value = value
        self.line = line
    }
}
