import Exploration

/// The report of `grdp experiment`: each policy's P(≥ target), median and P10/P90 on the same
/// draws, and its difference to the first policy.
public enum ExperimentReports {
    public static func report(_ result: PolicyExperimentResult, title: String, sampling: String) -> Report {
        let reference = result.outcomes.first?.name ?? ""
        var table = ResultTable(
            id: "policies", title: "Each policy on the same draws",
            columns: [.init("policy", "Policy"), .init("target_pct", "Target %"), .init("p_meets_target", "P(≥ target)"),
                      .init("median_growth_pct", "Median %"), .init("p10_growth_pct", "P10 %"), .init("p90_growth_pct", "P90 %"),
                      .init("mean_growth_pct", "Mean %"), .init("p_meets_target_difference", "Δ P(≥ target)"),
                      .init("median_difference_pp", "Δ median pp"), .init("common_draws", "Same draws as \(reference)")])
        for o in result.outcomes {
            table.append([.text(o.name), .number(o.target, decimals: 2), .number(o.probabilityMeetsTarget, decimals: 4),
                          .number(o.medianGrowth, decimals: 3), .number(o.p10Growth, decimals: 3), .number(o.p90Growth, decimals: 3),
                          .number(o.meanGrowth, decimals: 3), .number(o.probabilityDifference, decimals: 4),
                          .number(o.medianDifference, decimals: 3), .text(o.sharesDraws ? "yes" : "no")])
        }
        table.notes.append("differences against \(reference), on the same \(result.draws) draws (seed \(result.seed), \(sampling)); each policy's row is what grdp run gives with its values set")
        if result.outcomes.contains(where: { !$0.sharesDraws }) {
            table.notes.append("a policy marked 'no' samples other inputs than \(reference) (it makes a lever uncertain or certain), so its draws are not paired with the first policy's")
        }
        var figures: [KeyFigure] = [KeyFigure("policies", .number(Double(result.outcomes.count), decimals: 0), unit: "policies")]
        if let best = result.outcomes.max(by: { $0.probabilityMeetsTarget < $1.probabilityMeetsTarget }) {
            figures.append(KeyFigure("best_p_meets_target", best.probabilityMeetsTarget, unit: "probability"))
        }
        return Report(
            title: "Policy experiment: \(title)",
            headline: [("Draws", .text("\(result.draws) common draws, seed \(result.seed)")), ("Reference policy", .text(reference))],
            tables: [table], figures: figures)
    }
}
