import Forecasting
import Foundation
import Growth
import Sampling
import Scenarios
import Simulation

/// What the report says about the forecast's own uncertainty and record, beside one run:
/// P(≥ target) under the other baseline models, and the back-test scores.
public struct ForecastContext: Sendable {
    public let variants: [ModelVariants.Outcome]
    public let backtest: [Backtest.Summary]
    public init(variants: [ModelVariants.Outcome], backtest: [Backtest.Summary]) {
        self.variants = variants
        self.backtest = backtest
    }
}

/// The report of `grdp run`: headline, sector contributions with bands, levers, demand
/// side, quarters, other plan targets, gap to target, and the inputs.
public enum SimulationReports {
    public static func report(
        _ result: RunResult, title: String, datasetDescription: String, notes: [String] = [], forecast: ForecastContext? = nil,
        netting: [LeverNetting.GroupSummary]? = nil
    ) -> Report {
        let o = RunOutputs(result)
        let median = o.q(o.layout.grdp, 0.5) ?? o.output(o.layout.grdp).moments.mean
        var tables = [sectorTable(o), leverTable(o)]
        if let spending = leverSpendingTable(o) { tables.append(spending) }
        tables += [demandTable(o), quarterTable(o, median: median), gapTable(o, median: median)]
        if let other = otherTargetsTable(o) { tables.append(other) }
        tables.append(inputsTable(o, notes: notes, netting: netting ?? LeverNetting.summaries(model: o.model, seed: o.result.seed)))
        return Report(title: title, headline: headline(o, forecast: forecast, datasetDescription: datasetDescription), tables: tables)
    }

    /// The headline: median, band, P(≥ target) with its interval and model range, the baseline model, exports, CPI, back-test, draws, dataset.
    static func headline(_ o: RunOutputs, forecast: ForecastContext?, datasetDescription: String) -> [(key: String, value: Cell)] {
        let model = o.model, layout = o.layout, summary = o.summary
        let output = o.output, q = o.q
        let grdp = output(layout.grdp)
        var headline: [(key: String, value: Cell)] = []
        headline.append(("Median GRDP growth %", .value(q(layout.grdp, 0.5), 2)))
        headline.append(("90% band (P5–P95) %", .text("\(fmt(q(layout.grdp, 0.05))) – \(fmt(q(layout.grdp, 0.95)))")))
        headline.append(("Mean ± sd %", .text("\(fmt(grdp.moments.mean)) ± \(fmt(grdp.moments.standardDeviation))")))
        if let p = summary.meetsTarget.probability {
            let interval = summary.meetsTarget.wilsonInterval().map { " (95% CI \(fmt($0.lowerBound * 100, 1))–\(fmt($0.upperBound * 100, 1)))" } ?? ""
            headline.append(("P(GRDP growth ≥ \(fmt(model.target)) %)", .text("\(fmt(p * 100, 1))%\(interval)")))
            let baselineModel = model.baselineDynamics?.model ?? .momentum
            if let forecast, !forecast.variants.isEmpty {
                let all = [(baselineModel, p)] + forecast.variants.map { ($0.model, $0.probability) }
                let low = all.map(\.1).min() ?? p, high = all.map(\.1).max() ?? p
                headline.append(("  range across baseline models", .text(
                    "\(fmt(low * 100, 1))–\(fmt(high * 100, 1))% (" + all.map { "\($0.0.rawValue) \(fmt($0.1 * 100, 1))" }.joined(separator: ", ")
                        + "; others at \(ModelVariants.drawsPerVariant) draws; model uncertainty, not in the CI above)")))
            }
            headline.append(("Baseline model", .text(baselineModel.summary + backtestLine(forecast, baselineModel))))
        }
        if let e = layout.exports {
            let probability = summary.exportsMeetTarget?.probability.map { ", P(≥ \(fmt(model.exportsTarget ?? 0, 1))%) \(fmt($0 * 100, 1))%" } ?? ""
            headline.append(("Exports growth median %", .text("\(fmt(q(e, 0.5)))\(probability)")))
        }
        if let c = layout.consumerPrices {
            let probability = summary.consumerPricesAtOrAboveCeiling?.probability.map { ", P(< \(fmt(model.cpiCeiling ?? 0, 1))%) \(fmt((1 - $0) * 100, 1))%" } ?? ""
            headline.append(("CPI median %", .text("\(fmt(q(c, 0.5)))\(probability)")))
        }
        if let outcome = model.publishedOutcome, let p = summary.atOrAbovePublishedOutcome?.probability {
            headline.append(("Back-test: published outcome", .text("\(fmt(outcome))%, at the P\(fmt((1 - p) * 100, 0)) of the simulated distribution")))
        }
        headline.append(("Draws", .text("\(o.result.draws) (\(o.result.sampling.rawValue), seed \(o.result.seed))")))
        headline.append(("Dataset", .text(datasetDescription)))
        return headline
    }

