import Exploration

/// The report of `grdp compare`: each plan's outcome, the paired differences against the first
/// plan, by line and by lever, and what reaching the target looks like.
public enum ComparisonReports {
    public static func report(_ result: PlanComparisonResult) -> Report {
        let headline: [(key: String, value: Cell)] = [
            ("Draws", .text("\(result.draws) common random numbers, seed \(result.seed); each input's draws keyed by its parameter id, so plans that share an input share its values")),
            ("Compared with", .text(result.outcomes.first?.name ?? "")),
        ]
        var plans = ResultTable(
            id: "plans", title: "Each plan on the same draws",
            columns: [.init("plan", "Plan"), .init("target_pct", "Target %"), .init("mean_growth_pct", "Mean %"),
                      .init("median_growth_pct", "Median %"), .init("p_meets_target", "P(≥ target)"),
                      .init("p_every_line_meets_target", "P(every line ≥ its target)")]
                + result.thresholds.map { .init("p_growth_ge_\(fmt($0))", "P(≥ \(fmt($0))%)") })
        for o in result.outcomes {
            plans.append([.text(o.name), .number(o.target, decimals: 2), .number(o.meanGrowth, decimals: 3), .number(o.medianGrowth, decimals: 3),
                          .number(o.probabilityMeetsTarget, decimals: 4), .value(o.probabilityEveryLineMeetsTarget, 4)]
                         + o.probabilityAtThresholds.map { .number($0, decimals: 4) })
        }
        if let o = result.outcomes.first { plans.notes.append("every line ≥ its target: the \(o.linesWithTargets) accounts lines with a plan target, all in the same draw") }
        var paired = ResultTable(
            id: "paired_differences", title: "Paired differences against \(result.outcomes.first?.name ?? "the first plan")",
            columns: [.init("plan", "Plan"), .init("mean_difference_pp", "Mean difference pp"), .init("standard_error_pp", "SE pp"),
                      .init("p_better", "P(better)"), .init("p_meets_target_difference", "Δ P(≥ target)"),
                      .init("p_meets_target_difference_se", "SE of Δ P")])
        var lines = ResultTable(id: "line_differences", title: "Differences by line (contribution, pp)",
                                columns: [.init("plan", "Plan"), .init("line", "Line"), .init("difference_pp", "Difference pp")])
        var levers = ResultTable(id: "lever_differences", title: "Differences by lever (contribution, pp)",
                                 columns: [.init("plan", "Plan"), .init("lever", "Lever"), .init("difference_pp", "Difference pp")])
        for d in result.differences {
            paired.append([.text(d.name), .number(d.meanDifference, decimals: 4), .number(d.standardError, decimals: 4),
                           .number(d.probabilityBetter, decimals: 4), .number(d.probabilityDifference, decimals: 4),
                           .number(d.probabilityDifferenceError, decimals: 4)])
            for l in d.lineDifferences { lines.append([.text(d.name), .text(l.name), .number(l.difference, decimals: 4)]) }
            for l in d.leverDifferences { levers.append([.text(d.name), .text(l.name), .number(l.difference, decimals: 4)]) }
        }
        paired.notes.append("P(better): share of draws in which the plan's GRDP growth is above the first plan's (ties count half)")
        var near = ResultTable(
            id: "near_target", title: "What reaching the target looks like: mean line growth in the draws with GRDP growth within target ± \(fmt(result.window)) pp",
            columns: [.init("plan", "Plan"), .init("line", "Line"), .init("mean_growth_pct", "Mean growth %"), .init("draws", "Draws in window")])
        for o in result.outcomes {
            for c in o.conditionalLineGrowth { near.append([.text(o.name), .text(c.line), .value(c.growth, 3), .number(Double(o.drawsNearTarget), decimals: 0)]) }
        }
        let tables = result.differences.isEmpty ? [plans, near] : [plans, paired, lines, levers, near]
        return Report(title: result.outcomes.count == 1 ? "Plan: \(result.outcomes[0].name)" : "Comparison of \(result.outcomes.count) plans",
                      headline: headline, tables: tables)
    }
}

private func fmt(_ value: Double?, _ decimals: Int = 2) -> String { SimulationReports.fmt(value, decimals) }
