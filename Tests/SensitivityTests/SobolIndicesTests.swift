import Foundation
import Sampling
import Testing
@testable import Sensitivity

/// Sobol' indices of the analytic test functions. Tolerance 0.01 at N = 4,096: SALib 1.6 with
/// the same design (scrambled Sobol', calc_second_order=False) has a largest error over the
/// inputs of at most 0.0071 (Ishigami) and 0.0095 (G) over 20 seeds
/// (`python3 Benchmarks/salib_accuracy.py 4096 20`).
struct SobolIndicesTests {
    static func evaluate(_ design: SaltelliDesign, _ f: ([Double]) -> Double) -> [Double] {
        let k = design.inputs
        return (0..<design.rows).map { r in f(Array(design.uniforms[(r * k)..<(r * k + k)])) }
    }

    /// Ishigami & Homma (1990), a = 7, b = 0.1, xᵢ ~ U(−π, π): V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2,
    /// S = (0.3139, 0.4424, 0), S_T = (0.5576, 0.4424, 0.2437) (Saltelli et al. 2008, §1.2.14 / Primer).
    @Test func ishigami() throws {
        let a = 7.0, b = 0.1
        let design = try SaltelliDesign(baseSamples: 4096, groups: .individual(names: ["x1", "x2", "x3"]), seed: 3)
        let y = Self.evaluate(design) { u in
            let x = u.map { -Double.pi + 2 * Double.pi * $0 }
            return sin(x[0]) + a * sin(x[1]) * sin(x[1]) + b * pow(x[2], 4) * sin(x[0])
        }
        let indices = try SobolIndices(outputs: y, design: design, seed: 1)
        let v = a * a / 8 + b * pow(Double.pi, 4) / 5 + b * b * pow(Double.pi, 8) / 18 + 0.5
        let v1 = 0.5 * pow(1 + b * pow(Double.pi, 4) / 5, 2), v2 = a * a / 8, v13 = b * b * pow(Double.pi, 8) * (1.0 / 18 - 1.0 / 50)
        let s1 = [v1 / v, v2 / v, 0], st = [(v1 + v13) / v, v2 / v, v13 / v]
        #expect(abs(s1[0] - 0.3139) < 1e-4 && abs(st[2] - 0.2437) < 1e-4)   // the closed forms themselves
        for i in 0..<3 {
            #expect(abs(indices.firstOrder[i].value - s1[i]) < 0.01, "S1[\(i)] = \(indices.firstOrder[i].value), expected \(s1[i])")
            #expect(abs(indices.total[i].value - st[i]) < 0.01, "ST[\(i)] = \(indices.total[i].value), expected \(st[i])")
            #expect(indices.firstOrder[i].low < s1[i] && s1[i] < indices.firstOrder[i].high)
            #expect(indices.total[i].low < st[i] && st[i] < indices.total[i].high)
        }
        #expect(abs(indices.variance - v) / v < 0.02)
    }

    /// Sobol' G function, a = [0, 1, 4.5, 9, 99, 99, 99, 99]: Vᵢ = 1/(3(1 + aᵢ)²),
    /// V = Π(1 + Vᵢ) − 1, Sᵢ = Vᵢ/V, S_Tᵢ = Vᵢ·Π_{j≠i}(1 + Vⱼ)/V (Saltelli et al. 2008, §3.6).
    @Test func gFunction() throws {
        let a = [0, 1, 4.5, 9, 99, 99, 99, 99]
        let design = try SaltelliDesign(baseSamples: 4096, groups: .individual(names: a.indices.map { "x\($0)" }), seed: 5)
        let y = Self.evaluate(design) { u in
            zip(u, a).reduce(1.0) { $0 * (abs(4 * $1.0 - 2) + $1.1) / (1 + $1.1) }
        }
        let indices = try SobolIndices(outputs: y, design: design, seed: 2)
        let vi = a.map { 1 / (3 * (1 + $0) * (1 + $0)) }
        let product = vi.reduce(1.0) { $0 * (1 + $1) }
        let v = product - 1
        for i in a.indices {
            let s1 = vi[i] / v, st = vi[i] * product / (1 + vi[i]) / v
            #expect(abs(indices.firstOrder[i].value - s1) < 0.01, "S1[\(i)] = \(indices.firstOrder[i].value), expected \(s1)")
            #expect(abs(indices.total[i].value - st) < 0.01, "ST[\(i)] = \(indices.total[i].value), expected \(st)")
        }
    }

    /// y = Σ cᵢxᵢ with independent xᵢ ~ N(0, σᵢ²): Sᵢ = S_Tᵢ = cᵢ²σᵢ²/Σⱼcⱼ²σⱼ² (additive model);
    /// each must lie within its bootstrap 95% interval, and a grouped pair gets the sum of its shares.
    @Test func linearModelSharesOfVariance() throws {
        let c = [1.0, -2.0, 0.5, 3.0], sigma = [1.0, 0.5, 2.0, 0.3]
        let total = zip(c, sigma).reduce(0.0) { $0 + $1.0 * $1.0 * $1.1 * $1.1 }
        let shares = zip(c, sigma).map { $0 * $0 * $1 * $1 / total }
        func f(_ u: [Double]) -> Double { (0..<4).reduce(0.0) { $0 + c[$1] * sigma[$1] * StandardNormal.quantile(u[$1]) } }
        let design = try SaltelliDesign(baseSamples: 2048, groups: .individual(names: ["a", "b", "c", "d"]), seed: 11)
        let indices = try SobolIndices(outputs: Self.evaluate(design, f), design: design, seed: 4)
        for i in 0..<4 {
            #expect(indices.firstOrder[i].low <= shares[i] && shares[i] <= indices.firstOrder[i].high, "S1[\(i)] \(indices.firstOrder[i]) vs \(shares[i])")
            #expect(indices.total[i].low <= shares[i] && shares[i] <= indices.total[i].high, "ST[\(i)] \(indices.total[i]) vs \(shares[i])")
        }
        let grouped = try FactorGroups(names: ["a+d", "b", "c"], members: [[0, 3], [1], [2]], inputs: 4)
        let groupDesign = try SaltelliDesign(baseSamples: 2048, groups: grouped, seed: 11)
        #expect(groupDesign.rows == 2048 * 5)
        let groupIndices = try SobolIndices(outputs: Self.evaluate(groupDesign, f), design: groupDesign, seed: 4)
        let pair = shares[0] + shares[3]
        #expect(groupIndices.firstOrder[0].low <= pair && pair <= groupIndices.firstOrder[0].high)
        #expect(groupIndices.total[0].low <= pair && pair <= groupIndices.total[0].high)
    }

    @Test func constantOutputGivesZeroIndices() throws {
        let design = try SaltelliDesign(baseSamples: 64, groups: .individual(names: ["a", "b"]), seed: 1)
        let indices = try SobolIndices(outputs: [Double](repeating: 1, count: design.rows), design: design)
        #expect(indices.constantOutput)
        #expect(indices.firstOrder.allSatisfy { $0.value == 0 } && indices.total.allSatisfy { $0.value == 0 })
    }

    @Test func rejectsMismatchedOutputs() throws {
        let design = try SaltelliDesign(baseSamples: 8, groups: .individual(names: ["a"]), seed: 1)
        #expect(throws: SensitivityError.outputCountMismatch(expected: 24, actual: 3)) {
            _ = try SobolIndices(outputs: [1, 2, 3], design: design)
        }
        #expect(throws: SensitivityError.self) { _ = try FactorGroups(names: ["a", "b"], members: [[0], [0]], inputs: 2) }
    }
}