    /// Sector and group contributions with bands, and GRDP.
    static func sectorTable(_ o: RunOutputs) -> ResultTable {
        let model = o.model, layout = o.layout
        let q = o.q, band = o.band
        // Sector contributions.
        var sectors = ResultTable(
            id: "sector_contributions", title: "Sector contributions to GRDP growth (percentage points) with bands",
            columns: [.init("line", "Sector"), .init("group", "Group"), .init("growth_p50_pct", "Growth P50 %"),
                      .init("mean_pp", "Mean pp"), .init("p5_pp", "P5 pp"), .init("p50_pp", "P50 pp"), .init("p95_pp", "P95 pp")])
        for (i, line) in model.lines.enumerated() {
            let c = layout.lineContributions.lowerBound + i
            sectors.append([.text(line), .text(model.groupOfLine[i].map { model.groups[$0] } ?? ""),
                            .value(q(layout.lineGrowth.lowerBound + i, 0.5), 2)] + band(c))
        }
        for (g, group) in model.groups.enumerated() {
            let c = layout.groupContributions.lowerBound + g
            sectors.append([.text("= " + group), .text("group"), .empty] + band(c))
        }
        sectors.append([.text("GRDP"), .empty, .value(q(layout.grdp, 0.5), 2)] + band(layout.grdp))
        sectors.notes.append("contribution = base-year share × growth; means add up to the GRDP mean (quantiles do not add)")
        return sectors
    }

    /// The baseline and each lever's contribution with bands.
    static func leverTable(_ o: RunOutputs) -> ResultTable {
        let model = o.model, layout = o.layout
        let band = o.band
        // Levers.
        var levers = ResultTable(
            id: "levers", title: "What carries the growth: the levers' contributions (pp of GRDP growth)",
            columns: [.init("id", "Lever"), .init("name", "Name"), .init("category", "Demand side"), .init("mean_pp", "Mean pp"),
                      .init("p5_pp", "P5 pp"), .init("p50_pp", "P50 pp"), .init("p95_pp", "P95 pp")])
        let baseline = layout.baselineContribution
        levers.append([.text("baseline"), .text(model.baselineDynamics.map { "baseline: " + $0.model.summary } ?? "momentum (baseline growth of every line)"), .text("")] + band(baseline))
        for (l, lever) in model.levers.enumerated() {
            let c = layout.leverContributions.lowerBound + l
            levers.append([.text(lever.id), .text(lever.name), .text(lever.category.rawValue)] + band(c))
        }
        levers.notes.append(model.finalDemand == nil
            ? "a demand lever's contribution is the value added it induces through the Leontief model (v̂·L·Δf), plus the product taxes that follow it"
            : "a demand lever's contribution is the value added its local final demand induces through the Leontief model (v̂·L·Δf), plus its own product taxes: those on its final use and on the inputs of its local production (lever_spending)")
        return levers
    }

    /// Contributions by the demand that carries them (with the national factor's parts).
    static func demandTable(_ o: RunOutputs) -> ResultTable {
        let model = o.model, layout = o.layout
        let range = o.range
        let baseline = layout.baselineContribution
        // Demand side.
        var demand = ResultTable(
            id: "demand_side", title: "Demand side: contributions by the demand that carries them (pp)",
            columns: [.init("category", "Demand"), .init("mean_pp", "Mean pp"), .init("p5_pp", "P5 pp"), .init("p95_pp", "P95 pp")])
        demand.append([.text(model.baselineDynamics == nil ? "baseline momentum" : "baseline (all)")] + range(baseline))
        if let d = layout.nationalDemand, let c = layout.nationalCycle {
            demand.append([.text("  of which national growth: rest of Vietnam and abroad (export column)")] + range(d))
            demand.append([.text("  of which national growth: local demand moving with the national cycle")] + range(c))
        }
        for (c, category) in SimulationModel.demandCategories.enumerated() {
            let index = layout.categoryContributions.lowerBound + c
            demand.append([.text(category.rawValue)] + range(index))
        }
        demand.notes.append("'supply' collects growth shifts and local sourcing; 'visitors' is tourism spending (an export of services)")
        return demand
    }

