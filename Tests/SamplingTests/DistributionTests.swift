import Foundation
import Testing
import Sampling

@Suite("Distribution")
struct DistributionTests {
    // MARK: Validation

    @Test("invalid parameters throw the matching SamplingError")
    func validation() {
        // Exact: each factory must reject its input with the case that names it.
        #expect(throws: SamplingError.negativeParameter(name: "standard deviation", value: -1)) {
            try Distribution.normal(mean: 0, standardDeviation: -1)
        }
        #expect(throws: SamplingError.nonFiniteParameter(name: "mean", value: .infinity)) {
            try Distribution.normal(mean: .infinity, standardDeviation: 1)
        }
        #expect(throws: SamplingError.boundsReversed(lower: 3, upper: 2)) {
            try Distribution.uniform(lower: 3, upper: 2)
        }
        #expect(throws: SamplingError.modeOutsideBounds(mode: 5, lower: 0, upper: 4)) {
            try Distribution.triangular(lower: 0, mode: 5, upper: 4)
        }
        #expect(throws: SamplingError.modeOutsideBounds(mode: -1, lower: 0, upper: 4)) {
            try Distribution.pert(lower: 0, mode: -1, upper: 4)
        }
        #expect(throws: SamplingError.negativeParameter(name: "shape", value: -2)) {
            try Distribution.pert(lower: 0, mode: 1, upper: 4, shape: -2)
        }
        #expect(throws: SamplingError.nonPositiveParameter(name: "alpha", value: 0)) {
            try Distribution.beta(alpha: 0, beta: 2)
        }
        #expect(throws: SamplingError.nonPositiveParameter(name: "beta", value: -0.5)) {
            try Distribution.beta(alpha: 1, beta: -0.5)
        }
        #expect(throws: SamplingError.nonPositiveParameter(name: "mean", value: 0)) {
            try Distribution.lognormal(mean: 0, standardDeviation: 1)
        }
        #expect(throws: SamplingError.negativeParameter(name: "log standard deviation", value: -0.1)) {
            try Distribution.lognormal(logMean: 0, logStandardDeviation: -0.1)
        }
        #expect(throws: SamplingError.emptyList(name: "values")) {
            try Distribution.discrete(values: [], probabilities: [])
        }
        #expect(throws: SamplingError.lengthMismatch(name: "probabilities", expected: 2, actual: 1)) {
            try Distribution.discrete(values: [1, 2], probabilities: [1])
        }
        #expect(throws: SamplingError.negativeProbability(index: 1, value: -0.2)) {
            try Distribution.discrete(values: [1, 2, 3], probabilities: [0.6, -0.2, 0.6])
        }
        #expect(throws: SamplingError.probabilitiesDoNotSumToOne(sum: 0.9)) {
            try Distribution.discrete(values: [1, 2], probabilities: [0.4, 0.5])
        }
        #expect(throws: SamplingError.nonFiniteParameter(name: "value 2", value: .infinity)) {
            try Distribution.discrete(values: [1, .infinity], probabilities: [0.5, 0.5])
        }
        #expect(throws: SamplingError.nonFiniteParameter(name: "upper − lower", value: .infinity)) {
            try Distribution.uniform(lower: -1e308, upper: 1e308)
        }
        // NaN ≠ NaN, so this case is matched by pattern rather than by equality.
        #expect {
            try Distribution.constant(.nan)
        } throws: { error in
            guard case let .nonFiniteParameter(name, value) = error as? SamplingError else { return false }
            return name == "value" && value.isNaN
        }
    }

    @Test("probabilities summing to 1 within 1e-9 are accepted, beyond are not")
    func probabilityTolerance() throws {
        // The documented tolerance is 1e-9 on the sum.
        _ = try Distribution.discrete(values: [1, 2], probabilities: [0.5, 0.5 + 5e-10])
        #expect(throws: SamplingError.self) {
            try Distribution.discrete(values: [1, 2], probabilities: [0.5, 0.5 + 5e-9])
        }
    }

    // MARK: Moments (closed forms)

    @Test("mean and variance by closed form")
    func moments() throws {
        // Closed forms (tolerance 1e-14 relative, a few roundings):
        // uniform(2, 5): mean 3.5, variance 9/12.
        let uniform = try Distribution.uniform(lower: 2, upper: 5)
        #expect(relativeError(uniform.mean, 3.5) <= 1e-14)
        #expect(relativeError(uniform.variance, 0.75) <= 1e-14)
        // triangular(0, 1, 4): mean 5/3, variance (0 + 16 + 1 − 0 − 0 − 4)/18 = 13/18.
        let triangular = try Distribution.triangular(lower: 0, mode: 1, upper: 4)
        #expect(relativeError(triangular.mean, 5.0 / 3) <= 1e-14)
        #expect(relativeError(triangular.variance, 13.0 / 18) <= 1e-14)
        // PERT(2, 3, 7), λ = 4: α = 1.8, β = 4.2; mean (2 + 4·3 + 7)/6 = 3.5,
        // variance 25·1.8·4.2/(6²·7) = 0.75.
        let pert = try Distribution.pert(lower: 2, mode: 3, upper: 7)
        #expect(relativeError(pert.mean, 3.5) <= 1e-14)
        #expect(relativeError(pert.variance, 0.75) <= 1e-14)
        // beta(2, 3) on [0, 1]: mean 2/5, variance 6/(25·6) = 0.04; on [10, 20]: 14 and 4.
        #expect(relativeError(try Distribution.beta(alpha: 2, beta: 3).mean, 0.4) <= 1e-14)
        #expect(relativeError(try Distribution.beta(alpha: 2, beta: 3).variance, 0.04) <= 1e-14)
        #expect(relativeError(try Distribution.beta(alpha: 2, beta: 3, lower: 10, upper: 20).mean, 14) <= 1e-14)
        #expect(relativeError(try Distribution.beta(alpha: 2, beta: 3, lower: 10, upper: 20).variance, 4) <= 1e-14)
        // normal(8, 1.5): 8 and 2.25.
        let normal = try Distribution.normal(mean: 8, standardDeviation: 1.5)
        #expect(normal.mean == 8 && normal.variance == 2.25)
        // lognormal(μ = 1, σ = 0.5): mean e^{1.125}, variance (e^{0.25} − 1)e^{2.25}.
        let lognormal = try Distribution.lognormal(logMean: 1, logStandardDeviation: 0.5)
        #expect(relativeError(lognormal.mean, exp(1.125)) <= 1e-14)
        #expect(relativeError(lognormal.variance, (exp(0.25) - 1) * exp(2.25)) <= 1e-14)
        // discrete {1: 0.2, 2: 0.5, 3: 0.3}: mean 2.1, variance 0.2·1.21 + 0.5·0.01 + 0.3·0.81 = 0.49.
        let discrete = try Distribution.discrete(values: [3, 1, 2], probabilities: [0.3, 0.2, 0.5])
        #expect(relativeError(discrete.mean, 2.1) <= 1e-14)
        #expect(relativeError(discrete.variance, 0.49) <= 1e-14)
        // constant: the value and 0.
        #expect(try Distribution.constant(4.2).mean == 4.2)
        #expect(try Distribution.constant(4.2).variance == 0)
    }

    @Test("lognormal from its own mean and standard deviation reproduces them")
    func lognormalFromMoments() throws {
        // Closed form: σ² = ln(1 + s²/m²), μ = ln m − σ²/2 give back mean m and sd s; 1e-14 relative.
        let distribution = try Distribution.lognormal(mean: 3.1, standardDeviation: 0.6)
        #expect(relativeError(distribution.mean, 3.1) <= 1e-14)
        #expect(relativeError(distribution.standardDeviation, 0.6) <= 1e-14)
        guard case let .lognormal(mu, sigma) = distribution.family else {
            Issue.record("expected the lognormal family")
            return
        }
        #expect(relativeError(sigma * sigma, log(1 + 0.36 / 9.61)) <= 1e-14)
        #expect(relativeError(mu, log(3.1) - 0.5 * log(1 + 0.36 / 9.61)) <= 1e-14)
    }

    // MARK: Quantiles

    @Test("quantiles by closed form")
    func closedFormQuantiles() throws {
        // Tolerance 1e-15 relative unless stated (one or two roundings).
        // uniform(2, 5) at 0.3: 2 + 0.3·3 = 2.9.
        #expect(relativeError(try Distribution.uniform(lower: 2, upper: 5).quantile(0.3), 2.9) <= 1e-15)
        // triangular(0, 1, 4), F(mode) = 1/4: Q(0.1) = √(0.1·4·1), Q(0.75) = 4 − √(0.25·4·3).
        let triangular = try Distribution.triangular(lower: 0, mode: 1, upper: 4)
        #expect(relativeError(triangular.quantile(0.1), 0.4.squareRoot()) <= 1e-15)
        #expect(relativeError(triangular.quantile(0.75), 4 - 3.0.squareRoot()) <= 1e-15)
        #expect(relativeError(triangular.quantile(0.25), 1) <= 1e-15)
        // normal(8, 1.5) at 0.3: 8 + 1.5·Φ⁻¹(0.3), Φ⁻¹(0.3) = −0.5244005127080408 (mpmath).
        #expect(relativeError(try Distribution.normal(mean: 8, standardDeviation: 1.5).quantile(0.3), 8 + 1.5 * -0.5244005127080408) <= 1e-15)
        // lognormal(1, 0.5) at 0.975: exp(1 + 0.5·1.9599639845400538) (Φ⁻¹ from mpmath); 1e-15.
        #expect(relativeError(try Distribution.lognormal(logMean: 1, logStandardDeviation: 0.5).quantile(0.975), exp(1 + 0.5 * 1.9599639845400538)) <= 1e-15)
        // discrete {1: 0.2, 2: 0.5, 3: 0.3}: Q(p) = smallest value with F ≥ p (exact).
        let discrete = try Distribution.discrete(values: [3, 1, 2], probabilities: [0.3, 0.2, 0.5])
        #expect(discrete.quantile(0) == 1)
        #expect(discrete.quantile(0.1) == 1)
        #expect(discrete.quantile(0.2) == 1)
        #expect(discrete.quantile(0.21) == 2)
        #expect(discrete.quantile(0.69) == 2)
        #expect(discrete.quantile(0.71) == 3)
        #expect(discrete.quantile(1) == 3)
        // A zero-probability smallest value is never drawn, even at p = 0 (exact).
        #expect(try Distribution.discrete(values: [0, 5], probabilities: [0, 1]).quantile(0) == 5)
        // constant (exact).
        #expect(try Distribution.constant(7).quantile(0.42) == 7)
    }

    @Test("beta and PERT quantiles against scipy")
    func betaQuantiles() throws {
        // scipy 1.17.1: beta.ppf(0.3, 2.5, 4.0) = 0.2740342469010002;
        // PERT(2, 3, 7) is 2 + 5·Beta(1.8, 4.2): beta.ppf(0.1 | 0.5 | 0.95, 1.8, 4.2) =
        // 0.08990213045924167, 0.2766722593925189, 0.6212767240161903. Tolerance 1e-12 relative.
        #expect(relativeError(try Distribution.beta(alpha: 2.5, beta: 4).quantile(0.3), 0.2740342469010002) <= 1e-12)
        let pert = try Distribution.pert(lower: 2, mode: 3, upper: 7)
        #expect(relativeError(pert.quantile(0.1), 2 + 5 * 0.08990213045924167) <= 1e-12)
        #expect(relativeError(pert.quantile(0.5), 2 + 5 * 0.2766722593925189) <= 1e-12)
        #expect(relativeError(pert.quantile(0.95), 2 + 5 * 0.6212767240161903) <= 1e-12)
        // Scaled beta: Beta(2.5, 4) on [10, 30] at 0.3 = 10 + 20·0.2740342469010002.
        #expect(relativeError(try Distribution.beta(alpha: 2.5, beta: 4, lower: 10, upper: 30).quantile(0.3), 10 + 20 * 0.2740342469010002) <= 1e-12)
        // PERT with shape 0 is uniform (α = β = 1): Q(0.3) = 2 + 0.3·5 (1e-15).
        #expect(relativeError(try Distribution.pert(lower: 2, mode: 3, upper: 7, shape: 0).quantile(0.3), 3.5) <= 1e-15)
    }

    /// Built by a throwing function so that `fixturesBuild` fails when a constructor throws;
    /// the parameterised tests would otherwise run on an empty list and pass as skipped.
    static func makeContinuous() throws -> [Distribution] {
        [
            try .normal(mean: 8, standardDeviation: 1.5),
            try .lognormal(logMean: 1, logStandardDeviation: 0.5),
            try .uniform(lower: 2, upper: 5),
            try .triangular(lower: 0, mode: 1, upper: 4),
            try .triangular(lower: 0, mode: 0, upper: 4),
            try .triangular(lower: 0, mode: 4, upper: 4),
            try .pert(lower: 2, mode: 3, upper: 7),
            try .pert(lower: -1, mode: 0.9, upper: 1, shape: 6),
            try .beta(alpha: 0.5, beta: 0.5),
            try .beta(alpha: 2.5, beta: 4, lower: 10, upper: 30),
        ]
    }

    static let continuous: [Distribution] = (try? makeContinuous()) ?? []

    @Test("The parameterised tests' fixtures build (a throwing constructor fails here, not as a skipped test)")
    func fixturesBuild() throws {
        #expect(try Self.makeContinuous().count == 10)
        #expect(try Self.makeSampled().count == 7)
    }

    @Test("round trip cdf(quantile(p)) = p for continuous families", arguments: continuous)
    func roundTrip(_ distribution: Distribution) {
        // Tolerance 1e-12 absolute in p: the quantiles are accurate to ~1e-15 relative
        // (closed forms, AS241) or 1e-12 in p (beta inversion).
        #expect(Self.continuous.count == 10)
        for p in [1e-9, 0.001, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999] {
            #expect(abs(distribution.cdf(distribution.quantile(p)) - p) <= 1e-12, "\(distribution) p \(p)")
        }
    }

    @Test("quantile is NaN outside [0, 1]; support ends at 0 and 1")
    func quantileEdges() throws {
        // Exact by definition.
        let normal = try Distribution.normal(mean: 0, standardDeviation: 1)
        #expect(normal.quantile(-0.01).isNaN)
        #expect(normal.quantile(1.01).isNaN)
        #expect(normal.quantile(.nan).isNaN)
        #expect(normal.quantile(0) == -.infinity)
        let pert = try Distribution.pert(lower: 2, mode: 3, upper: 7)
        #expect(pert.quantile(0) == 2)
        #expect(pert.quantile(1) == 7)
        #expect(try Distribution.lognormal(logMean: 0, logStandardDeviation: 1).quantile(0) == 0)
        #expect(try Distribution.uniform(lower: 2, upper: 5).quantile(1) == 5)
    }

    @Test("point masses: σ = 0 and lower = upper")
    func degenerate() throws {
        // Exact: a point mass has that value as every quantile and a step CDF.
        let normal = try Distribution.normal(mean: 3, standardDeviation: 0)
        #expect(normal.quantile(0) == 3 && normal.quantile(0.5) == 3 && normal.quantile(1) == 3)
        #expect(normal.cdf(2.999) == 0 && normal.cdf(3) == 1)
        let pert = try Distribution.pert(lower: 4, mode: 4, upper: 4)
        #expect(pert.quantile(0.3) == 4 && pert.variance == 0)
        #expect(try Distribution.triangular(lower: 1, mode: 1, upper: 1).quantile(0.7) == 1)
        #expect(try Distribution.uniform(lower: 1, upper: 1).cdf(1) == 1)
    }

    @Test("discrete cdf")
    func discreteCDF() throws {
        // Exact sums of the probabilities of values ≤ x (0.2 + 0.5 rounds to 0.7).
        let discrete = try Distribution.discrete(values: [3, 1, 2], probabilities: [0.3, 0.2, 0.5])
        #expect(discrete.cdf(0.5) == 0)
        #expect(discrete.cdf(1) == 0.2)
        #expect(abs(discrete.cdf(2.5) - 0.7) <= 1e-15)
        #expect(discrete.cdf(3) == 1)
    }

    // MARK: Sampling through the quantile

    /// Built by a throwing function so that `fixturesBuild` fails when a constructor throws;
    /// the parameterised tests would otherwise run on an empty list and pass as skipped.
    static func makeSampled() throws -> [Distribution] {
        [
            try .normal(mean: 8, standardDeviation: 1.5),
            try .lognormal(mean: 3.1, standardDeviation: 0.6),
            try .uniform(lower: 2, upper: 5),
            try .triangular(lower: 0, mode: 1, upper: 4),
            try .pert(lower: 2, mode: 3, upper: 7),
            try .beta(alpha: 0.5, beta: 0.5),
            try .discrete(values: [3, 1, 2], probabilities: [0.3, 0.2, 0.5]),
        ]
    }

    static let sampled: [Distribution] = (try? makeSampled()) ?? []

    @Test("200,000 draws through quantile(u) match mean and variance within 5 standard errors",
          arguments: sampled)
    func sampleMomentsMatch(_ distribution: Distribution) {
        // Bound: 5 standard errors. SE(mean) = σ/√n with σ² the closed-form variance;
        // SE(sample variance) = √((μ₄ − σ⁴)/n) with μ₄ the sample fourth central moment.
        // Draws: quantile of CounterRandomStream uniforms (seed 11, stream 0).
        #expect(Self.sampled.count == 7)
        let n = 200_000
        let draws = uniforms(seed: 11, stream: 0, count: n).map(distribution.quantile)
        let (mean, variance, fourth) = sampleMoments(draws)
        let sigma2 = distribution.variance
        #expect(abs(mean - distribution.mean) <= 5 * (sigma2 / Double(n)).squareRoot(), "\(distribution)")
        #expect(abs(variance - sigma2) <= 5 * ((fourth - variance * variance) / Double(n)).squareRoot(), "\(distribution)")
    }

    @Test("descriptions name the family and parameters")
    func descriptions() throws {
        // Exact strings.
        #expect(try Distribution.pert(lower: 1, mode: 2, upper: 3).description == "pert(1.0, 2.0, 3.0, shape: 4.0)")
        #expect(try Distribution.normal(mean: 0, standardDeviation: 1).description == "normal(mean: 0.0, sd: 1.0)")
    }
}
