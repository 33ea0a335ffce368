import LinearAlgebra

/// Row vectors times L̄ = (I − Ā)⁻¹ of the household-closed model (`HouseholdClosure`)
/// without factoring the (n+1)-order system: bordering on the open model's LU factors.
///
/// With M = I − A, hᵣ the compensation coefficients (row) and hᶜ the consumption
/// coefficients (column), (I − Ā)ᵀ [p; q] = [b; β] reads Mᵀp − hᵣᵀq = b and −hᶜᵀp + q = β,
/// so with u = M⁻ᵀb and v = M⁻ᵀhᵣᵀ (one solve, kept):
///
///     q = (β + hᶜ·u) / s,   p = u + v·q,   s = 1 − hᶜ·v = 1 − hᵣ·M⁻¹·hᶜ.
///
/// s is the Schur complement of M in I − Ā; for A ≥ 0 with ρ(A) < 1, ρ(Ā) < 1 exactly
/// when s > 0 (I − Ā is then a nonsingular M-matrix; Berman & Plemmons 1994, ch. 6),
/// the closed model's productivity check. Source of the bordering: Miller & Blair (2009),
/// §6.2 (Type II multipliers as weighted column sums of L̄, that is row vectors times L̄).
/// - Complexity: O(n) per row vector given its open solution bᵀL, after the open model's O(n³) LU.
struct HouseholdClosureRows {
    let model: LeontiefModel
    let consumption: [Double]
    /// v = M⁻ᵀ hᵣᵀ.
    let incomeResponse: [Double]
    /// s = 1 − hᶜ·v.
    let schurComplement: Double

    /// - Throws: what `HouseholdClosure(model:)` throws: no compensation row or households
    ///   column, no household income, `notProductive` when s ≤ 0.
    init(model: LeontiefModel) throws(InputOutputError) {
        let table = model.table
        let income = try table.compensationCoefficients()
        guard table.hasFinalDemand(.households) else { throw .missingFinalDemandCategory(FinalDemandKind.households.rawValue) }
        let totalIncome = table.primaryInput(of: .compensation).reduce(0, +)
        guard totalIncome > 0 else {
            throw .invalidParameter(name: "total compensation", value: totalIncome, reason: "household income must be positive to close the model")
        }
        consumption = table.finalDemand(of: .households).map { max($0, 0) / totalIncome }
        incomeResponse = try model.transposedSolve(income)
        schurComplement = 1 - zip(consumption, incomeResponse).reduce(0) { $0 + $1.0 * $1.1 }
        guard schurComplement > 0, schurComplement.isFinite else { throw .notProductive(spectralRadiusAtLeast: nil) }
        self.model = model
    }

    /// [b; β]ᵀ L̄ (first n entries: sectors; last: households) from u = M⁻ᵀb already solved
    /// (bᵀL, a Type I multiplier row), so it takes no solve of its own; b = 0 (the
    /// households row of L̄) is u = 0. - Complexity: O(n).
    func rowTimesClosedInverse(openSolution u: [Double], households beta: Double) -> (sectors: [Double], households: Double) {
        let q = (beta + zip(consumption, u).reduce(0) { $0 + $1.0 * $1.1 }) / schurComplement
        return (zip(u, incomeResponse).map { $0 + $1 * q }, q)
    }
}
