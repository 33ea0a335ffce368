import Charts
import Foundation
import Mustache

/// `grdp report`: the run as one self-contained HTML page (Mustache template
/// `HTMLReportTemplate`, charts from the Charts module as inline SVG), and the same charts
/// as SVG files.
public enum HTMLReport {
    /// One chart of the report: its DOM id (`chart-fan`, …), heading, explanation and SVG.
    public struct Chart: Sendable {
        public let id: String
        public let heading: String
        public let explanation: String
        public let svg: SVGElement
    }

    /// The charts, in report order; the tornado and the back-test only when the document
    /// carries their data.
    public static func charts(_ document: RunReportDocument) -> [Chart] {
        let target = NumberText.fixed(document.target, 1)
        var charts: [Chart] = [
            Chart(id: "chart-fan", heading: "Quarter by quarter: GRDP growth, % year on year",
                  explanation: "The darker band holds half of the simulated outcomes (P25–P75), the lighter band nine in ten (P5–P95); the line is the median; dots are published quarters; the dashed line is the \(target) % target.",
                  svg: document.fan.svg(id: "chart-fan", title: "Fan chart of quarterly GRDP growth")),
            Chart(id: "chart-distribution", heading: "How likely is \(target) %? The distribution of annual growth",
                  explanation: "Share of simulated outcomes by annual GRDP growth; the darker bars meet the target. Read off the run's quantile sketch.",
                  svg: document.histogram.svg(id: "chart-distribution", title: "Distribution of annual GRDP growth")),
            Chart(id: "chart-sectors", heading: "Which sectors carry the growth (percentage points)",
                  explanation: "Each sector's contribution to GRDP growth: base-year share × its growth. Bar: P5–P95 of the draws; dot: median.",
                  svg: intervals(document.sectors, title: "pp of GRDP growth").svg(id: "chart-sectors", title: "Sector contributions with bands")),
            Chart(id: "chart-levers", heading: "What the levers add (percentage points)",
                  explanation: "The baseline (the growth the baseline model forecasts without the levers) and each lever's contribution: the value added it induces through the input-output model. Bar: P5–P95; dot: median.",
                  svg: intervals([document.baseline] + document.levers, title: "pp of GRDP growth", labelWidth: 250)
                      .svg(id: "chart-levers", title: "Lever contributions with bands")),
        ]
        if let sensitivity = document.sensitivity, !sensitivity.isEmpty {
            let base = (document.probability ?? 0) * 100
            let rows = sensitivity.sorted { abs($0.probabilityAtHigh - $0.probabilityAtLow) > abs($1.probabilityAtHigh - $1.probabilityAtLow) }.map {
                IntervalChart.Row(label: $0.input, low: $0.probabilityAtLow * 100, centre: base, high: $0.probabilityAtHigh * 100)
            }
            let chart = IntervalChart(rows: rows, valueTitle: "P(growth ≥ \(target) %), %", bandLabel: "input low ↔ high", centreLabel: "this run",
                                      labelWidth: 250)
            charts.append(Chart(id: "chart-tornado", heading: "Which inputs move P(≥ \(target) %)",
                                explanation: "The probability of meeting the target with each input at the low and the high end of its range, the others as sampled.",
                                svg: chart.svg(id: "chart-tornado", title: "Tornado of the inputs' effect on P(≥ target)")))
        }
        if let backtest = document.backtest, !backtest.isEmpty {
            let rows = backtest.map { IntervalChart.Row(label: $0.year, low: $0.p5, centre: $0.p50, high: $0.p95, marker: $0.outcome) }
            let chart = IntervalChart(rows: rows, valueTitle: "annual GRDP growth (%)", markerLabel: "published outcome", labelWidth: 90)
            charts.append(Chart(id: "chart-backtest", heading: "Back-test: forecast bands against outcomes",
                                explanation: "For each past year, forecast from the start of the year with the data published then: the baseline model's P5–P95 band and median of annual growth (its normal predictive distribution, as `grdp backtest` scores it), and the published outcome. Levers are not part of the back-test.",
                                svg: chart.svg(id: "chart-backtest", title: "Back-test of the forecast bands")))
        }
        return charts
    }

