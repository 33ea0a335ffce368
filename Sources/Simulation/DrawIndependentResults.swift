import Forecasting
import Sampling
import Scenarios

/// The parts of a run's report that do not depend on its draws: P(≥ target) and the median
/// under the other baseline models (`ModelVariants`, their own 8,192 draws on the run's seed),
/// the annual back-test's summaries, and the `[netting.ID]` groups' figures
/// (`LeverNetting.summaries`, 8,192 draws of the inputs). They depend only on the scenario, its dataset and
/// the seed, so a split run computes them once — in shard 1, whose state file carries them
/// (`PartialRun.drawIndependent`) — and `grdp merge` reads them instead of computing them
/// again. Held as exact bit patterns, so the merged report is the single run's, byte for byte.
/// - Complexity: the variants' runs (3 × 8,192 draws), the back-test and the netting's 8,192
///   draws of the inputs.
public struct DrawIndependentResults: Sendable {
    public var variants: [ModelVariants.Outcome]
    /// The baseline models left out of the range, each with its reason.
    public var skipped: [String]
    /// The back-test's summaries at the annual origin.
    public var backtest: [Backtest.Summary]
    /// The back-test's scores by year (for the HTML report's chart; not carried in a state).
    public var backtestScores: [Backtest.Score]
    /// The netting groups' figures (empty without `[netting.ID]`).
    public var netting: [LeverNetting.GroupSummary]
    /// Whether the variants and the back-test were computed (the embedded Hanoi history is
    /// there); false when only the netting figures are.
    public var hasForecast: Bool

    public init(variants: [ModelVariants.Outcome], skipped: [String], backtest: [Backtest.Summary], backtestScores: [Backtest.Score] = [],
                netting: [LeverNetting.GroupSummary] = [], hasForecast: Bool = true) {
        self.variants = variants
        self.skipped = skipped
        self.backtest = backtest
        self.backtestScores = backtestScores
        self.netting = netting
        self.hasForecast = hasForecast
    }

    /// Computes them for `scenario` on `dataset`, compiled as `model` (variants and back-test
    /// only for a dataset with the embedded Hanoi history; nil when there is nothing to
    /// compute); the run itself uses `model`'s baseline model, which the variants leave out.
    public static func compute(
        _ scenario: Scenario, dataset: ScenarioCompiler.Dataset, model: SimulationModel, configuration: RunConfiguration
    ) throws -> DrawIndependentResults? {
        let netting = LeverNetting.summaries(model: model, seed: configuration.seed)
        guard dataset.hanoi != nil else {
            return netting.isEmpty ? nil : DrawIndependentResults(variants: [], skipped: [], backtest: [], netting: netting, hasForecast: false)
        }
        let except = model.baselineDynamics?.model ?? .momentum
        let variants = try ModelVariants.run(scenario, dataset: dataset, configuration: configuration, except: except)
        let backtest = try ScenarioCompiler.backtest(for: scenario, dataset: dataset, years: Backtest.defaultYears).run(origins: [.annual])
        return DrawIndependentResults(variants: variants.outcomes, skipped: variants.skipped, backtest: backtest.summaries,
                                      backtestScores: backtest.scores, netting: netting)
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
        writer.append(hasForecast)
        writer.append(netting.count)
        for group in netting {
            writer.append(group.id)
            writer.append(group.totalMean)
            writer.append(group.drawnSumMean)
            writer.append(group.k != nil)
            writer.append(group.k ?? 0)
            writer.append(group.draws)
            writer.append(group.members.count)
            for member in group.members {
                writer.append(member.leverID)
                writer.append(member.drawnMean)
                writer.append(member.nettedMean)
            }
        }
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
        hasForecast = try reader.bool()
        netting = []
        for _ in 0..<(try reader.count(atMost: 10_000)) {
            let id = try reader.string()
            let totalMean = try reader.double()
            let drawnSumMean = try reader.double()
            let hasK = try reader.bool()
            let k = try reader.double()
            let draws = try reader.count(atMost: Scenario.maximumDraws)
            var members: [(leverID: String, drawnMean: Double, nettedMean: Double)] = []
            for _ in 0..<(try reader.count(atMost: 10_000)) {
                members.append((try reader.string(), try reader.double(), try reader.double()))
            }
            netting.append(LeverNetting.GroupSummary(
                id: id, totalMean: totalMean, drawnSumMean: drawnSumMean, k: hasK ? k : nil, members: members, draws: draws))
        }
    }
}
