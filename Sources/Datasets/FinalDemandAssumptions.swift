import InputOutput

/// The levers' final demand as Hanoi's economy sees it (`final_demand_assumptions.csv`): each
/// assumption a stated number with a range the Monte Carlo samples.
///
/// - **Local-purchase shares** s_{u,i}: of a use u's spending on product i (at basic prices),
///   the share bought from Hanoi's producers; the rest leaks (imports from abroad and from
///   other provinces). Defaults are given for equipment and construction works bought by
///   investment, for manufactured and farm goods bought by households, and for visitors'
///   shopping, which counts on the trade sector at its margin. Every other (use, product)
///   pair is local (share 1): services are produced where they are bought.
/// - **Final-use tax weights** ρ_u: product taxes per unit of use u's purchases relative to
///   households' (ρ = 1 for households, the numéraire).
public struct FinalDemandAssumptions: Sendable, Equatable {
    public static let fileName = "final_demand_assumptions.csv"
    public let assumptions: DatasetAssumptions

    /// The uses (a demand lever's `category`), in `ContributionCategory`'s order.
    public static let uses = ["households", "government", "investment", "exports", "visitors"]

    /// The assumption that holds the default local share of `use`'s purchases of `sector`;
    /// nil where purchases are all local.
    public static func localShareID(use: String, sector: String) -> String? {
        switch (use, sector) {
        case ("investment", "industry"): "local_share_investment_industry"
        case ("investment", "construction"): "local_share_investment_construction"
        case ("households", "industry"): "local_share_households_industry"
        case ("households", "agriculture"): "local_share_households_agriculture"
        case ("visitors", "trade"): "visitor_trade_margin"
        default: nil
        }
    }

    /// The assumption that holds use `use`'s tax weight ρ_u; nil for households (ρ = 1).
    public static func taxWeightID(use: String) -> String? {
        use == "households" ? nil : "final_use_tax_weight_\(use)"
    }

    public init(csv text: String, path: String = fileName) throws(DatasetError) {
        assumptions = try DatasetAssumptions(csv: text, path: path)
        for use in Self.uses {
            if let id = Self.taxWeightID(use: use) { _ = try assumptions.assumption(id) }
        }
    }

    /// The central value of assumption `id`. - Throws: `missingAssumption`.
    public func central(_ id: String) throws(DatasetError) -> Double { try assumptions.assumption(id).central }
}

/// What calibrates the final-use tax rates on a table: the product taxes that fall on final
/// uses, and each use's purchases.
///
/// Published product taxes less subsidies T = τ·GRDP (τ the accounts' product-tax share) are
/// taxes on intermediate use (the table's tax row, T_int) plus taxes on final uses,
/// T_f = T − T_int. With a rate t_u = ρ_u·r on the basic-price purchases P_u of each use,
/// Σ_u t_u·P_u = T_f gives r = T_f / Σ_u ρ_u·P_u. The purchases are the table's final-demand
/// columns (Hanoi's own products) grossed up by the central local shares, P_u = Σ_i F_{u,i}/s_{u,i};
/// visitors' are the tourism sector's exports over `tourism_characteristic_share` (visitor
/// spending), and exports the rest of the exports column.
/// - Complexity: O(n·uses).
public struct FinalUseTaxBase: Sendable, Equatable {
    /// P_u, in the table's units, in `FinalDemandAssumptions.uses` order.
    public let purchases: [Double]
    /// T_f, taxes on final uses, in the table's units.
    public let finalUseTaxes: Double
    /// T_int / VA of each sector: intermediate product taxes per unit of value added.
    public let intermediateTaxPerValueAdded: [Double]

    public init(purchases: [Double], finalUseTaxes: Double, intermediateTaxPerValueAdded: [Double]) {
        self.purchases = purchases
        self.finalUseTaxes = finalUseTaxes
        self.intermediateTaxPerValueAdded = intermediateTaxPerValueAdded
    }

    /// - Parameters: `productTaxShare`: τ, product taxes' share of GRDP (fraction);
    ///   `tourismCharacteristicShare`: the share of visitor spending the tourism sector holds.
    /// - Throws: `infeasible` when the table lacks a column, or taxes on intermediate use
    ///   exceed the published total.
    public init(
        table: IOTable, productTaxShare: Double, tourismCharacteristicShare: Double, assumptions: FinalDemandAssumptions
    ) throws(DatasetError) {
        let n = table.sectorCount
        let valueAdded = table.valueAddedLevels
        let intermediateTaxes = table.hasPrimaryInput(.productTaxes) ? table.primaryInput(of: .productTaxes) : [Double](repeating: 0, count: n)
        let totalValueAdded = valueAdded.reduce(0, +)
        guard productTaxShare >= 0, productTaxShare < 1, totalValueAdded > 0 else {
            throw .infeasible(step: "final-use taxes", reason: "product-tax share \(productTaxShare) or value added \(totalValueAdded) out of range")
        }
        let grdp = totalValueAdded / (1 - productTaxShare)
        let finalTaxes = productTaxShare * grdp - intermediateTaxes.reduce(0, +)
        guard finalTaxes >= 0 else {
            throw .infeasible(step: "final-use taxes", reason: "taxes on intermediate use exceed the published product taxes")
        }
        func localShare(_ use: String, _ i: Int) throws(DatasetError) -> Double {
            guard let id = FinalDemandAssumptions.localShareID(use: use, sector: table.sectors[i]) else { return 1 }
            return max(try assumptions.central(id), 1e-9)
        }
        let tourism = table.sectors.firstIndex(of: "tourism")
        var purchases = [Double](repeating: 0, count: FinalDemandAssumptions.uses.count)
        let columns: [(use: Int, kinds: [FinalDemandKind])] = [
            (0, [.households]), (1, [.government]), (2, [.grossFixedCapitalFormation, .inventories]), (3, [.exports]),
        ]
        for (use, kinds) in columns {
            for kind in kinds where table.finalDemandColumns.contains(where: { $0.kind == kind }) {
                let column = table.finalDemand(of: kind)
                for i in 0..<n where column[i] > 0 {
                    if kind == .exports, i == tourism {
                        purchases[4] += column[i] / max(tourismCharacteristicShare, 1e-9)
                    } else {
                        purchases[use] += column[i] / (try localShare(FinalDemandAssumptions.uses[use], i))
                    }
                }
            }
        }
        self.purchases = purchases
        self.finalUseTaxes = finalTaxes
        self.intermediateTaxPerValueAdded = (0..<n).map { valueAdded[$0] > 0 ? intermediateTaxes[$0] / valueAdded[$0] : 0 }
    }

    /// r = T_f / Σ_u ρ_u·P_u, the households' rate; use u's rate is ρ_u·r. 0 when no use is taxed.
    /// - Complexity: O(uses).
    @inlinable
    public func householdRate(weights: (Int) -> Double) -> Double {
        var base = 0.0
        for u in purchases.indices { base += weights(u) * purchases[u] }
        return base > 0 ? finalUseTaxes / base : 0
    }
}
