import Exploration

/// Reports of `grdp goal-seek`.
public enum GoalSeekReports {
    public static func report(_ result: GoalSeekResult, moveDescription: String, unit: String, goal: GoalSeekRequest.Goal, target: Double,
                              costs: [LeverCost], title: String) -> Report {
        var headline: [(key: String, value: Cell)] = [
            ("goal", .text(goalText(goal, target: target))),
            ("move", .text(moveDescription)),
            ("amount", .number(result.amount, decimals: 3)),
            ("amount_unit", .text(unit)),
        ]
        if let se = result.standardError {
            headline.append(("amount_mc_standard_error", .number(se, decimals: 3)))
            headline.append(("amount_95ci", .text("\(fmt(result.amount - 1.96 * se, 3)) – \(fmt(result.amount + 1.96 * se, 3))")))
        }
        headline.append(("p_meets_target", .number(result.probabilityMeetsTarget, decimals: 4)))
        headline.append(("median_growth_pct", .number(result.medianGrowth, decimals: 3)))
        headline.append(("p_meets_target_before", .number(result.probabilityBefore, decimals: 4)))
        headline.append(("median_growth_pct_before", .number(result.medianBefore, decimals: 3)))
        headline.append(("draws", .text("\(result.draws) common random numbers; error from \(result.batchesSolved) batches")))
        var tables: [ResultTable] = []
        if !costs.isEmpty {
            var table = ResultTable(
                id: "lever_costs", title: "What closes the median gap to \(fmt(target))%: each lever alone",
                columns: [.init("lever", "Lever"), .init("parameter", "Parameter"), .init("unit", "Unit"),
                          .init("amount_to_close_median_gap", "Added to close the gap"), .init("pp_per_step", "Median pp per step"),
                          .init("step", "Step")])
            // Levers in bn VND first, cheapest first; then the others, cheapest first; no effect last.
            let sorted = costs.sorted { a, b in
                let ka = (a.unit.hasPrefix("bn VND") ? 0 : 1, a.amountToCloseGap == nil ? 1 : 0, a.amountToCloseGap ?? 0)
                let kb = (b.unit.hasPrefix("bn VND") ? 0 : 1, b.amountToCloseGap == nil ? 1 : 0, b.amountToCloseGap ?? 0)
                return ka < kb
            }
            for cost in sorted {
                table.append([.text(cost.lever), .text(cost.parameter), .text(cost.unit), .value(cost.amountToCloseGap, 1),
                              .number(cost.ppPerStep, decimals: 4), .number(cost.step, decimals: 2)])
            }
            table.notes.append("a demand lever's step is 1,000 bn VND (table units): its column reads as pp of median growth per 1,000 bn VND; other levers step by 1 unit (0.01 for local sourcing)")
            table.notes.append("each lever shifted alone, the others sampled, on the same draws; a negative amount means the median is above the target without it")
            tables.append(table)
        }
        return Report(title: "Goal-seek: \(title)", headline: headline, tables: tables)
    }
}

extension GoalSeekReports {
    static func goalText(_ goal: GoalSeekRequest.Goal, target: Double) -> String {
        switch goal {
        case .median: "median GRDP growth = \(fmt(target))%"
        case let .probability(p): "P(GRDP growth ≥ \(fmt(target))%) = \(fmt(p, 3))"
        }
    }
}

private func fmt(_ value: Double?, _ decimals: Int = 2) -> String { SimulationReports.fmt(value, decimals) }
