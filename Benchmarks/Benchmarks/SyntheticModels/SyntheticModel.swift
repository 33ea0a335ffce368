import InputOutput
import LinearAlgebra
import Sampling
import Scenarios
import Simulation

/// SplitMix64 (Steele, Lea & Flood 2014) with uniforms made from the top 53 bits, so that
/// `numpy_montecarlo.py` reproduces every number of the synthetic model exactly (it runs
/// the same generator in Python integers).
struct ModelGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform in [0, 1): (next() >> 11) · 2⁻⁵³.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// lower + (upper − lower) · unit().
    mutating func uniform(_ lower: Double, _ upper: Double) -> Double { lower + (upper - lower) * unit() }

    /// An integer in [0, count): next() mod count (the bias is below 2⁻⁵⁶ for the counts used).
    mutating func index(below count: Int) -> Int { Int(next() % UInt64(count)) }
}

/// The synthetic benchmark model: a random productive table of `sectors` sectors (built as
/// `Tests/TestSupport/TableFixtures.swift` builds `randomProductive`: A ≥ 0 dense, column
/// sums in [0.2, 0.7], f in [10, 1000], x = (I − A)⁻¹·f, Z = A·x̂), accounts lines = the
/// sectors plus `product_taxes` (base shares: 90% by value added, taxes 10%), a normal
/// baseline growth per line, and `levers` demand levers on random mixes of 3–8 sectors with
/// PERT (even levers) or normal (odd levers) amounts (table units; together about 1% of
/// value added, so that the levers move GRDP growth by about a point). Levers 3 and 7 also move
/// exports (normal pp); the amounts are correlated (Gaussian copula, ρ = 0.3 between every
/// pair); product taxes follow value added with a constant elasticity 0.8. So the model is
/// affine in its parameters and the engine evaluates it by one dgemm per block of draws.
///
/// `numpy_montecarlo.py --model synthetic` builds the same model from the same seed; keep
/// both in step when changing either.
public enum SyntheticModel {
    public static let seed: UInt64 = 2025
    static let categories: [ContributionCategory] = [.households, .government, .investment, .exports, .visitors]
    static let leversWithExports: Set<Int> = [3, 7]
    static let amountCorrelation = 0.3
    static let quarterlyWeights = [0.22, 0.24, 0.25, 0.29]
    static let target = 6.5
    static let exportsTarget = 7.0
    static let taxElasticity = 0.8
    static let taxShare = 0.10

