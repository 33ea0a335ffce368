import Simulation

/// The machine headline of a Monte Carlo run (JSON `headline`, docs/output-schema.md): the
/// probability of meeting the target with its Wilson 95% interval, and the distribution of
/// annual GRDP growth (quantiles from the run's DDSketch, moments from Welford/Chan).
public enum SimulationFigures {
    /// - Parameter forecast: the other baseline models' P(≥ target) and the back-test scores,
    ///   when the run has them: `p_meets_target_models_low/high`, `p_meets_target_model_<id>`,
    ///   `backtest_mean_crps`, `backtest_coverage90`, `backtest_years`.
    public static func headline(_ result: RunResult, forecast: ForecastContext? = nil) -> [KeyFigure] {
        let model = result.model, layout = result.layout, summary = result.summary
        let grdp = summary.outputs[layout.grdp]
        var figures: [KeyFigure] = [KeyFigure("target_pct", model.target, unit: "%")]
        let interval = summary.meetsTarget.wilsonInterval()
        figures += [
            KeyFigure("p_meets_target", summary.meetsTarget.probability, unit: "probability"),
            KeyFigure("p_meets_target_ci_low", interval?.lowerBound, unit: "probability"),
            KeyFigure("p_meets_target_ci_high", interval?.upperBound, unit: "probability"),
        ]
        for (id, q) in [("p5", 0.05), ("p25", 0.25), ("median", 0.5), ("p75", 0.75), ("p95", 0.95)] {
            figures.append(KeyFigure("\(id)_growth_pct", grdp.quantile(q), unit: "%"))
        }
        figures.append(KeyFigure("mean_growth_pct", grdp.moments.mean, unit: "%"))
        figures.append(KeyFigure("sd_growth_pct", grdp.moments.standardDeviation, unit: "%"))
        let median = grdp.quantile(0.5) ?? grdp.moments.mean
        figures.append(KeyFigure("gap_to_target_pp", model.target - median, unit: "pp"))
        if let e = layout.exports {
            figures.append(KeyFigure("exports_target_pct", model.exportsTarget, unit: "%"))
            figures.append(KeyFigure("exports_median_growth_pct", summary.outputs[e].quantile(0.5), unit: "%"))
            figures.append(KeyFigure("p_exports_meets_target", summary.exportsMeetTarget?.probability, unit: "probability"))
        }
        if let c = layout.consumerPrices {
            figures.append(KeyFigure("cpi_ceiling_pct", model.cpiCeiling, unit: "%"))
            figures.append(KeyFigure("cpi_median_pct", summary.outputs[c].quantile(0.5), unit: "%"))
            figures.append(KeyFigure("p_cpi_below_ceiling", summary.consumerPricesAtOrAboveCeiling?.probability.map { 1 - $0 }, unit: "probability"))
        }
        if let outcome = model.publishedOutcome {
            figures.append(KeyFigure("published_outcome_pct", outcome, unit: "%"))
            figures.append(KeyFigure("published_outcome_percentile", summary.atOrAbovePublishedOutcome?.probability.map { (1 - $0) * 100 }, unit: "percentile"))
        }
        figures.append(KeyFigure("draws", .number(Double(result.draws), decimals: 0), unit: "draws"))
        if let forecast {
            let used = model.baselineDynamics?.model ?? .momentum
            figures.append(KeyFigure("baseline_model", .text(used.rawValue)))
            if let p = summary.meetsTarget.probability, !forecast.variants.isEmpty {
                let all = [p] + forecast.variants.map(\.probability)
                figures.append(KeyFigure("p_meets_target_models_low", all.min(), unit: "probability"))
                figures.append(KeyFigure("p_meets_target_models_high", all.max(), unit: "probability"))
                for variant in forecast.variants {
                    figures.append(KeyFigure("p_meets_target_model_" + KeyFigure.id(fromLabel: variant.model.rawValue), variant.probability, unit: "probability"))
                }
            }
            if let own = forecast.backtest.first(where: { $0.origin == .annual && $0.forecaster == .model(used) }) {
                figures.append(KeyFigure("backtest_mean_crps", own.meanCRPS, unit: "pp"))
                figures.append(KeyFigure("backtest_coverage90", .number(Double(own.coverage90), decimals: 0), unit: "years"))
                figures.append(KeyFigure("backtest_years", .number(Double(own.years.count), decimals: 0), unit: "years"))
            }
        }
        return figures
    }
}
