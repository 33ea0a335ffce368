import Testing
@testable import Sensitivity

struct MorrisTests {
    /// For y = Σ cᵢuᵢ on the unit grid mapped to [0.05, 0.95], every elementary effect of input i
    /// is exactly 0.9·cᵢ (a move of 1 in level space is 0.9 in u): μ* = 0.9|cᵢ|, μ = 0.9cᵢ, σ = 0,
    /// to rounding (1e-9). An input that does nothing has μ* = 0.
    @Test func linearModelHasConstantEffects() throws {
        let c = [2.0, -1.0, 0.0, 5.0]
        let design = try MorrisDesign(trajectories: 30, levels: 4, groups: .individual(names: ["a", "b", "c", "d"]), seed: 8)
        #expect(design.rows == 30 * 5)
        let y = (0..<design.rows).map { r in (0..<4).reduce(0.0) { $0 + c[$1] * design.uniforms[r * 4 + $1] } }
        let effects = try MorrisEffects(outputs: y, design: design)
        for i in 0..<4 {
            #expect(abs(effects.muStar[i].value - 0.9 * abs(c[i])) < 1e-9)
            #expect(abs(effects.mu[i] - 0.9 * c[i]) < 1e-9)
            #expect(effects.sigma[i] < 1e-9)
        }
        // Every point stays on the grid inside [0.05, 0.95].
        #expect(design.uniforms.allSatisfy { $0 >= 0.05 - 1e-12 && $0 <= 0.95 + 1e-12 })
    }

    /// y = u₁·u₂ interacts: σ > 0 for both, and an inert third input has μ* = 0 with a CI at 0.
    @Test func interactionShowsInSigma() throws {
        let design = try MorrisDesign(trajectories: 50, groups: .individual(names: ["a", "b", "c"]), seed: 2)
        let y = (0..<design.rows).map { r in design.uniforms[r * 3] * design.uniforms[r * 3 + 1] }
        let effects = try MorrisEffects(outputs: y, design: design)
        #expect(effects.sigma[0] > 0.05 && effects.sigma[1] > 0.05)
        #expect(effects.muStar[2].value == 0 && effects.muStar[2].high == 0)
        #expect(effects.muStar[0].low < effects.muStar[0].value && effects.muStar[0].value < effects.muStar[0].high)
    }
}
