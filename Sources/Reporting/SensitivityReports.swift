import Exploration

/// Reports of `grdp sensitivity`: Sobol' indices (table `sobol` for GRDP growth, `sobol_event`
/// for {growth ≥ target}, `sobol.OUTPUT` for any other output), Morris effects, the tornado.
public enum SensitivityReports {
    static let sobolColumns: [ResultTable.Column] = [
        .init("input", "Input"), .init("s1", "S1"), .init("s1_ci_low", "S1 low"), .init("s1_ci_high", "S1 high"),
        .init("st", "ST"), .init("st_ci_low", "ST low"), .init("st_ci_high", "ST high"),
    ]

    public static func sobol(_ analysis: SobolAnalysis, title: String, tornado: TornadoResult?) -> Report {
        var headline: [(key: String, value: Cell)] = [
            ("Method", .text("Sobol' indices: Saltelli design on a scrambled Sobol' sequence, S1 by Saltelli 2010, ST by Jansen; \(Int(((analysis.indices.first?.confidence ?? 0.95) * 100).rounded()))% bootstrap intervals (\(analysis.indices.first?.resamples ?? 0) resamples)")),
            ("Inputs", .text(analysis.method)),
            ("Base samples N", .number(Double(analysis.baseSamples), decimals: 0)),
            ("Model evaluations", .number(Double(analysis.evaluations), decimals: 0)),
        ]
        if let first = analysis.indices.first {
            headline.append(("GRDP growth variance (pp²)", .number(first.variance, decimals: 4)))
        }
        var tables: [ResultTable] = []
        for (output, indices) in zip(analysis.outputs, analysis.indices) {
            let id = output.id == "grdp_growth" ? "sobol" : output.id == "meets_target" ? "sobol_event" : "sobol.\(output.id)"
            var table = ResultTable(id: id, title: "Sobol' indices of \(output.label)", columns: sobolColumns)
            let order = indices.total.indices.sorted { indices.total[$0].value > indices.total[$1].value }
            for f in order {
                let s1 = indices.firstOrder[f], st = indices.total[f]
                table.append([.text(indices.factors[f]), .number(s1.value, decimals: 3), .number(s1.low, decimals: 3), .number(s1.high, decimals: 3),
                              .number(st.value, decimals: 3), .number(st.low, decimals: 3), .number(st.high, decimals: 3)])
            }
            table.notes.append("S1: share of the variance the input explains alone; ST: with all its interactions; sorted by ST")
            if indices.constantOutput { table.notes.append("the output does not vary over the design: every index is 0") }
            table.notes.append(contentsOf: correlationNotes(analysis.correlatedSets, inputs: analysis.factors.inputCount))
            tables.append(table)
        }
        if let tornado { tables.append(tornadoTable(tornado)) }
        return Report(title: "Sensitivity: \(title)", headline: headline, tables: tables)
    }

    public static func morris(_ analysis: MorrisAnalysis, title: String, tornado: TornadoResult?) -> Report {
        let headline: [(key: String, value: Cell)] = [
            ("Method", .text("Morris elementary effects (Morris 1991), μ* of Campolongo et al. 2007, 95% bootstrap interval on μ*")),
            ("Inputs", .text(analysis.method)),
            ("Trajectories", .number(Double(analysis.trajectories), decimals: 0)),
            ("Model evaluations", .number(Double(analysis.evaluations), decimals: 0)),
        ]
        var tables: [ResultTable] = []
        for (output, effects) in zip(analysis.outputs, analysis.effects) {
            let id = output.id == "grdp_growth" ? "morris" : output.id == "meets_target" ? "morris_event" : "morris.\(output.id)"
            var table = ResultTable(
                id: id, title: "Morris elementary effects on \(output.label)",
                columns: [.init("input", "Input"), .init("mu_star", "μ*"), .init("mu_star_ci_low", "μ* low"), .init("mu_star_ci_high", "μ* high"),
                          .init("mu", "μ"), .init("sigma", "σ")])
            let order = effects.muStar.indices.sorted { effects.muStar[$0].value > effects.muStar[$1].value }
            for f in order {
                table.append([.text(effects.factors[f]), .number(effects.muStar[f].value, decimals: 4), .number(effects.muStar[f].low, decimals: 4),
                              .number(effects.muStar[f].high, decimals: 4), .number(effects.mu[f], decimals: 4), .number(effects.sigma[f], decimals: 4)])
            }
            table.notes.append("an effect is the change of the output when the input moves across its P5–P95 range; σ large against μ*: non-linear or interacting")
            table.notes.append(contentsOf: correlationNotes(analysis.correlatedSets, inputs: analysis.factors.inputCount))
            tables.append(table)
        }
        if let tornado { tables.append(tornadoTable(tornado)) }
        return Report(title: "Screening: \(title)", headline: headline, tables: tables)
    }

