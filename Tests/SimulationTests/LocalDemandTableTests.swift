import Testing
@testable import Simulation

/// `LocalDemandTable` (the demand levers' local shares flattened once a run) against the
/// formula it replaces, evaluated entry by entry from `FinalDemandLeakage`'s nested shares:
/// dᵢ·sᵢ/(1 + t_u) with sᵢ = min(1, max(0, share)) and sᵢ = 1 past a lever's list. Bit for bit
/// (bitPattern), no tolerance: the table must do the same operations on the same values.
@Suite struct LocalDemandTableTests {
    /// Three sectors, levers 0 and 2 are demand levers (1 is not); lever 0 has a constant
    /// share above 1, a sampled share (parameter 0) and a negative constant; lever 2 lists one
    /// share only (the others count as 1). Uses 0 and 1 with their rates.
    let leakage = FinalDemandLeakage(
        localShares: [[.constant(1.4), .parameter(0), .constant(-0.2)], [], [.parameter(1)]], useOfLever: [1, -1, 0],
        taxWeights: [.constant(1), .constant(0.5)], purchases: [1000, 2000], finalUseTaxes: 200,
        intermediateTaxPerValueAdded: [0, 0, 0])
    let directions = [0.3, 0.5, 0.2, 0.1, 0.7, 0.2]

    /// The formula as the evaluator computed it before the table, for comparison.
    func reference(theta: [Double], rates: [Double]) -> (vectors: [Double], taxRates: [Double]) {
        let levers = [0, 2], n = 3
        var vectors = [Double](repeating: 0, count: 6), taxRates = [Double](repeating: 0, count: 2)
        theta.withUnsafeBufferPointer { theta in
            for (column, l) in levers.enumerated() {
                let u = leakage.useOfLever[l]
                let rate = u >= 0 ? rates[u] : 0
                taxRates[column] = rate
                let shares = leakage.localShares[l]
                for i in 0..<n {
                    let share = i >= shares.count ? 1 : min(1, max(0, shares[i].value(theta)))
                    vectors[i + n * column] = directions[i + n * column] * share / (1 + rate)
                }
            }
        }
        return (vectors, taxRates)
    }

    @Test("The flattened table gives the nested formula's local demand bit for bit", arguments: [
        [0.37, 0.81], [1.7, -0.4], [0, 1], [0.123456789, 0.987654321],
    ])
    func sameBits(theta: [Double]) {
        let table = LocalDemandTable(leakage, levers: [0, 2], order: 3)
        var rates = [Double](repeating: 0, count: 2)
        theta.withUnsafeBufferPointer { leakage.rates($0, into: &rates) }
        let vectors = UnsafeMutableBufferPointer<Double>.allocate(capacity: 6), taxRates = UnsafeMutableBufferPointer<Double>.allocate(capacity: 2)
        defer { vectors.deallocate(); taxRates.deallocate() }
        vectors.initialize(repeating: 0)
        taxRates.initialize(repeating: 0)
        theta.withUnsafeBufferPointer { table.fill($0, useRates: rates, directions: directions, taxRates: taxRates, into: vectors) }
        let expected = reference(theta: theta, rates: rates)
        #expect(Array(vectors).map(\.bitPattern) == expected.vectors.map(\.bitPattern))
        #expect(Array(taxRates).map(\.bitPattern) == expected.taxRates.map(\.bitPattern))
        // The rate is not 0 here (r = 200/(1,000 + 0.5·2,000) = 0.1 per unit weight), so the
        // division is exercised.
        #expect(expected.taxRates.allSatisfy { $0 > 0 })
    }
}
