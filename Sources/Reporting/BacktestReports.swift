import Forecasting
import Scenarios
import Sampling

/// The report of `grdp backtest`: mean scores by forecaster and origin, and every forecast
/// with its outcome.
public enum BacktestReports {
    public static func report(_ result: (scores: [Backtest.Score], summaries: [Backtest.Summary], skipped: [String])) -> Report {
        var headline: [(key: String, value: Cell)] = []
        let annual = result.summaries.filter { $0.origin == .annual }
        if let best = annual.min(by: { $0.meanCRPS < $1.meanCRPS }) {
            headline.append(("Best mean CRPS, annual origins", .text("\(best.forecaster) (\(fmt(best.meanCRPS, 3)) over \(best.years.count) years)")))
        }
        if let chosen = annual.first(where: { $0.forecaster == .model(.default) }) {
            let range = ScoringRules.binomialRange(trials: chosen.years.count, probability: 0.9, level: 0.9)
            headline.append(("Default model (\(BaselineModel.default.rawValue))",
                             .text("mean CRPS \(fmt(chosen.meanCRPS, 3)); 90% band covered \(chosen.coverage90)/\(chosen.years.count) (binomial 90% range \(range.lowerBound)–\(range.upperBound))")))
        }
        headline.append(("Years", .text(annual.first.map { "\($0.years.first ?? 0)–\($0.years.last ?? 0), scored against first releases" } ?? "none")))

        var summary = ResultTable(
            id: "backtest_summary", title: "Rolling-origin back-test: mean scores by forecaster (lower CRPS, log score and Brier are better)",
            columns: [.init("origin", "Origin"), .init("forecaster", "Forecaster"), .init("years", "Years"), .init("mean_crps", "Mean CRPS"),
                      .init("mean_log_score", "Mean log score"), .init("coverage_50", "In 50% band"), .init("coverage_90", "In 90% band"),
                      .init("mean_brier", "Brier ≥ target"), .init("pit", "PIT by year")])
        for s in result.summaries {
            summary.append([.text(s.origin.rawValue), .text(s.forecaster.id), .number(Double(s.years.count), decimals: 0),
                            .number(s.meanCRPS, decimals: 3), .number(s.meanLogScore, decimals: 3),
                            .text("\(s.coverage50)/\(s.years.count)"), .text("\(s.coverage90)/\(s.years.count)"),
                            .value(s.meanBrier, 3), .text(s.pits.map { fmt($0, 2) }.joined(separator: " "))])
        }
        summary.notes.append("origins: annual = 31 Jan of the year (data up to the year before), Q1 = 30 Apr, H1 = 31 Jul, 9M = 31 Oct; every figure as published by then")
        summary.notes.append("CRPS and log score of the normal predictive (Gneiting & Raftery 2007); PIT near 0 or 1 means the outcome fell in a tail")

        var detail = ResultTable(
            id: "backtest_forecasts", title: "Every forecast and its outcome",
            columns: [.init("year", "Year"), .init("origin", "Origin"), .init("forecaster", "Forecaster"), .init("quarters", "Quarters used"),
                      .init("mean_pct", "Mean %"), .init("sd_pct", "Sd %"), .init("p5_pct", "P5 %"), .init("p95_pct", "P95 %"),
                      .init("outcome_pct", "Outcome %"), .init("pit", "PIT"), .init("crps", "CRPS"), .init("target_pct", "Target %"),
                      .init("p_meets_target", "P(≥ target)")])
        let z95 = StandardNormal.quantile(0.95)
        for s in result.scores {
            detail.append([.number(Double(s.year), decimals: 0), .text(s.origin.rawValue), .text(s.forecaster.id),
                           .text(s.observations.map { "\($0.label) \(fmt($0.value, 2))" }.joined(separator: ", ")),
                           .number(s.mean, decimals: 2), .number(s.standardDeviation, decimals: 2),
                           .number(s.mean - z95 * s.standardDeviation, decimals: 2), .number(s.mean + z95 * s.standardDeviation, decimals: 2),
                           .number(s.outcome, decimals: 2), .number(s.pit, decimals: 3), .number(s.crps, decimals: 3),
                           .value(s.target, 2), .value(s.probabilityOfTarget, 3)])
        }
        detail.notes.append(contentsOf: result.skipped.map { "skipped: \($0)" })
        return Report(title: "Back-test of the baseline forecast (Hanoi GRDP growth)", headline: headline, tables: [summary, detail])
    }

    static func fmt(_ value: Double, _ decimals: Int) -> String { NumberText.fixed(value, decimals) }
}
