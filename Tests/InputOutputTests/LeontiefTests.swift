import InputOutput
import LinearAlgebra
import TestSupport
import Testing

@Suite("Leontief model: Miller & Blair worked example and identities")
struct LeontiefTests {
    /// Miller & Blair (2009) §2.3: A = [[0.15, 0.25], [0.20, 0.05]],
    /// L = [[1.2541, 0.3300], [0.2640, 1.1221]] (4 decimals, so tolerance 5e-5),
    /// and for f = [600, 1500], x = [1247.5248, 1841.5842] (tolerance 5e-5).
    @Test("Miller & Blair chapter 2")
    func millerBlairChapter2() throws {
        let table = try TableFixtures.millerBlair()
        try table.validate()
        let model = try LeontiefModel(table: table)
        let a = model.technicalCoefficients
        #expect(try a.maxAbsoluteDifference(to: Matrix(rows: [[0.15, 0.25], [0.20, 0.05]])) < 1e-15)
        let l = try model.leontiefInverse()
        #expect(try l.maxAbsoluteDifference(to: Matrix(rows: [[1.2541, 0.3300], [0.2640, 1.1221]])) < 5e-5)
        let x = try model.totalOutput(for: [600, 1500])
        #expect(maxDifference(x, [1247.5248, 1841.5842]) < 5e-5)
        // And the base year: L·f = x with f = [350, 1700] (exact up to rounding, 1e-9).
        #expect(maxDifference(try model.totalOutput(for: [350, 1700]), [1000, 2000]) < 1e-9)
        // ρ(A) = (0.2 + √(0.01 + 0.2))/2 ≈ 0.3291 (eigenvalues of the 2×2 A); the bracket contains it.
        let rho = (0.2 + (0.1 * 0.1 + 4 * 0.25 * 0.2).squareRoot()) / 2
        #expect(model.spectralRadiusBounds.contains(rho))
    }

    /// Identities on random productive tables up to n = 500. Tolerances: entries of L are
    /// O(1/(1 − 0.7)) ≈ 3 and the LU error is ≈ n·ε·κ(I − A) ≤ 500·2.2e-16·10 ≈ 1e-12;
    /// we allow 1e-9 relative on outputs and 1e-10 on L entries.
    @Test("L·f = x, (I − A)·L = I, G = x̂⁻¹·L·x̂", arguments: [3, 40, 500])
    func identities(n: Int) throws {
        let table = try TableFixtures.randomProductive(sectors: n, seed: UInt64(n))
        try table.validate(tolerance: 1e-9)
        let model = try LeontiefModel(table: table)
        let x = try model.totalOutput(for: table.netFinalDemand)
        #expect(zip(x, table.output).allSatisfy { abs($0 - $1) <= 1e-9 * $1 })
        let l = try model.leontiefInverse()
        let identity = try model.technicalCoefficients.identityMinus().multiplied(by: l)
        #expect(try identity.maxAbsoluteDifference(to: .identity(n)) < 1e-10)
        let g = try GhoshModel(table: table).ghoshInverse()
        let expectedG = try l.scalingRows(by: table.output.map { 1 / $0 }).scalingColumns(by: table.output)
        #expect(try g.maxAbsoluteDifference(to: expectedG) < 1e-9 * expectedG.maxAbsoluteEntry)
        // Several demand vectors in one solve agree with single solves.
        let demands = try Matrix(rows: n, columns: 2, columnMajor: table.netFinalDemand + table.finalDemand(of: .exports))
        let outputs = try model.totalOutput(for: demands)
        #expect(maxDifference(outputs.column(1), try model.totalOutput(for: table.finalDemand(of: .exports))) < 1e-9 * (table.output.max() ?? 1))
    }

    /// The productivity check comes first: a table whose column needs more than one unit
    /// of inputs per unit of output is rejected before anything is computed.
    @Test("Unproductive coefficients are a clear error")
    func unproductive() throws {
        let table = try TableFixtures.millerBlair()
        let a = try Matrix(rows: [[0.6, 0.5], [0.5, 0.6]])  // ρ = 1.1
        #expect(throws: InputOutputError.self) { try LeontiefModel(table: table, technicalCoefficients: a) }
        do {
            _ = try LeontiefModel(table: table, technicalCoefficients: a)
        } catch {
            if case let .notProductive(rho) = error {
                #expect(abs((rho ?? 0) - 1.1) < 1e-12)  // eigenvalues of [[.6,.5],[.5,.6]]: 1.1 and 0.1
            } else {
                Issue.record("expected notProductive, got \(error)")
            }
            #expect(error.description.contains("not productive"))
        }
    }
}
