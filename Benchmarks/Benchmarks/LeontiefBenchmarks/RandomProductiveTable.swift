import InputOutput
import LinearAlgebra

/// SplitMix64 (Steele, Lea & Flood 2014): seeded, so every run times the same matrices.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The inputs of one benchmark size: a random productive table and the matrices derived
/// from it. Built the way `Tests/InputOutputTests/TableFixtures.swift` builds
/// `randomProductive` (and `numpy_leontief.py` builds its matrices): A ≥ 0, dense, with
/// column sums drawn from [0.2, 0.7] (so ρ(A) ≤ 0.7 and I − A is well conditioned),
/// f > 0, x = L·f, Z = A·x̂.
struct LeontiefInputs: Sendable {
    let table: IOTable
    /// A = Z·x̂⁻¹ as the model computes it.
    let technicalCoefficients: Matrix
    /// I − A, the matrix that is factored and inverted.
    let leontiefMatrix: Matrix
    /// F: `demandScenarios` random final-demand vectors, one per column (n × k).
    let finalDemands: Matrix

    init(sectors n: Int, demandScenarios k: Int, seed: UInt64 = 2_024) throws {
        var rng = SplitMix64(seed: seed &+ UInt64(n))
        var a = Matrix(rows: n, columns: n)
        a.withUnsafeMutableColumnMajor { values in
            for j in 0..<n {
                let column = values.baseAddress! + j * n
                var sum = 0.0
                for i in 0..<n {
                    column[i] = Double.random(in: 0...1, using: &rng)
                    sum += column[i]
                }
                let scale = Double.random(in: 0.2...0.7, using: &rng) / sum
                for i in 0..<n { column[i] *= scale }
            }
        }
        let f = (0..<n).map { _ in Double.random(in: 10...1000, using: &rng) }
        let leontiefMatrix = try a.identityMinus()
        let x = try LUFactorization(of: leontiefMatrix).solve(f)
        let z = try a.scalingColumns(by: x)
        let valueAdded = zip(x, z.columnSums).map { $0 - $1 }
        var primaryInputs = Matrix(rows: 1, columns: n)
        for j in 0..<n { primaryInputs[0, j] = valueAdded[j] }
        table = try IOTable(
            sectors: (0..<n).map { "s\($0)" }, intermediate: z,
            finalDemandColumns: [.init(label: "households", kind: .households)],
            finalDemand: Matrix(rows: n, columns: 1, columnMajor: f),
            primaryInputRows: [.init(label: "value_added", kind: .valueAdded)],
            primaryInputs: primaryInputs, output: x)
        technicalCoefficients = try table.technicalCoefficients()
        self.leontiefMatrix = try technicalCoefficients.identityMinus()
        var demands = Matrix(rows: n, columns: k)
        demands.withUnsafeMutableColumnMajor { values in
            for index in values.indices { values[index] = Double.random(in: 10...1000, using: &rng) }
        }
        finalDemands = demands
    }
}