    static func intervals(_ bands: [RunReportDocument.Band], title: String, labelWidth: Double = 190) -> IntervalChart {
        IntervalChart(rows: bands.map { .init(label: $0.label, low: $0.p5, centre: $0.p50, high: $0.p95) }, valueTitle: title, labelWidth: labelWidth)
    }

    /// The HTML page. - Throws: `ReportingError.template` if the template does not parse
    /// (a programming error the tests catch, reported as an internal error, not a crash).
    public static func render(_ document: RunReportDocument) throws(ReportingError) -> String {
        let template: MustacheTemplate
        do { template = try MustacheTemplate(string: HTMLReportTemplate.page) } catch {
            throw .template(reason: "\(error)")
        }
        return template.render(context(document))
    }

    static func context(_ document: RunReportDocument) -> [String: Any] {
        let meta = document.meta, run = meta.simulation
        var figures: [[String: String]] = []
        if let p = document.probability {
            figures.append(["value": NumberText.fixed(p * 100, 1) + " %", "caption": "chance of ≥ \(NumberText.fixed(document.target, 1)) % growth"])
        }
        figures.append(["value": NumberText.fixed(document.median, 2) + " %", "caption": "median GRDP growth"])
        figures.append(["value": NumberText.fixed(document.p5, 1) + "–" + NumberText.fixed(document.p95, 1) + " %", "caption": "90 % range (P5–P95)"])
        let gap = document.target - document.median
        figures.append(["value": NumberText.fixed(abs(gap), 2) + " pp", "caption": gap > 0 ? "median shortfall to target" : "median above target"])
        let charts: [[String: Any]] = charts(document).map { chart in
            var svg = chart.svg
            svg.attributes.removeAll { $0.0 == "xmlns" }
            return ["id": chart.id, "heading": chart.heading, "explanation": chart.explanation, "svg": svg.rendered()]
        }
        let inputs: [[String: String]] = document.inputs.map {
            ["id": $0.id, "distribution": $0.distribution, "mean": significant($0.mean), "p5": significant($0.p5), "p95": significant($0.p95), "source": abbreviated($0.source, limit: 280)]
        }
        let tables: [[String: Any]] = document.tables.filter { $0.id != "parameters" }.map { table in
            let numeric = table.columns.indices.map { c in table.rows.contains { if case .number = $0[c] { true } else { false } } }
            return [
                "id": table.id, "title": table.title, "notes": table.notes,
                "columns": table.columns.indices.map { ["header": table.columns[$0].header, "align": numeric[$0] ? "num" : ""] },
                "rows": table.rows.map { row in ["cells": row.indices.map { ["text": NumberText.human(row[$0]), "align": numeric[$0] ? "num" : ""] }] },
            ]
        }
        let scenario = run?.scenarioPath ?? ""
        return [
            "title": document.title, "toolVersion": ReportMeta.toolVersion, "schemaVersion": ReportMeta.schemaVersion,
            "stylesheet": HTMLReportTemplate.stylesheet, "figures": figures, "summary": RunReportSummary.paragraphs(document),
            "charts": charts, "inputs": inputs, "tables": tables,
            "scenario": scenario, "scenarioHash": String((run?.scenarioSHA256 ?? "").prefix(12)),
            "scenarioArgument": scenario.hasPrefix("embedded") || scenario.isEmpty ? "" : scenario + " ",
            "draws": String(document.draws), "seed": String(run?.seed ?? 0), "sampling": run?.sampling ?? "", "dataset": run?.datasetDescription ?? "",
        ]
    }

    /// At most `limit` characters, cut at a word boundary with "…" (the full text is in the
    /// scenario file and in the JSON/CSV `parameters` table).
    static func abbreviated(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        var cut = String(text.prefix(limit))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut + " …"
    }

    /// Four significant digits, without exponent for the magnitudes of this report.
    static func significant(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        let magnitude = value == 0 ? 0 : Int(log10(abs(value)).rounded(.down))
        return NumberText.fixed(value, max(0, 3 - magnitude))
    }
}
