import LinearAlgebra
import Sampling
@testable import Simulation
import Testing

/// The block loops of the Monte Carlo engine (`ParameterTransform.apply`, `CopulaStep`,
/// `BlockMoments`) against the general code they replace: every value must have the same bits
/// (`bitPattern` equality, no tolerance), for every distribution kind the transform supports.
@Suite("Parameter transform rules, copula step and block moments, bit for bit")
struct ParameterTransformRulesTests {
    /// One parameter of every rule: normal, normal σ = 0, lognormal, lognormal σ = 0, uniform,
    /// triangular, triangular of zero width, triangular with the mode at an end, PERT and beta
    /// (tabulated), PERT of zero width (exact), discrete and constant (exact).
    static func parameters() throws -> [ParameterSpecification] {
        let distributions: [Distribution] = [
            try .normal(mean: 2.5, standardDeviation: 1.25),
            try .normal(mean: -3, standardDeviation: 0),
            try .lognormal(logMean: 0.3, logStandardDeviation: 0.4),
            try .lognormal(logMean: 1.1, logStandardDeviation: 0),
            try .uniform(lower: -2, upper: 7),
            try .triangular(lower: 1, mode: 2, upper: 6),
            try .triangular(lower: 4, mode: 4, upper: 4),
            try .triangular(lower: 0, mode: 0, upper: 3),
            try .pert(lower: -2120, mode: 2770, upper: 6660),
            try .beta(alpha: 2, beta: 5, lower: 0.1, upper: 0.9),
            try .pert(lower: 5, mode: 5, upper: 5),
            try .discrete(values: [1, 2, 4], probabilities: [0.2, 0.5, 0.3]),
            try .constant(8),
        ]
        return distributions.enumerated().map { ParameterSpecification(id: "p\($0.offset)", distribution: $0.element) }
    }

    /// Uniforms that reach every branch: the ends, the smallest positive double, both sides of
    /// AS241's central region (|u − ½| = 0.425) and of its r = 5 tail switch, the table's range
    /// (Φ(±5)), NaN, then counter-stream uniforms.
    static let specialUniforms: [Double] = [
        0, 1, .leastNonzeroMagnitude, 1e-300, 1e-12, 2.8e-7, 2.9e-7, 0.075, 0.0750000001, 0.5, 0.925, 0.9249999,
        1 - 2.9e-7, 1 - 1e-16, 0.999999999999, .nan, -0.1, 1.5,
    ]

    /// Normal scores for the correlated parameters: both sides of the table's range ±5, far
    /// tails, ±∞ and NaN.
    static let specialScores: [Double] = [0, -5, 5, -4.999, 4.999, -5.0001, 5.0001, -8, 8, -38, 40, .infinity, -.infinity, .nan, 1e-300]

    /// θ (k × draws, column per draw): special values first, then uniforms (or, for correlated
    /// parameters of the normal-score kinds, normal scores Φ⁻¹(u)) from the counter streams.
    static func theta(k: Int, draws: Int, normalScore: [Bool]) -> [Double] {
        var theta = [Double](repeating: 0, count: k * draws)
        for j in 0..<k {
            var u = [Double](repeating: 0, count: draws)
            CounterRandomStream(seed: 17, stream: UInt64(j)).fill(&u, firstIndex: 0)
            let special = normalScore[j] ? specialScores : specialUniforms
            for t in 0..<draws {
                if t < special.count {
                    theta[j + k * t] = special[t]
                } else {
                    theta[j + k * t] = normalScore[j] ? StandardNormal.quantile(u[t]) : u[t]
                }
            }
        }
        return theta
    }

    static func sameBits(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
    }

    /// `apply` (one loop per rule, tile by tile) against `applyGeneral` (draw by draw), with
    /// and without correlated parameters; 200 draws are three tiles of 64 and a partial one.
    @Test("apply has the bits of applyGeneral for every rule", arguments: [false, true])
    func rulesMatchGeneral(correlated: Bool) throws {
        let parameters = try Self.parameters()
        let k = parameters.count, draws = 200
        let tables = QuantileTables.tables(for: parameters)
        #expect(tables[8] != nil && tables[9] != nil, "PERT and beta are tabulated")
        let indices = correlated ? Array(0..<k) : []
        let transform = ParameterTransform(parameters: parameters, tables: tables, correlated: indices)
        let rules = Set(transform.rules.map(\.rule))
        let expected: Set<ParameterTransform.Rule> = correlated
            ? [.constant, .normalScoreNormal, .normalScoreLognormal, .uniform, .triangular, .normalScoreTable, .exact]
            : [.constant, .normal, .lognormal, .uniform, .triangular, .table, .exact]
        #expect(rules == expected)
        var fast = Self.theta(k: k, draws: draws, normalScore: transform.takesNormalScore)
        var general = fast
        fast.withUnsafeMutableBufferPointer { transform.apply($0.baseAddress!, parameters: k, draws: draws) }
        general.withUnsafeMutableBufferPointer { transform.applyGeneral($0.baseAddress!, parameters: k, draws: draws) }
        for j in 0..<k {
            let a = (0..<draws).map { fast[j + k * $0] }, b = (0..<draws).map { general[j + k * $0] }
            #expect(Self.sameBits(a, b), "parameter \(j): \(parameters[j].distribution)")
        }
    }

