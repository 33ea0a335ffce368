import Foundation

extension Distribution {
    /// The quantile function (inverse CDF) Q(p) = inf{x : F(x) ≥ p}: the only way draws are
    /// made (`quantile(u)` with u uniform on (0, 1) has this distribution).
    ///
    /// Formulas, with Φ⁻¹ from `StandardNormal.quantile` (AS241):
    /// - normal: μ + σ·Φ⁻¹(p); lognormal: exp(μ + σ·Φ⁻¹(p));
    /// - uniform: a + p·(b − a);
    /// - triangular (a, c, b), F(c) = (c − a)/(b − a): a + √(p(b − a)(c − a)) for p < F(c),
    ///   b − √((1 − p)(b − a)(b − c)) otherwise;
    /// - PERT and beta: a + (b − a)·I⁻¹ₚ(α, β) (`IncompleteBeta.inverse`);
    /// - discrete: the smallest value whose cumulative probability reaches p.
    ///
    /// - Parameter p: a probability in [0, 1]; p = 0 and 1 give the ends of the support
    ///   (±∞ for the normal, 0 and +∞ for the lognormal).
    /// - Returns: NaN for p outside [0, 1] or NaN (the hot path does not throw; the
    ///   uniforms of this module are always in (0, 1)).
    /// - Complexity: O(1) for the closed forms; O(log n) for a discrete distribution of n
    ///   values; a few incomplete-beta evaluations for beta and PERT.
    public func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        switch prepared {
        case let .scaledBeta(alpha, beta, lower, width, logBeta, probabilityBelowHalf):
            if width == 0 { return lower }
            let x = IncompleteBeta.inverse(p, a: alpha, b: beta, logBeta: logBeta, probabilityBelowHalf: probabilityBelowHalf)
            return min(lower + width * x, lower + width)
        case let .discrete(sortedValues, cumulative, _):
            return Self.discreteQuantile(p, sortedValues: sortedValues, cumulative: cumulative)
        case .closedForm:
            break
        }
        switch family {
        case let .constant(value):
            return value
        case let .normal(mean, sd):
            return Self.normalQuantile(p, mean: mean, standardDeviation: sd)
        case let .lognormal(mu, sigma):
            return Self.lognormalQuantile(p, mu: mu, sigma: sigma)
        case let .uniform(lower, upper):
            return Self.uniformQuantile(p, lower: lower, upper: upper)
        case let .triangular(lower, mode, upper):
            return Self.triangularQuantile(p, lower: lower, mode: mode, upper: upper)
        case .pert, .beta, .discrete:
            return .nan  // handled through `prepared` above
        }
    }

    /// The cumulative distribution function F(x) = P(X ≤ x).
    ///
    /// normal Φ((x − μ)/σ); lognormal Φ((ln x − μ)/σ); uniform (x − a)/(b − a); triangular
    /// (x − a)²/((b − a)(c − a)) up to the mode and 1 − (b − x)²/((b − a)(b − c)) after it;
    /// beta and PERT I₍ₓ₋ₐ₎/₍ᵦ₋ₐ₎(α, β); discrete the sum of the probabilities of values ≤ x.
    /// Point masses (σ = 0, a = b) are steps: F(x) = 0 below the point and 1 from it on.
    /// - Returns: NaN for NaN x.
    /// - Complexity: O(1), O(log n) for discrete, one incomplete beta for beta and PERT.
    public func cdf(_ x: Double) -> Double {
        guard !x.isNaN else { return .nan }
        switch prepared {
        case let .scaledBeta(alpha, beta, lower, width, logBeta, _):
            if x < lower { return 0 }
            if x >= lower + width { return 1 }
            return IncompleteBeta.regularized((x - lower) / width, a: alpha, b: beta, logBeta: logBeta)
        case let .discrete(sortedValues, cumulative, _):
            // The number of values ≤ x, by binary search.
            var low = 0, high = sortedValues.count
            while low < high {
                let middle = (low + high) / 2
                if sortedValues[middle] <= x { low = middle + 1 } else { high = middle }
            }
            return low == 0 ? 0 : cumulative[low - 1]
        case .closedForm:
            break
        }
        switch family {
        case let .constant(value):
            return x < value ? 0 : 1
        case let .normal(mean, sd):
            if sd == 0 { return x < mean ? 0 : 1 }
            return StandardNormal.cdf((x - mean) / sd)
        case let .lognormal(mu, sigma):
            if x <= 0 { return 0 }
            if sigma == 0 { return x < exp(mu) ? 0 : 1 }
            return StandardNormal.cdf((log(x) - mu) / sigma)
        case let .uniform(lower, upper):
            if x < lower { return 0 }
            if x >= upper { return 1 }
            return (x - lower) / (upper - lower)
        case let .triangular(lower, mode, upper):
            if x <= lower { return x < lower ? 0 : (upper == lower ? 1 : 0) }
            if x >= upper { return 1 }
            let width = upper - lower
            if x <= mode { return (x - lower) * (x - lower) / (width * (mode - lower)) }
            return 1 - (upper - x) * (upper - x) / (width * (upper - mode))
        case .pert, .beta, .discrete:
            return .nan  // handled through `prepared` above
        }
    }

    /// The support [lowest, highest] (infinite ends for the normal and lognormal).
    public var support: ClosedRange<Double> {
        switch family {
        case let .constant(value): return value...value
        case let .normal(mean, sd): return sd == 0 ? mean...mean : -Double.infinity...Double.infinity
        case let .lognormal(mu, sigma): return sigma == 0 ? exp(mu)...exp(mu) : 0...Double.infinity
        case let .uniform(lower, upper), let .triangular(lower, _, upper),
            let .pert(lower, _, upper, _), let .beta(_, _, lower, upper):
            return lower...upper
        case let .discrete(values, _):
            return (values.min() ?? 0)...(values.max() ?? 0)
        }
    }

    /// The smallest sorted value whose cumulative probability is ≥ p (for p = 0, the
    /// smallest value with positive probability).
    static func discreteQuantile(_ p: Double, sortedValues: [Double], cumulative: [Double]) -> Double {
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] >= p && (p > 0 || cumulative[middle] > 0) {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return sortedValues[low]
    }
}

