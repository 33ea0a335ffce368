import Testing
@testable import Sensitivity

struct ShapleyEffectsTests {
    /// Y = 1·X₁ + 2·X₂ + 1.5·X₃, standard normal scores, corr(X₁, X₂) = 0.5, X₃ independent.
    /// Closed form for a linear Gaussian model (Owen & Prieur 2017; Iooss & Prieur 2019, §3.1):
    /// Sh₁ = (β₁² + ρβ₁β₂ + ρ²(β₂² − β₁²)/2)/V = 2.375/9.25, Sh₂ = (β₂² + ρβ₁β₂ + ρ²(β₁² − β₂²)/2)/V
    /// = 4.625/9.25, Sh₃ = β₃²/V = 2.25/9.25, V = β₁² + β₂² + 2ρβ₁β₂ + β₃² = 9.25. Each must lie
    /// within twice its 95% half-width (≈ 4 standard errors: the interval is per input, and over
    /// seeds 1–8 every estimate fell inside one half-width but a 95% interval misses 1 time in 20)
    /// and within 0.03; the increments of every permutation add up to the estimated variance, so
    /// the effects sum to 1 (1e-9).
    @Test func linearGaussianModel() throws {
        let rho = 0.5
        let correlation: [Double] = [1, rho, 0, rho, 1, 0, 0, 0, 1]
        let design = try ShapleyDesign(correlation: correlation, inputs: 3, permutations: 3000, varianceRows: 20_000, seed: 17)
        #expect(design.rows == 20_000 + 3000 * 2 * 3)
        let s = design.scores
        let y: [Double] = (0..<design.rows).map { (r: Int) -> Double in
            let x1: Double = s[r * 3], x2: Double = s[r * 3 + 1], x3: Double = s[r * 3 + 2]
            return x1 + 2 * x2 + 1.5 * x3
        }
        let shapley = try ShapleyEffects(outputs: y, design: design)
        let expected: [Double] = [2.375 / 9.25, 4.625 / 9.25, 2.25 / 9.25]
        for i in 0..<3 {
            let e = shapley.effects[i]
            #expect(abs(e.value - expected[i]) <= 2 * e.halfWidth, "Sh\(i + 1) \(e) vs \(expected[i])")
            #expect(abs(e.value - expected[i]) < 0.03)
        }
        #expect(abs(shapley.effects.map { $0.value }.reduce(0, +) - 1) < 1e-9)
        #expect(abs(shapley.variance - 9.25) / 9.25 < 0.03)
    }

    /// Independent inputs: the Shapley effect of an additive model is each input's variance share.
    @Test func independentInputsGiveVarianceShares() throws {
        let design = try ShapleyDesign(correlation: [1.0, 0, 0, 1], inputs: 2, permutations: 2000, varianceRows: 10_000, seed: 3)
        let s = design.scores
        let y: [Double] = (0..<design.rows).map { (r: Int) -> Double in 3 * s[r * 2] + s[r * 2 + 1] }
        let shapley = try ShapleyEffects(outputs: y, design: design)
        #expect(abs(shapley.effects[0].value - 0.9) < 0.03 && abs(shapley.effects[1].value - 0.1) < 0.03)
        #expect(throws: SensitivityError.self) { _ = try ShapleyDesign(correlation: [1.0, 2, 2, 1], inputs: 2, permutations: 10, seed: 1) }
    }
}
