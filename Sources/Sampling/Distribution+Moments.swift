import Foundation

extension Distribution {
    /// E[X], by closed form:
    /// normal μ; lognormal exp(μ + σ²/2); uniform (a + b)/2; triangular (a + c + b)/3;
    /// beta on [a, b] a + (b − a)·α/(α + β) (PERT: (a + λc + b)/(λ + 2)); discrete Σ pᵢxᵢ.
    /// - Complexity: O(1), O(n) for discrete.
    public var mean: Double {
        switch prepared {
        case let .scaledBeta(alpha, beta, lower, width, _, _):
            return lower + width * alpha / (alpha + beta)
        case let .discrete(sortedValues, _, probabilities):
            var sum = 0.0
            for (value, probability) in zip(sortedValues, probabilities) { sum += probability * value }
            return sum
        case .closedForm:
            break
        }
        switch family {
        case let .constant(value): return value
        case let .normal(mean, _): return mean
        case let .lognormal(mu, sigma): return exp(mu + 0.5 * sigma * sigma)
        case let .uniform(lower, upper): return 0.5 * (lower + upper)
        case let .triangular(lower, mode, upper): return (lower + mode + upper) / 3
        case .pert, .beta, .discrete: return .nan  // handled through `prepared` above
        }
    }

    /// Var[X], by closed form:
    /// normal σ²; lognormal (e^{σ²} − 1)·e^{2μ + σ²}; uniform (b − a)²/12;
    /// triangular (a² + b² + c² − ab − ac − bc)/18; beta on [a, b]
    /// (b − a)²·αβ/((α + β)²(α + β + 1)); discrete Σ pᵢ(xᵢ − mean)².
    /// - Complexity: O(1), O(n) for discrete.
    public var variance: Double {
        switch prepared {
        case let .scaledBeta(alpha, beta, _, width, _, _):
            let sum = alpha + beta
            return width * width * alpha * beta / (sum * sum * (sum + 1))
        case let .discrete(sortedValues, _, probabilities):
            let mean = self.mean
            var sum = 0.0
            for (value, probability) in zip(sortedValues, probabilities) {
                sum += probability * (value - mean) * (value - mean)
            }
            return sum
        case .closedForm:
            break
        }
        switch family {
        case .constant: return 0
        case let .normal(_, sd): return sd * sd
        case let .lognormal(mu, sigma):
            let s2 = sigma * sigma
            return expm1(s2) * exp(2 * mu + s2)
        case let .uniform(lower, upper): return (upper - lower) * (upper - lower) / 12
        case let .triangular(a, c, b):
            return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
        case .pert, .beta, .discrete: return .nan  // handled through `prepared` above
        }
    }

    /// √Var[X].
    public var standardDeviation: Double { variance.squareRoot() }
}
