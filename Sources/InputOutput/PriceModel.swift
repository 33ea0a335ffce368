import LinearAlgebra

/// The result of a cost shock in the Leontief price model.
public struct PriceEffect: Sendable, Equatable {
    public let sectors: [String]
    /// Relative price change by sector (0.012 = +1.2%); shocked sectors hold their shock.
    public let priceChange: [Double]
    /// Household-consumption-weighted price change: Σᵢ hᵢ·Δpᵢ / Σᵢ hᵢ, the consumer-price
    /// effect of the shock on the domestic-product basket.
    public let consumerPriceChange: Double
    /// The weights hᵢ used (household consumption by product, negative entries as 0).
    public let consumerWeights: [Double]
}

/// The Leontief (cost-push) price model (Miller & Blair 2009, §2.6): unit prices satisfy
/// pᵀ = pᵀA + vᶜᵀ, so pᵀ = vᶜᵀL, and p = 1 in the base year.
///
/// - Exogenous price changes (e.g. an electricity tariff rise of 10% in sector k): split
///   sectors into exogenous K and endogenous E; then (§2.6.3)
///   Δp_E = (I − A_EE)ᵀ⁻¹ · A_KEᵀ · Δp_K, i.e. each endogenous price rises by the cost
///   share of the shocked inputs, directly and through every supply chain.
/// - Primary-input cost changes (e.g. wages +5% in sector j): Δpᵀ = Δvᶜᵀ·L with
///   Δvᶜⱼ = (relative change) × (that input's cost share).
///
/// Assumptions: fixed technical coefficients (no substitution), full pass-through of
/// costs, unchanged import prices. The CPI reading weights domestic products by
/// household consumption; with competitive imports, that column includes imported
/// goods whose prices are held fixed, so the CPI effect is an upper bound for that share.
/// - Complexity: O(|E|³) for the factorisation of I − A_EE.
public enum PriceModel {
    /// Effect of relative price changes `shocks` (sector index → relative change, e.g. 0.10)
    /// imposed on some sectors, plus optional relative primary-input cost changes by sector.
    public static func costPush(
        model: LeontiefModel, priceShocks shocks: [Int: Double], primaryCostChange: [Double]? = nil
    ) throws(InputOutputError) -> PriceEffect {
        let table = model.table
        let n = table.sectorCount
        for (k, value) in shocks {
            guard (0..<n).contains(k) else { throw .dimensionMismatch(what: "price shock sector index", expected: n, actual: k) }
            guard value.isFinite, value > -1 else {
                throw .invalidParameter(name: "price shock in \(table.sectors[k])", value: value, reason: "a relative price change must be finite and above −100%")
            }
        }
        if let primaryCostChange, primaryCostChange.count != n {
            throw .dimensionMismatch(what: "primary cost changes", expected: n, actual: primaryCostChange.count)
        }
        let a = model.technicalCoefficients
        let costShares = try table.primaryInputCoefficients()
        let endogenous = (0..<n).filter { shocks[$0] == nil }
        var change = [Double](repeating: 0, count: n)
        for (k, value) in shocks { change[k] = value }
        if !endogenous.isEmpty {
            // Right-hand side: A_KEᵀ·Δp_K + Δv_E.
            var rhs = endogenous.map { e in shocks.reduce(0.0) { $0 + a[$1.key, e] * $1.value } }
            if let primaryCostChange {
                for (position, e) in endogenous.enumerated() { rhs[position] += primaryCostChange[e] * costShares[e] }
            }
            var block = Matrix(rows: endogenous.count, columns: endogenous.count)
            for (jj, j) in endogenous.enumerated() { for (ii, i) in endogenous.enumerated() { block[ii, jj] = a[i, j] } }
            let solved = try linearAlgebra { () throws(LinearAlgebraError) in
                try LUFactorization(of: block.identityMinus()).solve(rhs, transpose: .transposed)
            }
            for (position, e) in endogenous.enumerated() { change[e] = solved[position] }
        }
        let weights = table.finalDemand(of: .households).map { max($0, 0) }
        let weightTotal = weights.reduce(0, +)
        guard weightTotal > 0 else { throw .missingFinalDemandCategory(FinalDemandKind.households.rawValue) }
        let cpi = zip(weights, change).reduce(0.0) { $0 + $1.0 * $1.1 } / weightTotal
        return PriceEffect(sectors: table.sectors, priceChange: change, consumerPriceChange: cpi, consumerWeights: weights)
    }

    /// Consumer-price effect of a 1% price rise in each sector of `shocked`, when all of
    /// them are exogenous together: sₖ = Σᵢ hᵢ·Δpᵢ / Σᵢ hᵢ for Δp_K = eₖ·0.01, with
    /// Δp_E = (I − A_EE)ᵀ⁻¹·A_KEᵀ·Δp_K. Linear in the shocks: a shock of π percent in k adds
    /// π·sₖ percentage points to the CPI. Works on raw coefficients so that a simulation
    /// can call it for every draw. - Complexity: O(|E|³ + |K|·|E|²).
    public static func consumerPriceSensitivities(
        technical a: Matrix, consumerWeights: [Double], shocked: [Int]
    ) throws(InputOutputError) -> [Double] {
        let n = a.rows
        guard a.columns == n, consumerWeights.count == n else {
            throw .dimensionMismatch(what: "consumer weights", expected: n, actual: consumerWeights.count)
        }
        let weightTotal = consumerWeights.reduce(0) { $0 + max($1, 0) }
        guard weightTotal > 0 else { throw .missingFinalDemandCategory(FinalDemandKind.households.rawValue) }
        let endogenous = (0..<n).filter { !shocked.contains($0) }
        var sensitivities: [Double] = []
        var lu: LUFactorization?
        if !endogenous.isEmpty {
            var block = Matrix(rows: endogenous.count, columns: endogenous.count)
            for (jj, j) in endogenous.enumerated() { for (ii, i) in endogenous.enumerated() { block[ii, jj] = a[i, j] } }
            lu = try linearAlgebra { () throws(LinearAlgebraError) in try LUFactorization(of: block.identityMinus()) }
        }
        for k in shocked {
            guard (0..<n).contains(k) else { throw .dimensionMismatch(what: "shocked sector index", expected: n, actual: k) }
            var cpi = max(consumerWeights[k], 0) * 0.01
            if let lu {
                let rhs = endogenous.map { a[k, $0] * 0.01 }
                let change = try linearAlgebra { () throws(LinearAlgebraError) in try lu.solve(rhs, transpose: .transposed) }
                for (position, e) in endogenous.enumerated() { cpi += max(consumerWeights[e], 0) * change[position] }
            }
            sensitivities.append(cpi / weightTotal * 100)
        }
        return sensitivities
    }

    /// Base-year unit prices pᵀ = vᶜᵀ·L; all 1 for a balanced table (a consistency check).
    public static func basePrices(model: LeontiefModel) throws(InputOutputError) -> [Double] {
        try model.transposedSolve(try model.table.primaryInputCoefficients())
    }
}