    /// A parameter whose table is missing (nil) goes through the exact quantile in both paths.
    @Test("A PERT without a table is exact in both paths")
    func missingTable() throws {
        let parameters = [ParameterSpecification(id: "pert", distribution: try .pert(lower: 0, mode: 1, upper: 10))]
        let transform = ParameterTransform(parameters: parameters, tables: [nil], correlated: [0])
        #expect(transform.rules.map(\.rule) == [.exact])
        var fast = Self.theta(k: 1, draws: 70, normalScore: [false])
        var general = fast
        fast.withUnsafeMutableBufferPointer { transform.apply($0.baseAddress!, parameters: 1, draws: 70) }
        general.withUnsafeMutableBufferPointer { transform.applyGeneral($0.baseAddress!, parameters: 1, draws: 70) }
        #expect(Self.sameBits(fast, general))
    }

    /// The copula step on raw pointers against its index-by-index form (Φ⁻¹ of each correlated
    /// uniform, L·z, then z or Φ(z) back into θ), over a correlation of four parameters.
    @Test("The copula step has the bits of the index-by-index loops")
    func copulaStepMatchesIndexLoops() throws {
        let parameters = try Self.parameters()
        let k = parameters.count, draws = 203
        let indices = [0, 2, 4, 8]
        let copula = try GaussianCopula(correlation: Matrix(rows: [
            [1, 0.5, 0.2, -0.3], [0.5, 1, 0.1, 0], [0.2, 0.1, 1, 0.4], [-0.3, 0, 0.4, 1],
        ]))
        let transform = ParameterTransform(parameters: parameters, tables: QuantileTables.tables(for: parameters), correlated: indices)
        let uniforms = Self.theta(k: k, draws: draws, normalScore: [Bool](repeating: false, count: k))
        var theta = uniforms
        var normals = [Double](repeating: 0, count: indices.count * draws)
        try CopulaStep.apply(
            (indices, copula), parameterCount: k, count: draws, takesNormalScore: transform.takesNormalScore,
            theta: &theta, normals: &normals)
        var expected = uniforms
        var z = [Double](repeating: 0, count: indices.count * draws)
        for (position, j) in indices.enumerated() {
            for t in 0..<draws { z[draws * position + t] = StandardNormal.quantile(uniforms[j + k * t]) }
        }
        try z.withUnsafeMutableBufferPointer { try copula.correlateInPlace(parameterRows: $0, rowStride: draws, draws: draws) }
        for (position, j) in indices.enumerated() {
            for t in 0..<draws {
                let y = z[draws * position + t]
                expected[j + k * t] = transform.takesNormalScore[j] ? y : StandardNormal.cdf(y)
            }
        }
        #expect(Self.sameBits(theta, expected))
    }

    /// The copula step refuses an index outside the parameters instead of reading past θ.
    @Test("The copula step refuses an index outside the parameters")
    func copulaStepRefusesBadIndex() throws {
        let copula = try GaussianCopula(correlation: Matrix(rows: [[1, 0.5], [0.5, 1]]))
        var theta = [Double](repeating: 0.5, count: 2 * 10), normals = [Double](repeating: 0, count: 2 * 10)
        #expect(throws: SimulationError.self) {
            try CopulaStep.apply(([0, 2], copula), parameterCount: 2, count: 10, takesNormalScore: [false, false], theta: &theta, normals: &normals)
        }
    }

    /// Four outputs at a time against `RunningMoments.insert(contentsOf:)` output by output:
    /// 11 outputs (two groups of four and three left over) of 4,096 and of 3 values, with rows
    /// holding NaN, ±∞, −0 and +0, and a constant row.
    @Test("Block moments have the bits of RunningMoments output by output", arguments: [4096, 3, 1])
    func blockMomentsMatchRunningMoments(count: Int) throws {
        let outputs = 11, stride = 4096
        var u = [Double](repeating: 0, count: outputs * stride)
        CounterRandomStream(seed: 5, stream: 3).fill(&u, firstIndex: 0)
        var rows = u.enumerated().map { ($0.element - 0.5) * Double(1 + $0.offset % 7) * 1e3 }
        rows[1 * stride + count / 2] = .nan
        rows[2 * stride] = .infinity
        rows[5 * stride + count - 1] = -.infinity
        for t in 0..<count { rows[3 * stride + t] = t % 2 == 0 ? -0.0 : 0.0 }
        for t in 0..<count { rows[9 * stride + t] = 42.125 }
        let fast = rows.withUnsafeBufferPointer { buffer in
            BlockMoments.moments(of: buffer.baseAddress!, rowStride: stride, outputs: outputs, count: count)
        }
        for o in 0..<outputs {
            var expected = RunningMoments()
            rows.withUnsafeBufferPointer { expected.insert(contentsOf: UnsafeBufferPointer(rebasing: $0[(o * stride)..<(o * stride + count)])) }
            let a = fast[o], b = expected
            #expect(a.count == b.count, "output \(o)")
            #expect(a.mean.bitPattern == b.mean.bitPattern, "output \(o)")
            #expect(a.sumOfSquaredDeviations.bitPattern == b.sumOfSquaredDeviations.bitPattern, "output \(o)")
            #expect(a.minimum.bitPattern == b.minimum.bitPattern, "output \(o)")
            #expect(a.maximum.bitPattern == b.maximum.bitPattern, "output \(o)")
        }
    }
}
