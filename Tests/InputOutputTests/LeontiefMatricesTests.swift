@testable import InputOutput
import LinearAlgebra
import TestSupport
import Testing

/// A and I − A made in one pass (`IOTable.leontiefMatrices()`, the path of
/// `LeontiefModel(table:)`) against the two-step path (`technicalCoefficients()`, then
/// `identityMinus()`): the same bits, the same LU factors and the same errors.
@Suite("Leontief matrices in one pass")
struct LeontiefMatricesTests {
    static func bits(_ m: Matrix) -> [UInt64] { m.columnMajor.map(\.bitPattern) }

    @Test("A and I − A equal the two-step path bit for bit", arguments: [1, 7, 33, 120])
    func sameBits(sectors: Int) throws {
        let table = try TableFixtures.randomProductive(sectors: sectors, seed: UInt64(sectors))
        let (a, leontief, firstNegative) = try table.leontiefMatrices()
        let expected = try table.technicalCoefficients()
        #expect(Self.bits(a) == Self.bits(expected))
        #expect(Self.bits(leontief) == Self.bits(try expected.identityMinus()))
        #expect(firstNegative == nil)
        // The model built on them has the factors of the two-step path.
        let model = try LeontiefModel(table: table)
        let twoStep = try LeontiefModel(table: table, technicalCoefficients: expected)
        #expect(Self.bits(model.factorization.factors) == Self.bits(twoStep.factorization.factors))
        #expect(model.spectralRadiusBounds == twoStep.spectralRadiusBounds)
    }

    /// Two negative flows: the error names the first in column-major order, as the two-step path does.
    @Test("A negative flow is the same error as on the two-step path")
    func negativeFlow() throws {
        let table = try TableFixtures.randomProductive(sectors: 5, seed: 9)
        var z = table.intermediate
        z[3, 1] = -2
        z[0, 2] = -1
        let bad = try IOTable(sectors: table.sectors, intermediate: z, finalDemandColumns: table.finalDemandColumns,
                              finalDemand: table.finalDemand, primaryInputRows: table.primaryInputRows,
                              primaryInputs: table.primaryInputs, output: table.output)
        let expected = InputOutputError.negativeIntermediateFlow(from: table.sectors[3], to: table.sectors[1], value: -2 * (1 / table.output[1]))
        #expect(throws: expected) { try LeontiefModel(table: bad) }
        #expect(throws: expected) { try LeontiefModel(table: bad, technicalCoefficients: try bad.technicalCoefficients()) }
        #expect(try bad.leontiefMatrices().firstNegative.map { [$0.row, $0.column] } == [3, 1])
    }

    @Test("A sector without output is the same error as on the two-step path")
    func zeroOutput() throws {
        let table = try TableFixtures.randomProductive(sectors: 4, seed: 2)
        var output = table.output
        output[2] = 0
        let bad = try IOTable(sectors: table.sectors, intermediate: table.intermediate, finalDemandColumns: table.finalDemandColumns,
                              finalDemand: table.finalDemand, primaryInputRows: table.primaryInputRows,
                              primaryInputs: table.primaryInputs, output: output)
        #expect(throws: InputOutputError.zeroOutput(sector: table.sectors[2])) { try LeontiefModel(table: bad) }
        #expect(throws: InputOutputError.zeroOutput(sector: table.sectors[2])) { try bad.technicalCoefficients() }
    }
}
