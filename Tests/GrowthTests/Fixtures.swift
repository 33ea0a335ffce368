import Growth
import InputOutput
import LinearAlgebra
import TestSupport

enum Fixtures {
    /// Hanoi's 2025 plan on the 2024 structure, as the lead's brief states the inputs:
    /// shares of GRDP in % (agriculture 1.909, industry incl. electricity 13.968,
    /// construction 8.822, services 65.6 — GSO via vietnamnews.vn 2025-01-14 —, product
    /// taxes 9.701; they sum to 100.0) and the targets of the HĐND resolution of
    /// 25 Feb 2025 (news.laodong.vn): 3.1, 7.0, 8.9, 8.6, 5.7; headline 8.0.
    static func hanoiPlan2025() throws -> GRDPAccounts {
        try GRDPAccounts(
            region: "Hanoi", baseYear: 2024, year: 2025, unit: "% of GRDP 2024", grdpTarget: 8.0,
            sectors: [
                SectorAccount(name: "agriculture", group: "agriculture", baseValue: 1.909, target: 3.1),
                SectorAccount(name: "industry", group: "industry_construction", baseValue: 13.968, target: 7.0),
                SectorAccount(name: "construction", group: "industry_construction", baseValue: 8.822, target: 8.9),
                SectorAccount(name: "services", group: "services", baseValue: 65.6, target: 8.6),
                SectorAccount(name: "product_taxes", group: "taxes", baseValue: 9.701, target: 5.7),
            ])
    }

    /// Random valid accounts: 1–30 sectors, some with zero base value, growth in [−10, 20]%.
    static func randomAccounts(seed: UInt64) throws -> GRDPAccounts {
        var rng = SplitMix64(seed: seed)
        let n = Int.random(in: 1...30, using: &rng)
        let groups = ["agriculture", "industry_construction", "services", "taxes"]
        var sectors: [SectorAccount] = []
        for i in 0..<n {
            let zero = Int.random(in: 0..<10, using: &rng) == 0 && i > 0
            sectors.append(SectorAccount(
                name: "s\(i)", group: Bool.random(using: &rng) ? groups.randomElement(using: &rng) : nil,
                baseValue: zero ? 0 : Double.random(in: 0.01...1000, using: &rng),
                growth: Double.random(in: -10...20, using: &rng)))
        }
        return try GRDPAccounts(region: "random \(seed)", sectors: sectors)
    }

    /// Miller & Blair (2009), *Input-Output Analysis*, 2nd ed., Table 2.3: Z = [[150, 500],
    /// [200, 100]], x = [1000, 2000], value added [650, 1400]; final demand [350, 1700] split
    /// here into households [200, 1000] and exports [150, 700] (a split M&B do not give).
    static func millerBlair() throws -> IOTable {
        try IOTable(
            sectors: ["agriculture", "manufacturing"],
            intermediate: Matrix(rows: [[150, 500], [200, 100]]),
            finalDemandColumns: [.init(label: "households", kind: .households), .init(label: "exports", kind: .exports)],
            finalDemand: Matrix(rows: [[200, 150], [1000, 700]]),
            primaryInputRows: [.init(label: "value_added", kind: .valueAdded)],
            primaryInputs: Matrix(rows: [[650, 1400]]),
            output: [1000, 2000])
    }

    /// The same table with a competitive-imports column: households [250, 1100], exports
    /// [150, 700], imports [−50, −100] (net final demand still [350, 1700]).
    static func millerBlairWithImports() throws -> IOTable {
        try IOTable(
            sectors: ["agriculture", "manufacturing"],
            intermediate: Matrix(rows: [[150, 500], [200, 100]]),
            finalDemandColumns: [
                .init(label: "households", kind: .households), .init(label: "exports", kind: .exports),
                .init(label: "imports", kind: .imports),
            ],
            finalDemand: Matrix(rows: [[250, 150, -50], [1100, 700, -100]]),
            primaryInputRows: [.init(label: "value_added", kind: .valueAdded)],
            primaryInputs: Matrix(rows: [[650, 1400]]),
            output: [1000, 2000])
    }

    /// A random productive, balanced table without imports: A ≥ 0 with column sums in
    /// [0.2, 0.7], four final-demand categories > 0, x = L·f, Z = A·x̂, value added x − 1ᵀZ.
    static func randomProductive(sectors n: Int, seed: UInt64) throws -> IOTable {
        var rng = SplitMix64(seed: seed)
        var a = Matrix(rows: n, columns: n)
        for j in 0..<n {
            var column = (0..<n).map { _ in Double.random(in: 0...1, using: &rng) }
            let target = Double.random(in: 0.2...0.7, using: &rng)
            let sum = column.reduce(0, +)
            column = column.map { $0 * target / sum }
            for i in 0..<n { a[i, j] = column[i] }
        }
        let kinds: [FinalDemandKind] = [.households, .government, .grossFixedCapitalFormation, .exports]
        var fd = Matrix(rows: n, columns: kinds.count)
        for c in 0..<kinds.count {
            for i in 0..<n { fd[i, c] = Double.random(in: 1...500, using: &rng) }
        }
        let f = fd.rowSums
        let x = try LUFactorization(of: a.identityMinus()).solve(f)
        let z = try a.scalingColumns(by: x)
        let valueAdded = zip(x, z.columnSums).map { $0 - $1 }
        return try IOTable(
            sectors: (0..<n).map { "s\($0)" }, intermediate: z,
            finalDemandColumns: kinds.map { FinalDemandColumn(label: $0.rawValue, kind: $0) },
            finalDemand: fd,
            primaryInputRows: [.init(label: "value_added", kind: .valueAdded)],
            primaryInputs: Matrix(rows: [valueAdded]), output: x)
    }
}
