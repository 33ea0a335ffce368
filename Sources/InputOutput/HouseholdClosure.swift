import LinearAlgebra

/// The Leontief model closed with respect to households (Miller & Blair 2009, §2.5 and
/// §6.2): households become sector n+1, selling labour (compensation coefficients hᵣ as
/// the extra row) and buying consumption (hᶜ = household consumption / total household
/// income as the extra column):
///
///     Ā = ⎡ A   hᶜ ⎤ ,   L̄ = (I − Ā)⁻¹.
///         ⎣ hᵣ  0  ⎦
///
/// With competitive imports the households column includes imported consumption; its
/// share of income is what leaks. Type II multipliers and induced effects come from L̄.
/// - Complexity: O((n+1)³) to factor.
public struct HouseholdClosure: Sendable {
    /// Ā, (n+1) × (n+1).
    public let closedCoefficients: Matrix
    public let factorization: LUFactorization
    /// hᵣ: compensation of employees per unit of output.
    public let incomeCoefficients: [Double]
    /// hᶜ: household consumption of each product per unit of total household income.
    public let consumptionCoefficients: [Double]

    /// - Throws: `missingValueAddedRow` (no compensation row), `missingFinalDemandCategory`
    ///   (no households column), `notProductive` when the closed model has ρ(Ā) ≥ 1.
    public init(model: LeontiefModel) throws(InputOutputError) {
        let table = model.table
        let n = table.sectorCount
        let income = try table.compensationCoefficients()
        guard table.hasFinalDemand(.households) else { throw .missingFinalDemandCategory(FinalDemandKind.households.rawValue) }
        let totalIncome = table.primaryInput(of: .compensation).reduce(0, +)
        guard totalIncome > 0 else {
            throw .invalidParameter(name: "total compensation", value: totalIncome, reason: "household income must be positive to close the model")
        }
        let consumption = table.finalDemand(of: .households).map { max($0, 0) / totalIncome }
        var closed = Matrix(rows: n + 1, columns: n + 1)
        for j in 0..<n {
            for i in 0..<n { closed[i, j] = model.technicalCoefficients[i, j] }
            closed[n, j] = income[j]
            closed[j, n] = consumption[j]
        }
        let lu: LUFactorization
        do {
            lu = try LUFactorization(of: closed.identityMinus())
        } catch .singular {
            throw .notProductive(spectralRadiusAtLeast: 1)
        } catch {
            throw .linearAlgebra(error)
        }
        let y = try linearAlgebra { () throws(LinearAlgebraError) in try lu.solve([Double](repeating: 1, count: n + 1)) }
        guard y.allSatisfy({ $0 > 0 && $0.isFinite }) else { throw .notProductive(spectralRadiusAtLeast: nil) }
        self.closedCoefficients = closed
        self.factorization = lu
        self.incomeCoefficients = income
        self.consumptionCoefficients = consumption
    }

    /// L̄ = (I − Ā)⁻¹, (n+1) × (n+1); the last row is household income per unit of final demand.
    public func closedInverse() throws(InputOutputError) -> Matrix {
        try linearAlgebra { () throws(LinearAlgebraError) in try factorization.inverse() }
    }

    /// Output (first n entries) and household income (last entry) for an exogenous final
    /// demand that excludes household consumption. - Complexity: O(n²).
    public func totalOutputAndIncome(for exogenousDemand: [Double]) throws(InputOutputError) -> [Double] {
        try linearAlgebra { () throws(LinearAlgebraError) in try factorization.solve(exogenousDemand + [0]) }
    }
}
