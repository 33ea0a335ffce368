import Simulation

extension SimulationReports {
    /// `lever_spending`: each demand lever's spending split into product taxes on the final
    /// use, local final demand (what the Leontief model sees) and leakage, at the mean amount
    /// and the central local shares (`SimulationModel.spendingSplits`); nil when the dataset
    /// has no leakage (a user's table).
    static func leverSpendingTable(_ o: RunOutputs) -> ResultTable? {
        let splits = o.model.spendingSplits()
        guard !splits.isEmpty else { return nil }
        var table = ResultTable(
            id: "lever_spending", title: "Demand levers' spending: product taxes, local demand and leakage (mean amount, table units)",
            columns: [.init("id", "Lever"), .init("category", "Demand side"), .init("spending", "Spending"),
                      .init("product_taxes", "Product taxes"), .init("local_demand", "Local demand"), .init("leakage", "Leakage"),
                      .init("local_pct", "Local %")])
        for split in splits {
            let lever = o.model.levers[split.lever]
            let localPercent = split.spending != 0 ? 100 * split.localDemand / split.spending : 0
            table.append([.text(lever.id), .text(lever.category.rawValue), .number(split.spending, decimals: 0),
                          .number(split.productTaxes, decimals: 0), .number(split.localDemand, decimals: 0),
                          .number(split.leakage, decimals: 0), .number(localPercent, decimals: 1)])
        }
        table.notes.append("local demand = spending · share bought from Hanoi's producers / (1 + the use's product-tax rate); leakage (imports from abroad and from other provinces) adds nothing to GRDP; shares sampled per draw (assumptions.local_share_*, visitor_trade_margin, final_use_tax_weight_*)")
        return table
    }
}
