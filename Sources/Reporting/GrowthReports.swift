import Growth

/// Tables for growth accounting (`grdp contrib`, `grdp quarterly`).
public enum GrowthReports {
    public static func contributions(_ table: ContributionTable, title: String) -> ResultTable {
        var result = ResultTable(
            id: "contributions", title: title,
            columns: [.init("line", "Sector"), .init("group", "Group"), .init("base_share_pct", "Base share %"),
                      .init("growth_pct", "Growth %"), .init("contribution_pp", "Contribution pp"), .init("share_of_growth_pct", "Share of growth %")])
        for s in table.sectors {
            result.append([.text(s.sector), .text(s.group ?? ""), .number(s.baseYearShare * 100, decimals: 2), .number(s.growthPercent, decimals: 2),
                           .number(s.contributionPercentagePoints, decimals: 3), .value(s.shareOfGrowthPercent, 1)])
        }
        for g in table.groups {
            result.append([.text("= " + g.group), .text("group"), .number(g.baseYearShare * 100, decimals: 2), .value(g.growthPercent, 2),
                           .number(g.contributionPercentagePoints, decimals: 3), .value(g.shareOfGrowthPercent, 1)])
        }
        result.append([.text("GRDP"), .text(""), .number(100, decimals: 2), .number(table.grdpGrowthPercent, decimals: 2),
                       .number(table.grdpGrowthPercent, decimals: 3), .number(100, decimals: 1)])
        result.notes.append("contribution = base-year share × growth; the lines add up to GRDP growth exactly")
        return result
    }

    public static func gap(_ gap: GapToTarget) -> ResultTable {
        var result = ResultTable(
            id: "gap_to_target",
            title: "Gap to the \(NumberText.fixed(gap.targetPercent, 2))% target: the growth each sector alone would need",
            columns: [.init("line", "Sector"), .init("growth_pct", "Growth %"), .init("required_alone_pct", "Needed alone %"),
                      .init("extra_alone_pp", "Extra pp")])
        for s in gap.sectors {
            result.append([.text(s.sector), .number(s.growthPercent, decimals: 2), .value(s.requiredGrowthAlonePercent, 2), .value(s.extraGrowthAlonePercentagePoints, 2)])
        }
        result.notes.append("GRDP growth \(NumberText.fixed(gap.grdpGrowthPercent, 2))%, gap \(NumberText.fixed(gap.gapPercentagePoints, 2)) pp; all sectors together would need \(NumberText.fixed(gap.uniformExtraGrowthPercentagePoints, 2)) pp more each")
        return result
    }

    public static func demandSide(_ demand: DemandContributions) -> ResultTable {
        var result = ResultTable(
            id: "demand_side", title: "Value added induced by each final-demand category (v̂·L·f_c), % of value added",
            columns: [.init("line", "Sector")] + demand.categories.map { .init($0.label, $0.label) } + [.init("value_added", "Value added")])
        let shares = demand.sectorSharesByCategoryPercent
        for (s, sector) in demand.sectors.enumerated() {
            result.append([.text(sector)] + demand.categories.indices.map { .number(shares[s, $0], decimals: 1) }
                + [.number(demand.sectorValueAdded[s], decimals: 0)])
        }
        result.append([.text("total")] + demand.categorySharesPercent.map { .number($0, decimals: 1) } + [.number(demand.totalValueAdded, decimals: 0)])
        result.notes.append("each row splits a sector's value added by the final demand that ultimately buys it (rows sum to 100); 'exports' includes sales to the rest of Vietnam")
        return result
    }

    public static func quarterly(weights: QuarterlyWeights, actual: [Double], target: Double, required: Double?) -> ResultTable {
        var result = ResultTable(
            id: "quarterly", title: "Quarters: actual growth and what the remaining quarters need for \(NumberText.fixed(target, 2))%",
            columns: [.init("quarter", "Quarter"), .init("weight", "Base weight"), .init("growth_pct", "Growth %"), .init("status", "Status")])
        for q in 0..<4 {
            let value = q < actual.count ? actual[q] : required
            result.append([.text("Q\(q + 1)"), .number(weights.weights[q], decimals: 4), .value(value, 2), .text(q < actual.count ? "actual" : "required")])
        }
        result.notes.append("annual growth = Σ_q weight_q × quarterly growth (y/y), with base-year quarterly weights")
        return result
    }

    public static func sectorQuarters(_ requirements: [RemainingQuarterRequirement]) -> ResultTable {
        var result = ResultTable(
            id: "sector_quarters", title: "By sector: growth so far and what its remaining quarters need for its own target",
            columns: [.init("line", "Sector"), .init("quarters_known", "Quarters known"), .init("so_far_pct", "So far %"),
                      .init("target_pct", "Target %"), .init("required_pct", "Needed in the rest %")])
        for r in requirements {
            result.append([.text(r.sector), .number(Double(r.actualQuarterGrowthPercent.count), decimals: 0), .value(r.growthSoFarPercent, 2),
                           .value(r.targetPercent, 2), .value(r.requiredRemainingGrowthPercent, 2)])
        }
        return result
    }
}