    /// Quarter by quarter, with the uniform extra growth the remaining quarters need at the median.
    static func quarterTable(_ o: RunOutputs, median: Double) -> ResultTable {
        let model = o.model, layout = o.layout
        let q = o.q
        // Quarters and the gap.
        let uniformClosure = QuarterlyWeights.uniformRemainingExtra(
            weights: model.quarterlyWeights, knownQuarters: model.actualQuarters.count, shortfall: model.target - median)
        var quarters = ResultTable(
            id: "quarters", title: "Quarter by quarter: projected GRDP growth (% y/y) and what would close the gap",
            columns: [.init("quarter", "Quarter"), .init("weight", "Base weight"), .init("status", "Status"), .init("p5_pct", "P5 %"),
                      .init("p50_pct", "P50 %"), .init("p95_pct", "P95 %"), .init("needed_pct", "Needed for target %")])
        for qIndex in 0..<4 {
            let index = layout.quarters.lowerBound + qIndex
            let actual = qIndex < model.actualQuarters.count
            quarters.append([.text("Q\(qIndex + 1)"), .number(model.quarterlyWeights[qIndex], decimals: 4), .text(actual ? "actual" : "projected"),
                             .value(q(index, 0.05), 2), .value(q(index, 0.5), 2), .value(q(index, 0.95), 2),
                             actual ? .value(q(index, 0.5), 2) : .value((q(index, 0.5) ?? 0) + uniformClosure, 2)])
        }
        quarters.notes.append("needed: each remaining quarter's median plus the same extra growth, so that Σ weight × growth reaches the target at the median")
        return quarters
    }

    /// What each line alone would need at the median.
    static func gapTable(_ o: RunOutputs, median: Double) -> ResultTable {
        let model = o.model, layout = o.layout
        let output = o.output, q = o.q
        var gap = ResultTable(
            id: "gap", title: "Gap to the \(fmt(model.target))% target at the median: the growth each line alone would need",
            columns: [.init("line", "Sector"), .init("share_pct", "Base share %"), .init("growth_p50_pct", "Growth P50 %"),
                      .init("needed_alone_pct", "Needed alone %"), .init("extra_pp", "Extra pp")])
        let shortfall = model.target - median
        for (i, line) in model.lines.enumerated() {
            let growth = q(layout.lineGrowth.lowerBound + i, 0.5) ?? 0
            let meanGrowth = output(layout.lineGrowth.lowerBound + i).moments.mean
            let share = meanGrowth != 0 ? output(layout.lineContributions.lowerBound + i).moments.mean / meanGrowth : 0
            let alone = SectorGap(sector: line, share: share, growthPercent: growth, closingShortfall: shortfall)
            gap.append([.text(line), .number(share * 100, decimals: 2), .number(growth, decimals: 2), .value(alone.requiredGrowthAlonePercent, 2),
                        .value(alone.extraGrowthAlonePercentagePoints, 2)])
        }
        gap.notes.append(shortfall > 0
            ? "median GRDP growth \(fmt(median)) % is \(fmt(shortfall)) pp short of the target"
            : "median GRDP growth \(fmt(median)) % meets the target; no extra growth is needed at the median")
        return gap
    }

    /// Exports and CPI against their plan targets; nil when the scenario simulates neither.
    static func otherTargetsTable(_ o: RunOutputs) -> ResultTable? {
        let model = o.model, layout = o.layout, summary = o.summary
        let q = o.q
        // Other plan targets.
        guard layout.exports != nil || layout.consumerPrices != nil else { return nil }
        do {
            var other = ResultTable(
                id: "other_targets", title: "Other plan targets",
                columns: [.init("indicator", "Indicator"), .init("comparison", "Meets if"), .init("target_pct", "Target %"), .init("p5_pct", "P5 %"), .init("p50_pct", "P50 %"),
                          .init("p95_pct", "P95 %"), .init("probability_pct", "P(meets) %")])
            if let e = layout.exports {
                other.append([.text("exports growth %"), .text("≥"), .value(model.exportsTarget, 1), .value(q(e, 0.05), 2), .value(q(e, 0.5), 2),
                              .value(q(e, 0.95), 2), .value(summary.exportsMeetTarget?.probability.map { $0 * 100 }, 1)])
            }
            if let c = layout.consumerPrices {
                other.append([.text("CPI %"), .text("<"), .value(model.cpiCeiling, 1), .value(q(c, 0.05), 2), .value(q(c, 0.5), 2),
                              .value(q(c, 0.95), 2), .value(summary.consumerPricesAtOrAboveCeiling?.probability.map { (1 - $0) * 100 }, 1)])
            }
            return other
        }
    }

