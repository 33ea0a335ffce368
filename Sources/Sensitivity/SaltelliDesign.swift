/// The Saltelli design for first-order and total Sobol' indices without second-order terms
/// (Saltelli 2002; Saltelli et al. 2010, "Variance based sensitivity analysis of model output",
/// Comput. Phys. Commun. 181, 259–270), laid out as SALib's `sobol.sample(calc_second_order=False)`:
/// a scrambled Sobol' sequence of dimension 2k gives A (its first k columns) and B (the last k);
/// for each factor g, ABᵍ is A with the columns of g's inputs taken from B. Base row i gives the
/// G + 2 consecutive rows Aᵢ, ABᵢ¹, …, ABᵢᴳ, Bᵢ, so the design has N·(G + 2) rows.
///
/// ```swift
/// let design = try SaltelliDesign(baseSamples: 1024, groups: .individual(names: ["x1", "x2", "x3"]), seed: 1)
/// // evaluate f on each row of design.uniforms, then SobolIndices(outputs:design:)
/// ```
/// - Complexity: O(N·(G + 2)·k) time and memory.
public struct SaltelliDesign: Sendable {
    public let baseSamples: Int
    public let groups: FactorGroups
    /// Row-major uniforms in (0, 1), `rows × inputs`.
    public let uniforms: [Double]

    public var inputs: Int { groups.inputCount }
    public var rowsPerBase: Int { groups.count + 2 }
    public var rows: Int { baseSamples * rowsPerBase }

    /// - Parameters:
    ///   - baseSamples: N, 2…2²⁴ (a power of two keeps the Sobol' points balanced).
    ///   - seed: the scramble's seed.
    public init(baseSamples: Int, groups: FactorGroups, seed: UInt64) throws(SensitivityError) {
        guard baseSamples >= 2, baseSamples <= 1 << 24 else {
            throw .countOutOfRange(name: "base samples", value: baseSamples, allowed: 2...(1 << 24))
        }
        let k = groups.inputCount
        let sequence = try ScrambledSobolSequence(dimensions: 2 * k, seed: seed)
        let base = try sequence.points(count: baseSamples)
        let perBase = groups.count + 2
        var uniforms = [Double](repeating: 0, count: baseSamples * perBase * k)
        for i in 0..<baseSamples {
            let a = 2 * k * i, b = a + k
            let first = i * perBase * k
            for row in 0..<perBase {
                let out = first + row * k
                for j in 0..<k { uniforms[out + j] = base[row == perBase - 1 ? b + j : a + j] }
            }
            for g in 0..<groups.count {
                let out = first + (g + 1) * k
                for j in groups.members[g] { uniforms[out + j] = base[b + j] }
            }
        }
        self.baseSamples = baseSamples
        self.groups = groups
        self.uniforms = uniforms
    }
}
