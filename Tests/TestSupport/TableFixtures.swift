import InputOutput
import LinearAlgebra

public enum TableFixtures {
    /// Miller & Blair (2009), *Input-Output Analysis*, 2nd ed., §2.3, Table 2.3: two sectors,
    /// Z = [[150, 500], [200, 100]], f = [350, 1700], x = [1000, 2000]; value added
    /// 650 and 1400 split here into compensation and surplus (a split M&B do not give;
    /// it only matters for the income tests).
    public static func millerBlair() throws -> IOTable {
        try IOTable(
            sectors: ["agriculture", "manufacturing"],
            intermediate: Matrix(rows: [[150, 500], [200, 100]]),
            finalDemandColumns: [.init(label: "households", kind: .households), .init(label: "exports", kind: .exports)],
            finalDemand: Matrix(rows: [[200, 150], [1000, 700]]),
            primaryInputRows: [.init(label: "compensation", kind: .compensation), .init(label: "operating_surplus", kind: .operatingSurplus)],
            primaryInputs: Matrix(rows: [[300, 800], [350, 600]]),
            output: [1000, 2000],
            satelliteRows: ["employment"], satellites: Matrix(rows: [[20, 30]]))
    }

    /// A random productive, balanced table without imports or product taxes: A ≥ 0 with
    /// column sums in [0.2, 0.7], f > 0 (half households, half exports), x = L·f,
    /// Z = A·x̂, value added = x − 1ᵀZ split 40/60 into compensation and surplus,
    /// employment proportional to output with random intensities.
    public static func randomProductive(sectors n: Int, seed: UInt64) throws -> IOTable {
        var rng = SplitMix64(seed: seed)
        var a = Matrix(rows: n, columns: n)
        for j in 0..<n {
            var column = (0..<n).map { _ in Double.random(in: 0...1, using: &rng) }
            let target = Double.random(in: 0.2...0.7, using: &rng)
            let sum = column.reduce(0, +)
            column = column.map { $0 * target / sum }
            for i in 0..<n { a[i, j] = column[i] }
        }
        let f = (0..<n).map { _ in Double.random(in: 10...1000, using: &rng) }
        let x = try LUFactorization(of: a.identityMinus()).solve(f)
        let z = try a.scalingColumns(by: x)
        let valueAdded = zip(x, z.columnSums).map { $0 - $1 }
        var fd = Matrix(rows: n, columns: 2)
        for i in 0..<n { fd[i, 0] = f[i] / 2; fd[i, 1] = f[i] - f[i] / 2 }
        var w = Matrix(rows: 2, columns: n)
        var e = Matrix(rows: 1, columns: n)
        for j in 0..<n {
            w[0, j] = 0.4 * valueAdded[j]
            w[1, j] = valueAdded[j] - w[0, j]
            e[0, j] = x[j] * Double.random(in: 0.01...0.1, using: &rng)
        }
        return try IOTable(
            sectors: (0..<n).map { "s\($0)" }, intermediate: z,
            finalDemandColumns: [.init(label: "households", kind: .households), .init(label: "exports", kind: .exports)],
            finalDemand: fd,
            primaryInputRows: [.init(label: "compensation", kind: .compensation), .init(label: "operating_surplus", kind: .operatingSurplus)],
            primaryInputs: w, output: x, satelliteRows: ["employment"], satellites: e)
    }
}

public func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
