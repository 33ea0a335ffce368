@testable import Sampling
import Testing

@Suite("Tabulated quantiles")
struct TabulatedQuantileTests {
    /// The table agrees with the exact (incomplete-beta) quantile to 1e-7 of the width at
    /// 2,000 spread probabilities, including deep tails; it is monotone and hits the ends.
    @Test("PERT and beta tables match the exact quantile", arguments: [
        try! Distribution.pert(lower: -3600, mode: 4700, upper: 11300),
        try! Distribution.pert(lower: 0, mode: 0.05, upper: 0.1),
        try! Distribution.beta(alpha: 0.7, beta: 3.5),
        try! Distribution.beta(alpha: 12, beta: 30, lower: 2, upper: 5),
    ])
    func matchesExact(distribution: Distribution) throws {
        let table = try #require(TabulatedQuantile(distribution))
        let width = distribution.support.upperBound - distribution.support.lowerBound
        var previous = -Double.infinity
        for i in 1..<2000 {
            let u = Double(i) / 2000
            let value = table.quantile(u)
            #expect(abs(value - distribution.quantile(u)) <= 1e-7 * width)
            #expect(value >= previous)
            previous = value
        }
        for u in [1e-15, 1e-10, 1 - 1e-10, 1 - 1e-15] {
            #expect(abs(table.quantile(u) - distribution.quantile(u)) <= 1e-7 * width)
        }
        #expect(table.quantile(0) == distribution.support.lowerBound && table.quantile(1) == distribution.support.upperBound)
        #expect(table.maximumRelativeError <= 1e-7)
    }

    @Test("Unbounded distributions are not tabulated")
    func unbounded() throws {
        #expect(TabulatedQuantile(try Distribution.normal(mean: 0, standardDeviation: 1)) == nil)
    }
}

@Suite("Tabulated quantiles: the CDF bracket")
struct TabulatedQuantileBracketTests {
    /// The bracket holds around the exact quantile at a half-width of 1e-8 of the width
    /// (F changes there by about 1e-8 times the density, far above the 1e-12 margin), and
    /// fails when the point is 1e-6 of the width off (the exact quantile is then outside).
    @Test("It holds around the exact quantile and fails beside it")
    func bracket() throws {
        let distribution = try Distribution.pert(lower: -3600, mode: 4700, upper: 11300)
        let width = 14900.0
        for u in [0.001, 0.2, 0.5, 0.9, 0.999] {
            let exact = distribution.quantile(u)
            #expect(TabulatedQuantile.brackets(distribution, u, around: exact, halfWidth: 1e-8 * width))
            #expect(!TabulatedQuantile.brackets(distribution, u, around: exact + 1e-6 * width, halfWidth: 1e-8 * width))
            #expect(!TabulatedQuantile.brackets(distribution, u, around: exact - 1e-6 * width, halfWidth: 1e-8 * width))
        }
    }
}
