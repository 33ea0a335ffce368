import Testing
import Sampling
@testable import Forecasting

@Suite("Gaussian conditioning and least squares")
struct ConditioningAndEstimationTests {
    /// Bivariate normal: x₁ | x₂ = y has mean μ₁ + Σ₁₂/Σ₂₂·(y − μ₂) and variance
    /// Σ₁₁ − Σ₁₂²/Σ₂₂ (closed form): 1 + 1.2·(2.5 − 2) = 1.6 and 4 − 1.44 = 2.56.
    @Test("Conditional mean and variance of a bivariate normal")
    func bivariate() throws {
        let conditioning = try GaussianConditioning(priorCovariance: [[4, 1.2], [1.2, 1]], observationRows: [[0, 1]])
        let posterior = conditioning.posterior(priorMean: [1, 2], observations: [2.5])
        #expect(abs(posterior.mean[0] - 1.6) < 1e-12)
        #expect(abs(posterior.mean[1] - 2.5) < 1e-12)
        #expect(abs(posterior.covariance[0][0] - 2.56) < 1e-12)
        #expect(abs(posterior.covariance[1][1]) < 1e-12)
    }

    /// Observing the sum of a level z ~ N(0, 4) and noise η ~ N(0, 1) at y = 3: E[z | y] =
    /// 4/5·3 = 2.4, Var = 4 − 16/5 = 0.8. Matheron's transport of 100,000 prior draws gives
    /// that mean and variance within Monte Carlo error (tolerances 0.02 and 0.02, > 4 se).
    @Test("Transported draws follow the posterior (Matheron's rule)")
    func transport() throws {
        let conditioning = try GaussianConditioning(priorCovariance: [[4, 0], [0, 1]], observationRows: [[1, 1]])
        var sum = 0.0, squares = 0.0
        let n = 100_000
        for i in 0..<n {
            let (u1, u2) = CounterRandomStream.uniforms(seed: 7, stream: 0, index: UInt64(i))
            var state = [2 * StandardNormal.quantile(u1), StandardNormal.quantile(u2)]
            conditioning.transport(&state, observations: [3])
            #expect(abs(state[0] + state[1] - 3) < 1e-12)
            sum += state[0]
            squares += state[0] * state[0]
        }
        let mean = sum / Double(n)
        #expect(abs(mean - 2.4) < 0.02)
        #expect(abs(squares / Double(n) - mean * mean - 0.8) < 0.02)
    }

    /// y = 1.5 + 0.8·x + ε, ε ~ N(0, 0.5²), x on a grid: the estimates lie within 3 standard
    /// errors of the true values, s within 15% of 0.5, and the leave-one-out error exceeds s.
    @Test("Least squares recovers a simulated process within its standard errors")
    func recoversParameters() throws {
        var design: [[Double]] = [], response: [Double] = []
        for i in 0..<200 {
            let x = Double(i % 20) / 2
            let (u, _) = CounterRandomStream.uniforms(seed: 11, stream: 1, index: UInt64(i))
            design.append([1, x])
            response.append(1.5 + 0.8 * x + 0.5 * StandardNormal.quantile(u))
        }
        let fit = try LeastSquares(design: design, response: response, model: "test")
        #expect(abs(fit.coefficients[0] - 1.5) < 3 * fit.covariance[0][0].squareRoot())
        #expect(abs(fit.coefficients[1] - 0.8) < 3 * fit.covariance[1][1].squareRoot())
        #expect(abs(fit.residualStandardError - 0.5) < 0.075)
        #expect(fit.outOfSampleError > fit.residualStandardError * 0.95)
    }

    @Test("Collinear regressors are a typed error")
    func collinear() {
        #expect(throws: ForecastingError.singularDesign(model: "test")) {
            try LeastSquares(design: [[1, 2], [2, 4], [3, 6], [4, 8]], response: [1, 2, 3, 4], model: "test")
        }
    }

    @Test("Publication dates parse and order", arguments: [("2025-07 (inferred)", "2025-07-01"), ("2023", "2023-01-01"), ("2026-01-03", "2026-01-03")])
    func dates(text: String, expected: String) {
        #expect(PublicationDate(parsing: text)?.description == expected)
    }
}
