import Testing
@testable import Sensitivity

struct PatientRuleInductionTests {
    /// 20,000 uniform points in [0, 1]⁴; the event is x₀ > 0.6 and x₂ < 0.3 (a planted box of mass
    /// 0.12). PRIM must end on a box of density ≥ 0.95 that restricts exactly x₀ from below and
    /// x₂ from above, with bounds within 0.03 of 0.6 and 0.3 (one peel step at α = 0.05 moves a bound
    /// by about 0.05 × its width), and keep at least 85% coverage on the way to density 0.95.
    @Test func recoversPlantedBox() throws {
        let random = RandomBits(seed: 123)
        let n = 20_000, d = 4
        var data = [Double](repeating: 0, count: n * d), outcome = [Bool](repeating: false, count: n)
        for i in 0..<n {
            for j in 0..<d { data[i * d + j] = random.uniform(stream: UInt64(j), index: UInt64(i)) }
            outcome[i] = data[i * d] > 0.6 && data[i * d + 2] < 0.3
        }
        let trajectory = try PatientRuleInduction.peel(data: data, dimensions: d, outcome: outcome)
        #expect(trajectory.first?.coverage == 1 && trajectory.first?.mass == 1)
        let last = try #require(trajectory.last)
        #expect(last.density >= 0.95)
        let restricted = last.restrictions.map(\.input)
        #expect(restricted == [0, 2])
        #expect(abs((last.lower[0] ?? 0) - 0.6) < 0.03 && last.upper[0] == nil)
        #expect(abs((last.upper[2] ?? 1) - 0.3) < 0.03 && last.lower[2] == nil)
        let firstDense = try #require(trajectory.first { $0.density >= 0.95 })
        #expect(firstDense.coverage >= 0.85)
        // Coverage never rises and density rises step by step.
        for (previous, next) in zip(trajectory, trajectory.dropFirst()) {
            #expect(next.coverage <= previous.coverage && next.density > previous.density)
        }
    }

    @Test func rejectsAnEventThatNeverHappens() {
        #expect(throws: SensitivityError.self) {
            _ = try PatientRuleInduction.peel(data: [0, 1, 2, 3], dimensions: 1, outcome: [false, false, false, false])
        }
    }
}
