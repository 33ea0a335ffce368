import Forecasting
import Foundation
import Reporting

/// `grdp history`: a year's vintages in order of what they knew, how P(≥ target) and the
/// median moved from one to the next, and — once the outcome y is known — each vintage's
/// error scored with the back-test's rules (`ScoringRules`, docs/backtest.md).
///
/// The store keeps each vintage's draw summary (mean, sd, P5–P95, P(≥ target)), not its
/// draws, so the scores are computed from that summary, as the back-test scores its own
/// forecasts: CRPS, log score and PIT of N(mean, sd²) (Gneiting et al. 2005, eq. 5); the Brier
/// score of the stored P(≥ target) against 1{y ≥ target}; the 90% band is the stored
/// P5–P95 (the simulated distribution's own quantiles). O(vintages).
public enum VintageHistory {
    public struct Scores: Sendable, Equatable {
        public let errorPP: Double?
        public let crps: Double?
        public let logScore: Double?
        public let pit: Double?
        public let brier: Double?
        public let inBand90: Bool?
    }

    /// The scores of one vintage against the outcome `y` (%); nil parts where the vintage
    /// lacks the figure (e.g. a zero standard deviation for the Gaussian scores).
    public static func scores(_ vintage: Vintage, outcome y: Double) -> Scores {
        let mean = vintage.figure("mean_growth_pct"), sd = vintage.figure("sd_growth_pct")
        let gaussian = mean.flatMap { m in sd.flatMap { s in s > 0 && s.isFinite ? (m, s) : nil } }
        let target = vintage.figure("target_pct")
        let band = vintage.figure("p5_growth_pct").flatMap { low in vintage.figure("p95_growth_pct").map { low...max(low, $0) } }
        return Scores(
            errorPP: vintage.figure("median_growth_pct").map { $0 - y },
            crps: gaussian.map { ScoringRules.crps(mean: $0.0, standardDeviation: $0.1, outcome: y) },
            logScore: gaussian.map { ScoringRules.logScore(mean: $0.0, standardDeviation: $0.1, outcome: y) },
            pit: gaussian.map { ScoringRules.pit(mean: $0.0, standardDeviation: $0.1, outcome: y) },
            brier: vintage.figure("p_meets_target").flatMap { p in target.map { ScoringRules.brier(probability: p, occurred: y >= $0) } },
            inBand90: band.map { $0.contains(y) })
    }

    /// The report: headline (year, vintages, outcome, mean CRPS) and the `history` table.
    /// - Parameter outcome: the year's outcome (%) and where it comes from, when known.
    public static func report(year: Int, vintages: [Vintage], outcome: (value: Double, source: String)?, storePath: String) -> Report {
        var columns: [ResultTable.Column] = [
            .init("vintage", "Vintage"), .init("known", "Known"), .init("actual_quarters", "Published quarters (%)"),
            .init("created_at", "Recorded (UTC)"), .init("scenario", "Scenario"), .init("overrides", "Overrides"), .init("baseline_model", "Model"),
            .init("draws", "Draws"), .init("seed", "Seed"),
            .init("p_meets_target", "P(≥ target)", unit: "probability"), .init("p_change", "ΔP", unit: "probability"),
            .init("median_growth_pct", "Median %"), .init("median_change_pp", "Δ median (pp)"),
            .init("p5_growth_pct", "P5 %"), .init("p95_growth_pct", "P95 %"),
        ]
        if outcome != nil {
            columns += [.init("error_pp", "Median − outcome (pp)"), .init("crps_pp", "CRPS (pp)"), .init("log_score", "Log score"),
                        .init("pit", "PIT"), .init("brier", "Brier"), .init("in_band90", "In P5–P95")]
        }
        var table = ResultTable(id: "history", title: "Forecasts of \(year), vintage by vintage", columns: columns)
        var previous: Vintage?
        var crpsValues: [Double] = []
        for vintage in vintages {
            let p = vintage.figure("p_meets_target"), median = vintage.figure("median_growth_pct")
            let pChange = p.flatMap { now in previous?.figure("p_meets_target").map { now - $0 } }
            let medianChange = median.flatMap { now in previous?.figure("median_growth_pct").map { now - $0 } }
            var row: [Cell] = [
                .number(Double(vintage.id ?? 0), decimals: 0), .text(vintage.knownPeriod),
                .text(vintage.actualQuarters.map { "\($0)" }.joined(separator: ", ")), .text(StoreDates.text(vintage.createdAt)),
                .text(vintage.scenarioName), .text(vintage.overrides.filter { !$0.hasPrefix("--actual=") }.joined(separator: " ")),
                .text(vintage.baselineModel), .number(Double(vintage.draws), decimals: 0), .text(String(vintage.seed)),
                .value(p, 4), .value(pChange, 4), .value(median, 2), .value(medianChange, 2),
                .value(vintage.figure("p5_growth_pct"), 2), .value(vintage.figure("p95_growth_pct"), 2),
            ]
            if let outcome {
                let s = scores(vintage, outcome: outcome.value)
                if let crps = s.crps { crpsValues.append(crps) }
                row += [.value(s.errorPP, 2), .value(s.crps, 3), .value(s.logScore, 3), .value(s.pit, 3), .value(s.brier, 4),
                        s.inBand90.map { .text($0 ? "yes" : "no") } ?? .empty]
            }
            table.append(row)
            previous = vintage
        }
        table.notes.append("ΔP and Δ median: the change from the vintage above (what the newly published quarters moved)")
        if outcome != nil {
            table.notes.append("scores from each vintage's stored draw summary, as the back-test scores: CRPS, log score and PIT of N(mean, sd²); Brier of P(≥ target); the band is the stored P5–P95")
        }
        var headline: [(key: String, value: Cell)] = [("Year", .number(Double(year), decimals: 0)),
                                                      ("Vintages", .number(Double(vintages.count), decimals: 0)), ("Store", .text(storePath))]
        var figures = [KeyFigure("year", .number(Double(year), decimals: 0)), KeyFigure("vintages", .number(Double(vintages.count), decimals: 0), unit: "vintages")]
        if let outcome {
            headline.append(("Outcome %", .text("\(outcome.value) (\(outcome.source))")))
            figures.append(KeyFigure("outcome_pct", outcome.value, unit: "%"))
            if !crpsValues.isEmpty {
                let mean = crpsValues.reduce(0, +) / Double(crpsValues.count)
                headline.append(("Mean CRPS (pp)", .number(mean, decimals: 3)))
                figures.append(KeyFigure("mean_crps", mean, unit: "pp"))
            }
        } else {
            headline.append(("Outcome", .text("not published yet; give --outcome X to score the vintages")))
        }
        return Report(title: "Forecast history of \(year)", headline: headline, tables: [table], figures: figures,
                      meta: ReportMeta(command: "history"))
    }
}