    /// Which inputs were analysed together, and where to look for per-input effects.
    static func correlationNotes(_ sets: [[String]], inputs: Int) -> [String] {
        guard !sets.isEmpty else { return [] }
        var notes = sets.enumerated().map { n, ids in
            "\(InputFactors.setName(ids, number: n + 1)) = \(ids.joined(separator: " + ")): correlated through the copula, analysed as one factor (group indices)"
        }
        if sets.contains(where: { 2 * $0.count > inputs }) {
            notes.append("most inputs are in one correlated set: for each input's own effect see the tornado, or --ignore-correlations (indices of the model with independent inputs)")
        }
        return notes
    }

    public static func shapley(_ analysis: ShapleyAnalysis, title: String, tornado: TornadoResult?) -> Report {
        let headline: [(key: String, value: Cell)] = [
            ("Method", .text("Shapley effects (Owen 2014; Song, Nelson & Staum 2016): random permutations, Gaussian conditional sampling of the copula's normal scores; 95% intervals over permutations")),
            ("Inputs", .text("every parameter its own effect, correlations included; the effects add up to 1")),
            ("Permutations", .number(Double(analysis.permutations), decimals: 0)),
            ("Model evaluations", .number(Double(analysis.evaluations), decimals: 0)),
        ]
        var tables: [ResultTable] = []
        for (output, effects) in zip(analysis.outputs, analysis.effects) {
            let id = output.id == "grdp_growth" ? "shapley" : output.id == "meets_target" ? "shapley_event" : "shapley.\(output.id)"
            var table = ResultTable(id: id, title: "Shapley effects on \(output.label)",
                                    columns: [.init("input", "Input"), .init("shapley", "Shapley"), .init("ci_low", "Low"), .init("ci_high", "High")])
            let order = effects.effects.indices.sorted { effects.effects[$0].value > effects.effects[$1].value }
            for i in order {
                let e = effects.effects[i]
                table.append([.text(analysis.inputs[i]), .number(e.value, decimals: 3), .number(e.low, decimals: 3), .number(e.high, decimals: 3)])
            }
            table.notes.append("an input's share of the variance, with the variance its correlations carry shared fairly among the correlated inputs")
            if effects.constantOutput { table.notes.append("the output does not vary: every effect is 0") }
            tables.append(table)
        }
        if let tornado { tables.append(tornadoTable(tornado)) }
        return Report(title: "Sensitivity: \(title)", headline: headline, tables: tables)
    }

    static func tornadoTable(_ tornado: TornadoResult) -> ResultTable {
        var table = ResultTable(
            id: "tornado", title: "Tornado: each input held at its P10 and its P90, the others sampled",
            columns: [.init("input", "Input"), .init("p10_value", "P10 value"), .init("p90_value", "P90 value"),
                      .init("p_meets_target_at_p10", "P(≥ target) at P10"), .init("p_meets_target_at_p90", "P(≥ target) at P90"),
                      .init("median_growth_at_p10", "Median % at P10"), .init("median_growth_at_p90", "Median % at P90")])
        for bar in tornado.bars {
            table.append([.text(bar.parameter), .number(bar.lowValue, decimals: 3), .number(bar.highValue, decimals: 3),
                          .number(bar.probabilityAtLow, decimals: 3), .number(bar.probabilityAtHigh, decimals: 3),
                          .number(bar.medianAtLow, decimals: 3), .number(bar.medianAtHigh, decimals: 3)])
        }
        table.notes.append("\(tornado.draws) common draws; without holding any input: P(≥ \(fmt(tornado.threshold))%) \(fmt(tornado.baseProbability, 3)), median \(fmt(tornado.baseMedian, 3))%; longest bar (P) first")
        return table
    }
}

private func fmt(_ value: Double?, _ decimals: Int = 2) -> String { SimulationReports.fmt(value, decimals) }
