import Forecasting
import Sampling
import Scenarios

/// The parts of a run's report that do not depend on its draws: P(≥ target) and the median
/// under the other baseline models (`ModelVariants`, their own 8,192 draws on the run's seed)
/// and the annual back-test's summaries. They depend only on the scenario, its dataset and
/// the seed, so a split run computes them once — in shard 1, whose state file carries them
/// (`PartialRun.drawIndependent`) — and `grdp merge` reads them instead of computing them
/// again. Held as exact bit patterns, so the merged report is the single run's, byte for byte.
/// - Complexity: the variants' runs (3 × 8,192 draws) and the back-test.
public struct DrawIndependentResults: Sendable {
    public var variants: [ModelVariants.Outcome]
    /// The baseline models left out of the range, each with its reason.
    public var skipped: [String]
    /// The back-test's summaries at the annual origin.
    public var backtest: [Backtest.Summary]
    /// The back-test's scores by year (for the HTML report's chart; not carried in a state).
    public var backtestScores: [Backtest.Score]

    public init(variants: [ModelVariants.Outcome], skipped: [String], backtest: [Backtest.Summary], backtestScores: [Backtest.Score] = []) {
        self.variants = variants
        self.skipped = skipped
        self.backtest = backtest
        self.backtestScores = backtestScores
    }

    /// Computes them for `scenario` on `dataset` (nil for a dataset without the embedded
    /// Hanoi history, which has neither variants nor a back-test); `except` is the model of
    /// the run itself.
    public static func compute(
        _ scenario: Scenario, dataset: ScenarioCompiler.Dataset, configuration: RunConfiguration, except: BaselineModel
    ) throws -> DrawIndependentResults? {
        guard dataset.hanoi != nil else { return nil }
        let variants = try ModelVariants.run(scenario, dataset: dataset, configuration: configuration, except: except)
        let backtest = try ScenarioCompiler.backtest(for: scenario, dataset: dataset, years: Backtest.defaultYears).run(origins: [.annual])
        return DrawIndependentResults(variants: variants.outcomes, skipped: variants.skipped, backtest: backtest.summaries,
                                      backtestScores: backtest.scores)
    }
}

extension DrawIndependentResults: MergeableState {
    public func encode(into writer: inout StateWriter) {
        writer.append(variants.count)
        for variant in variants {
            writer.append(BaselineModel.allCases.firstIndex(of: variant.model) ?? -1)
            writer.append(variant.probability)
            writer.append(variant.median != nil)
            writer.append(variant.median ?? 0)
            writer.append(variant.draws)
        }
        writer.append(skipped.count)
        for reason in skipped { writer.append(reason) }
        writer.append(backtest.count)
        for summary in backtest { writer.append(summary) }
    }

    public init(from reader: inout StateReader) throws(SamplingError) {
        let models = BaselineModel.allCases
        variants = []
        for _ in 0..<(try reader.count(atMost: models.count)) {
            let model = models[try reader.count(atMost: models.count - 1)]
            let probability = try reader.double()
            let hasMedian = try reader.bool()
            let median = try reader.double()
            variants.append(ModelVariants.Outcome(model: model, probability: probability, median: hasMedian ? median : nil,
                                                  draws: try reader.count(atMost: Scenario.maximumDraws)))
        }
        skipped = []
        for _ in 0..<(try reader.count(atMost: models.count)) { skipped.append(try reader.string()) }
        backtest = []
        for _ in 0..<(try reader.count(atMost: 10_000)) { backtest.append(try Backtest.Summary(from: &reader)) }
        backtestScores = []
    }
}
