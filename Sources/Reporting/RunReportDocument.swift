import Charts
import Foundation
import Sampling
import Simulation

/// Everything `grdp report` shows, gathered from a finished run: the numbers of the
/// plain-language summary, the series of every chart, the sampled inputs with their
/// sources, and the run's tables. Sections that need other analyses — the tornado
/// (sensitivity of P(≥ target) to each input) and the back-test (forecast bands against
/// outcomes by year) — are optional inputs: the report draws them only when they are given.
public struct RunReportDocument: Sendable {
    /// One input's effect on P(≥ target): the probability with the input at its low and
    /// its high value (a tornado bar), from a sensitivity analysis.
    public struct SensitivityEntry: Sendable, Equatable {
        public let input: String
        public let probabilityAtLow: Double
        public let probabilityAtHigh: Double
        public init(input: String, probabilityAtLow: Double, probabilityAtHigh: Double) {
            self.input = input
            self.probabilityAtLow = probabilityAtLow
            self.probabilityAtHigh = probabilityAtHigh
        }
    }

    /// One back-test year: the forecast band of annual growth and the published outcome (%).
    public struct BacktestYear: Sendable, Equatable {
        public let year: String
        public let p5: Double, p50: Double, p95: Double
        public let outcome: Double
        public init(year: String, p5: Double, p50: Double, p95: Double, outcome: Double) {
            self.year = year
            self.p5 = p5
            self.p50 = p50
            self.p95 = p95
            self.outcome = outcome
        }
    }

    /// A contribution (pp) with its band, for the sector and lever charts.
    public struct Band: Sendable, Equatable {
        public let label: String
        public let mean: Double, p5: Double, p50: Double, p95: Double
    }

    /// A sampled input: its distribution, mean, P5–P95 and where its numbers come from.
    public struct Input: Sendable, Equatable {
        public let id: String
        public let distribution: String
        public let mean: Double
        public let p5: Double
        public let p95: Double
        public let source: String
    }

    public let title: String
    public let meta: ReportMeta
    public let target: Double
    public let draws: Int
    public let probability: Double?
    public let probabilityInterval: ClosedRange<Double>?
    /// P(≥ target) from the lowest to the highest across the baseline models, when the report
    /// carries it (`p_meets_target_models_low/high` of its key figures).
    public let probabilityAcrossModels: ClosedRange<Double>?
    public let median: Double
    public let p5: Double, p25: Double, p75: Double, p95: Double
    public let baseline: Band
    public let sectors: [Band]
    public let levers: [Band]
    public let fan: FanChart
    public let histogram: HistogramChart
    public let inputs: [Input]
    /// The run report's tables (sector contributions, levers, quarters, gap, …).
    public let tables: [ResultTable]
    public var sensitivity: [SensitivityEntry]?
    public var backtest: [BacktestYear]?

    /// - Parameters:
    ///   - report: the run's tabular report (`SimulationReports.report`), whose tables the
    ///     HTML repeats and whose `gap` and `quarters` tables the summary reads.
    ///   - sources: where each parameter's numbers come from, by parameter id.
    public init(result: RunResult, report: Report, sources: [String: String],
                sensitivity: [SensitivityEntry]? = nil, backtest: [BacktestYear]? = nil) {
        let model = result.model, layout = result.layout, summary = result.summary
        let grdp = summary.outputs[layout.grdp]
        func band(_ label: String, _ index: Int) -> Band {
            let output = summary.outputs[index]
            let mean = output.moments.mean
            return Band(label: label, mean: mean, p5: output.quantile(0.05) ?? mean, p50: output.quantile(0.5) ?? mean, p95: output.quantile(0.95) ?? mean)
        }
        title = report.title
        meta = report.meta
        target = model.target
        draws = result.draws
        probability = summary.meetsTarget.probability
        probabilityInterval = summary.meetsTarget.wilsonInterval()
        func figure(_ id: String) -> Double? {
            guard case let .number(value, _)? = report.figures.first(where: { $0.id == id })?.value else { return nil }
            return value
        }
        if let low = figure("p_meets_target_models_low"), let high = figure("p_meets_target_models_high"), low <= high {
            probabilityAcrossModels = low...high
        } else {
            probabilityAcrossModels = nil
        }
        median = grdp.quantile(0.5) ?? grdp.moments.mean
        p5 = grdp.quantile(0.05) ?? median
        p25 = grdp.quantile(0.25) ?? median
        p75 = grdp.quantile(0.75) ?? median
        p95 = grdp.quantile(0.95) ?? median
        baseline = band("baseline", layout.baselineContribution)
        sectors = model.lines.indices.map { band(model.lines[$0], layout.lineContributions.lowerBound + $0) }
        // Levers by id ("tourism_visitors" → "tourism visitors"): their names are sentences.
        levers = model.levers.indices.map { band(model.levers[$0].id.replacingOccurrences(of: "_", with: " "), layout.leverContributions.lowerBound + $0) }
        fan = FanChart(periods: (0..<4).map { q in
            let output = summary.outputs[layout.quarters.lowerBound + q]
            let m = output.moments.mean
            return FanChart.Period(label: "Q\(q + 1)", p5: output.quantile(0.05) ?? m, p25: output.quantile(0.25) ?? m, p50: output.quantile(0.5) ?? m,
                                   p75: output.quantile(0.75) ?? m, p95: output.quantile(0.95) ?? m,
                                   published: q < model.actualQuarters.count ? model.actualQuarters[q] : nil)
        }, target: model.target, valueTitle: "GRDP growth, % year on year")
        histogram = RunReportDocument.histogram(grdp.sketch, target: model.target, probability: summary.meetsTarget.probability)
        inputs = model.parameters.map { parameter in
            let distribution = parameter.distribution
            return Input(id: parameter.id, distribution: distribution.description, mean: distribution.mean,
                         p5: distribution.quantile(0.05), p95: distribution.quantile(0.95), source: sources[parameter.id] ?? "")
        }
        tables = report.tables
        self.sensitivity = sensitivity
        self.backtest = backtest
    }

    /// About 30 bins of a nice width over P0.1–P99.9 of the sketch (the few draws outside fall
    /// in the end bins); an edge sits on the target when it lies inside, so the bars at or
    /// above it are exactly the draws that meet it (to the sketch's relative accuracy).
    static func histogram(_ sketch: QuantileSketch, target: Double, probability: Double?) -> HistogramChart {
        let low = sketch.quantile(0.001) ?? target - 1, high = sketch.quantile(0.999) ?? target + 1
        let step = LinearScale.niceStep(span: Swift.max(high - low, 1e-6), count: 30)
        let first = target - ((target - low) / step).rounded(.up) * step
        var edges: [Double] = []
        var edge = first
        while edge < high + step, edges.count < 200 {
            edges.append(edge)
            edge += step
        }
        if edges.count < 2 { edges = [first, first + step] }
        let counts = sketch.histogram(edges: edges)
        let bins = counts.indices.map { HistogramChart.Bin(lower: edges[$0], upper: edges[$0 + 1], count: counts[$0]) }
        return HistogramChart(bins: bins, target: target, probabilityAtOrAboveTarget: probability, valueTitle: "annual GRDP growth (%)")
    }
}