    public static func make(sectors n: Int = 200, levers leverCount: Int = 10, seed: UInt64 = seed) throws -> SimulationModel {
        var rng = ModelGenerator(seed: seed)
        // Table: A column by column, then f, x, Z.
        var a = Matrix(rows: n, columns: n)
        for j in 0..<n {
            var column = (0..<n).map { _ in rng.unit() }
            let columnSum = rng.uniform(0.2, 0.7)
            let total = column.reduce(0, +)
            column = column.map { $0 * columnSum / total }
            for i in 0..<n { a[i, j] = column[i] }
        }
        let f = (0..<n).map { _ in rng.uniform(10, 1000) }
        let x = try LUFactorization(of: a.identityMinus()).solve(f)
        let z = try a.scalingColumns(by: x)
        let valueAdded = zip(x, z.columnSums).map { $0 - $1 }
        var finalDemand = Matrix(rows: n, columns: 2)
        var primary = Matrix(rows: 2, columns: n)
        for i in 0..<n {
            finalDemand[i, 0] = f[i] / 2
            finalDemand[i, 1] = f[i] - f[i] / 2
            primary[0, i] = 0.4 * valueAdded[i]
            primary[1, i] = valueAdded[i] - primary[0, i]
        }
        let sectorNames = (0..<n).map { "s\($0)" }
        let table = try IOTable(
            sectors: sectorNames, intermediate: z,
            finalDemandColumns: [.init(label: "households", kind: .households), .init(label: "exports", kind: .exports)],
            finalDemand: finalDemand,
            primaryInputRows: [.init(label: "compensation", kind: .compensation), .init(label: "operating_surplus", kind: .operatingSurplus)],
            primaryInputs: primary, output: x)
        let economy = try EconomyCoefficients(table: table)

        // Accounts lines: sectors, then product taxes; groups g0…g3 by sector, "taxes".
        let lines = sectorNames + ["product_taxes"]
        let totalValueAdded = valueAdded.reduce(0, +)
        let shares = valueAdded.map { (1 - taxShare) * $0 / totalValueAdded } + [taxShare]
        let groups = ["g0", "g1", "g2", "g3", "taxes"]
        let groupOfLine: [Int?] = (0..<n).map { $0 % 4 } + [4]
        let sectorOfLine: [Int?] = (0..<n).map { $0 } + [nil]

        // Parameters in the engine's documented order: baselines, then each lever's amount
        // (and exports pp), then the exports indicator.
        var parameters: [ParameterSpecification] = []
        func parameter(_ id: String, _ distribution: Distribution) -> ParameterValue {
            parameters.append(ParameterSpecification(id: id, distribution: distribution))
            return .parameter(parameters.count - 1)
        }
        var baseline: [ParameterValue] = []
        for line in lines {
            let mean = rng.uniform(2, 9), sd = rng.uniform(0.5, 2)
            baseline.append(parameter("baseline.\(line)", try .normal(mean: mean, standardDeviation: sd)))
        }
        var levers: [SimulationLever] = []
        var amountIndices: [Int] = []
        for l in 0..<leverCount {
            let count = 3 + rng.index(below: 6)
            var picked: [Int] = []
            while picked.count < count {
                let s = rng.index(below: n)
                if !picked.contains(s) { picked.append(s) }
            }
            let weights = picked.map { _ in 0.1 + rng.unit() }
            let weightTotal = weights.reduce(0, +)
            var direction = [Double](repeating: 0, count: n)
            for (s, w) in zip(picked, weights) { direction[s] = w / weightTotal }
            let distribution: Distribution
            if l % 2 == 0 {
                let mode = rng.uniform(20, 150)
                let lower = mode - rng.uniform(30, 120), upper = mode + rng.uniform(50, 300)
                distribution = try .pert(lower: lower, mode: mode, upper: upper)
            } else {
                let mean = rng.uniform(20, 150), sd = rng.uniform(10, 60)
                distribution = try .normal(mean: mean, standardDeviation: sd)
            }
            let amount = parameter("levers.d\(l).amount", distribution)
            if case let .parameter(index) = amount { amountIndices.append(index) }
            let exports = leversWithExports.contains(l)
                ? parameter("levers.d\(l).exports_growth_pp", try .normal(mean: 0.3, standardDeviation: 0.2)) : nil
            levers.append(SimulationLever(
                id: "d\(l)", name: "demand lever \(l)", category: categories[l % categories.count],
                effect: .demand(direction: direction, amount: amount, exportsGrowthPP: exports),
                quarters: l % 3 == 0 ? [0.1, 0.2, 0.3, 0.4] : nil))
        }
        let exportsBaseline = parameter("indicators.exports", try .normal(mean: 7, standardDeviation: 3))
        var correlation = Matrix(rows: leverCount, columns: leverCount, repeating: amountCorrelation)
        for i in 0..<leverCount { correlation[i, i] = 1 }
        return try SimulationModel(
            sectors: sectorNames, lines: lines, groups: groups, groupOfLine: groupOfLine, sectorOfLine: sectorOfLine,
            taxLines: [n], baseline: baseline, taxElasticity: .constant(taxElasticity), levers: levers,
            exportsBaseline: exportsBaseline, cpiBaseline: nil, parameters: parameters,
            correlation: (amountIndices, try GaussianCopula(correlation: correlation)),
            economy: .fixed(economy, shares: shares), quarterlyWeights: quarterlyWeights,
            target: target, exportsTarget: exportsTarget, cpiCeiling: nil, actualQuarters: [])
    }
}