// The closed-form inverse CDFs, shared with the Monte Carlo's parameter transform (which
// keeps the parameters in flat arrays), so that both give the same bits.
extension Distribution {
    /// μ + σ·Φ⁻¹(p) (μ when σ = 0).
    @inlinable
    public static func normalQuantile(_ p: Double, mean: Double, standardDeviation sd: Double) -> Double {
        sd == 0 ? mean : mean + sd * StandardNormal.quantile(p)
    }

    /// exp(μ + σ·Φ⁻¹(p)) (e^μ when σ = 0).
    @inlinable
    public static func lognormalQuantile(_ p: Double, mu: Double, sigma: Double) -> Double {
        sigma == 0 ? exp(mu) : exp(mu + sigma * StandardNormal.quantile(p))
    }

    /// a + p·(b − a), at most b.
    @inlinable
    public static func uniformQuantile(_ p: Double, lower: Double, upper: Double) -> Double {
        min(lower + p * (upper - lower), upper)
    }

    /// a + √(p·(b − a)·(c − a)) below the mode's probability, b − √((1 − p)·(b − a)·(b − c))
    /// above it (a lower, c mode, b upper).
    @inlinable
    public static func triangularQuantile(_ p: Double, lower: Double, mode: Double, upper: Double) -> Double {
        let width = upper - lower
        if width == 0 { return lower }
        if p * width < mode - lower {
            return lower + (p * width * (mode - lower)).squareRoot()
        }
        return max(lower, upper - ((1 - p) * width * (upper - mode)).squareRoot())
    }
}
