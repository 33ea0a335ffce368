import Charts
import Datasets
import Foundation
import Reporting
import Scenarios
import Simulation
import Testing

/// The report model: optional sections appear only with their data; the histogram read off
/// the sketch agrees with the run's exact exceedance count; the page renders.
@Suite("HTML report model")
struct HTMLReportTests {
    static func run() throws -> (RunResult, Report) {
        var scenario = try Scenario.parse(HanoiDataset.embedded().defaultScenario, path: "embedded hanoi-2025-plan.toml")
        scenario.datasetAssumptions = .central
        let dataset = try ScenarioCompiler.dataset(for: scenario)
        let model = try ScenarioCompiler.compile(scenario, dataset: dataset)
        let result = try MonteCarloEngine.run(model: model, configuration: RunConfiguration(draws: 8192, seed: 11, sampling: .latinHypercube, threads: 2))
        return (result, SimulationReports.report(result, title: "test", datasetDescription: dataset.description))
    }

    @Test("Tornado and back-test are drawn only when their data is given")
    func optionalSections() throws {
        let (result, report) = try Self.run()
        let plain = RunReportDocument(result: result, report: report, sources: [:])
        #expect(HTMLReport.charts(plain).map(\.id) == ["chart-fan", "chart-distribution", "chart-sectors", "chart-levers"])
        let html = try HTMLReport.render(plain)
        #expect(!html.contains("chart-tornado") && !html.contains("chart-backtest"))

        let full = RunReportDocument(result: result, report: report, sources: [:],
                                     sensitivity: [.init(input: "tourism", probabilityAtLow: 0.1, probabilityAtHigh: 0.3),
                                                   .init(input: "public investment", probabilityAtLow: 0.15, probabilityAtHigh: 0.2)],
                                     backtest: [.init(year: "2023", p5: 5, p50: 6.5, p95: 8, outcome: 6.27), .init(year: "2024", p5: 5.5, p50: 7, p95: 8.5, outcome: 6.52)])
        let charts = HTMLReport.charts(full)
        #expect(charts.map(\.id).suffix(2) == ["chart-tornado", "chart-backtest"])
        let tornado = try #require(charts.first { $0.id == "chart-tornado" })
        // Sorted by the width of the swing: tourism (20 points) before public investment (5).
        let labels = tornado.svg.elements(withClass: "row-label").compactMap { element -> String? in
            guard case let .text(text)? = element.children.first else { return nil }
            return text
        }
        #expect(labels == ["tourism", "public investment"])
        let backtest = try #require(charts.first { $0.id == "chart-backtest" })
        #expect(backtest.svg.elements(withClass: "marker").count == 2)
        #expect(try HTMLReport.render(full).contains("<svg id=\"chart-backtest\""))
    }

    /// The bars at or above the target hold the share of draws the exact counter finds
    /// (the target is a bin edge; a draw within the sketch's relative accuracy 5e-4 of 8 %,
    /// ±0.004 pp, may sit in the neighbouring bin: tolerance 0.01 absolute).
    @Test("Histogram from the sketch: counts add up to the draws; the share above the target matches P(≥ target)")
    func histogramAgrees() throws {
        let (result, report) = try Self.run()
        let document = RunReportDocument(result: result, report: report, sources: [:])
        let bins = document.histogram.bins
        #expect(bins.reduce(0) { $0 + $1.count } == result.draws)
        #expect(bins.contains { abs($0.lower - result.model.target) < 1e-9 })
        let above = bins.filter { $0.lower >= result.model.target - 1e-9 }.reduce(0) { $0 + $1.count }
        let p = try #require(result.summary.meetsTarget.probability)
        #expect(abs(Double(above) / Double(result.draws) - p) <= 0.01)
    }

    @Test("The summary states the run's probability, median and gap")
    func summary() throws {
        let (result, report) = try Self.run()
        let document = RunReportDocument(result: result, report: report, sources: [:])
        let html = try HTMLReport.render(document)
        let p = try #require(document.probability)
        #expect(html.contains("reached in \(String(format: "%.1f", p * 100)) % of the 8,192 simulated outcomes"))
        #expect(html.contains("The median outcome is \(String(format: "%.2f", document.median)) % growth"))
        if document.median < document.target {
            #expect(html.contains("falls \(String(format: "%.2f", document.target - document.median)) pp short"))
        }
    }
}