    /// The sampled inputs with their distributions, the copula and the baseline model's estimates, and the run's notes.
    static func inputsTable(_ o: RunOutputs, notes: [String], netting: [LeverNetting.GroupSummary]) -> ResultTable {
        let model = o.model
        // Inputs.
        var inputs = ResultTable(
            id: "parameters", title: "Uncertain inputs (sampled)",
            columns: [.init("id", "Parameter"), .init("distribution", "Distribution"), .init("mean", "Mean")])
        for p in model.parameters {
            inputs.append([.text(p.id), .text(p.distribution.description), .number(p.distribution.mean, decimals: 4)])
        }
        if let (indices, _) = model.correlation {
            inputs.notes.append("correlated through a Gaussian copula: " + indices.map { model.parameters[$0].id }.joined(separator: ", "))
        }
        inputs.notes.append(contentsOf: nettingNotes(netting))
        if let f = model.baselineDynamics?.forecast {
            if let n = f.nationalGrowth { inputs.notes.append("\(ScenarioCompiler.BaselineParameterID.nationalGrowth): N(\(fmt(n.mean)), \(fmt(n.standardDeviation))²) — \(n.source)") }
            inputs.notes.append("\(ScenarioCompiler.BaselineParameterID.expected): N(\(fmt(f.expected.mean, 3)), \(fmt(f.expected.standardDeviation, 3))²) — \(f.expected.source)")
            inputs.notes.append("\(ScenarioCompiler.BaselineParameterID.residual): sd \(fmt(f.residualStandardDeviation, 3)) (leave-one-out error \(fmt(f.regression.outOfSampleError, 3)) less the quarter noise); quarter noise sd \(fmt(f.quarterNoiseStandardDeviation, 3)) (robust spread of Hanoi's quarters around their years)")
        }
        inputs.notes.append(contentsOf: notes)
        return inputs
    }

    /// One note per `[netting.ID]` group: the rule, E[T], E[Σ] and k = E[T] / E[Σ], and each
    /// member's mean amount as drawn and netted (`LeverNetting.summaries`, 8,192 draws of the
    /// inputs, which a split run carries in shard 1's state).
    static func nettingNotes(_ summaries: [LeverNetting.GroupSummary]) -> [String] {
        summaries.map { g in
            let members = g.members.map { "\($0.leverID) \(fmt($0.nettedMean, 0)) (drawn \(fmt($0.drawnMean, 0)))" }.joined(separator: ", ")
            return "netting.\(g.id): in each draw the members add up to the total T (a′ = a + (T − Σa)·|a|/Σ|a|, i.e. k·a with k = T/Σa when they share a sign); "
                + "E[T] \(fmt(g.totalMean, 0)), E[Σa] \(fmt(g.drawnSumMean, 0)), k = E[T]/E[Σa] \(fmt(g.k, 3)); mean netted amounts (\(g.draws) draws of the inputs): \(members)"
        }
    }

    /// "; back-test …" for the model used: its mean CRPS over the annual origins against the
    /// best benchmark's, and its 90% band coverage.
    static func backtestLine(_ forecast: ForecastContext?, _ model: BaselineModel) -> String {
        guard let summaries = forecast?.backtest.filter({ $0.origin == .annual }),
              let own = summaries.first(where: { $0.forecaster == .model(model) }) else { return "" }
        let benchmarks = summaries.filter { if case .model = $0.forecaster { false } else { true } }
        let best = benchmarks.min { $0.meanCRPS < $1.meanCRPS }
        let years = "\(own.years.first ?? 0)–\(own.years.last ?? 0)"
        return "; back-test \(years): mean CRPS \(fmt(own.meanCRPS, 2))"
            + (best.map { " (best benchmark, \($0.forecaster.id): \(fmt($0.meanCRPS, 2)))" } ?? "")
            + ", 90% band covered \(own.coverage90)/\(own.years.count) (grdp backtest)"
    }

    static func fmt(_ value: Double?, _ decimals: Int = 2) -> String {
        value.map { NumberText.fixed($0, decimals) } ?? "n/a"
    }
}
