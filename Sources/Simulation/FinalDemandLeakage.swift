/// How demand levers' spending reaches Hanoi's economy (docs/model.md, "Leakage of final
/// demand"): lever l spends S (its amount, at purchasers' prices) on products i in the
/// proportions dᵢ of its `sectors`, as use u (its category). Per draw:
///
/// - product taxes on the final use: t_u = ρ_u·T_f / Σ_v ρ_v·P_v on basic prices, so the
///   spending holds S·t_u/(1 + t_u) of taxes and S/(1 + t_u) at basic prices;
/// - local final demand Δfᵢ = S·dᵢ·sᵢ/(1 + t_u), sᵢ the lever's local-purchase share of i;
///   the rest, S·dᵢ·(1 − sᵢ)/(1 + t_u), leaks (imports from abroad and other provinces) and
///   adds nothing to GRDP;
/// - the lever's product taxes ΔT = S·t_u/(1 + t_u) + Σₛ κₛ·ΔVAₛ, κₛ the intermediate taxes
///   per unit of value added of sector s, so the tax content depends on what the lever buys.
///
/// With every share and weight constant the model stays affine in the amounts.
public struct FinalDemandLeakage: Sendable, Equatable {
    /// sᵢ of each lever (n values per lever, `SimulationModel.levers` order); empty for a
    /// lever that is not a demand lever.
    public let localShares: [[ParameterValue]]
    /// The use (index into `taxWeights`) of each lever; −1 for a lever that is not a demand lever.
    public let useOfLever: [Int]
    /// ρ_u of each use (households 1), in `ContributionCategory` order of the demand uses.
    public let taxWeights: [ParameterValue]
    /// P_u: each use's purchases at basic prices (table units), the rates' calibration base.
    public let purchases: [Double]
    /// T_f: product taxes on final uses (table units).
    public let finalUseTaxes: Double
    /// κₛ: intermediate product taxes per unit of value added of each sector.
    public let intermediateTaxPerValueAdded: [Double]

    public init(
        localShares: [[ParameterValue]], useOfLever: [Int], taxWeights: [ParameterValue], purchases: [Double],
        finalUseTaxes: Double, intermediateTaxPerValueAdded: [Double]
    ) {
        self.localShares = localShares
        self.useOfLever = useOfLever
        self.taxWeights = taxWeights
        self.purchases = purchases
        self.finalUseTaxes = finalUseTaxes
        self.intermediateTaxPerValueAdded = intermediateTaxPerValueAdded
    }

    /// True when a share or a tax weight is sampled: the levers' local demand then changes
    /// from draw to draw.
    public var isSampled: Bool {
        let sampled: (ParameterValue) -> Bool = { if case .parameter = $0 { true } else { false } }
        return taxWeights.contains(where: sampled) || localShares.contains { $0.contains(where: sampled) }
    }

    /// The rate t_u of every use for θ: ρ_u·T_f / Σ_v ρ_v·P_v (weights below 0 count as 0).
    /// - Complexity: O(uses).
    func rates(_ theta: UnsafeBufferPointer<Double>, into rates: inout [Double]) {
        var base = 0.0
        for u in purchases.indices { base += max(0, taxWeights[u].value(theta)) * purchases[u] }
        let r = base > 0 ? finalUseTaxes / base : 0
        for u in purchases.indices { rates[u] = max(0, taxWeights[u].value(theta)) * r }
    }
}

/// Where a demand lever's spending goes, at the mean of its amount and the means of the
/// shares and tax weights (table units): S = taxes + local + leakage.
public struct LeverSpendingSplit: Sendable, Equatable {
    public let lever: Int
    /// S, the spending at purchasers' prices.
    public let spending: Double
    /// S·t_u/(1 + t_u), product taxes on the final use.
    public let productTaxes: Double
    /// Σᵢ S·dᵢ·sᵢ/(1 + t_u), bought from Hanoi's producers (the Leontief model's Δf).
    public let localDemand: Double
    /// The rest: imports from abroad and from other provinces.
    public var leakage: Double { spending - productTaxes - localDemand }
}

extension SimulationModel {
    /// Every demand lever's `LeverSpendingSplit` at the parameters' means; empty without
    /// `finalDemand`. O(levers · n).
    public func spendingSplits() -> [LeverSpendingSplit] {
        guard let finalDemand else { return [] }
        let means = parameters.map(\.distribution.mean)
        return means.withUnsafeBufferPointer { theta in
            var rates = [Double](repeating: 0, count: finalDemand.purchases.count)
            finalDemand.rates(theta, into: &rates)
            var splits: [LeverSpendingSplit] = []
            for (l, lever) in levers.enumerated() {
                guard case let .demand(direction, amount, _) = lever.effect, finalDemand.useOfLever.indices.contains(l),
                      finalDemand.useOfLever[l] >= 0 else { continue }
                let rate = rates[finalDemand.useOfLever[l]]
                let value = amount.value(theta), shares = finalDemand.localShares[l]
                var spending = 0.0, local = 0.0
                for i in direction.indices {
                    spending += value * direction[i]
                    let share = shares.indices.contains(i) ? min(1, max(0, shares[i].value(theta))) : 1
                    local += value * direction[i] * share / (1 + rate)
                }
                splits.append(LeverSpendingSplit(lever: l, spending: spending, productTaxes: spending * rate / (1 + rate), localDemand: local))
            }
            return splits
        }
    }
}
