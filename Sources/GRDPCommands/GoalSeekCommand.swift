import ArgumentParser
import Exploration
import Foundation
import Reporting

/// `grdp goal-seek [SCENARIO] --lever ID`: how much more of a lever makes the target likely.
struct GoalSeekCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goal-seek",
        abstract: "The shift of a lever (or scale of a set of levers) at which P(growth ≥ target) reaches p, or the median reaches the target.",
        discussion: """
            Root-finding on common random numbers (the same draws at every trial amount); the amount's \
            Monte Carlo standard error comes from 10 batches of the draws. Also ranks every lever by what \
            it alone would need to bring the median to the target (--no-ranking to skip). JSON headline: \
            amount, p_meets_target, median_growth_pct.
            """)

    @OptionGroup var input: ScenarioInputOptions
    @Option(help: "The lever to shift (its id, e.g. public_investment, or a parameter id such as levers.tourism_visitors.amount).")
    var lever: String?
    @Option(help: "Scale these levers together by one factor instead (comma-separated ids). A member of a [netting.ID] group is scaled after its netting, so the factor moves the group's total too.", transform: CommaList.leverIDs) var scale: [String]?
    @Option(help: "Probability of reaching the target to aim at.") var probability: Double?
    @Flag(help: "Aim at a median growth equal to the target instead of a probability.") var median = false
    @Option(help: "Common draws of the root-finding.") var draws: Int = 20_000
    @Option(help: "Draws of the lever ranking.") var rankingDraws: Int = 4000
    @Flag(help: "Skip the table ranking every lever.") var noRanking = false
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        guard (lever == nil) != (scale == nil) else { throw ValidationError("give exactly one of --lever ID or --scale ID,ID") }
        if median, probability != nil { throw ValidationError("give --probability P or --median, not both") }
        if let probability, !(probability > 0 && probability < 1) {
            throw ValidationError("--probability must be between 0 and 1 (exclusive), e.g. 0.5")
        }
        guard draws >= 100, draws <= 1_000_000 else { throw ValidationError("--draws must be between 100 and 1000000 (the draws are held in memory)") }
        guard rankingDraws >= 100, rankingDraws <= 1_000_000 else { throw ValidationError("--ranking-draws must be between 100 and 1000000") }
    }

    func run() throws {
        var report = try makeReport()
        report.meta = ReportMeta(command: "goal-seek", inputs: try input.fingerprints)
        try outputOptions.emit(report, inputs: input.inputsDescription)
    }

    func makeReport() throws -> Report {
        let (scenario, model) = try input.load()
        let move: GoalSeekRequest.Move
        let moveDescription: String, unit: String
        if let lever {
            let j = try GoalSeek.parameter(forLever: lever, in: model)
            move = .shift(parameter: j)
            moveDescription = "shift of \(model.parameters[j].id) (amount added to every draw)"
            unit = Self.unit(of: model.parameters[j].id)
        } else {
            let ids = scale ?? []
            let parameters = try ids.map { try GoalSeek.parameter(forLever: $0, in: model) }
            move = .scale(parameters: parameters)
            moveDescription = "scale of \(parameters.map { model.parameters[$0].id }.joined(separator: ", ")) (every draw multiplied by the factor)"
            unit = "factor (1 = as planned)"
        }
        let goal: GoalSeekRequest.Goal = median ? .median : .probability(probability ?? 0.5)
        let result = try GoalSeek.solve(model: model, request: GoalSeekRequest(goal: goal, move: move, draws: draws, seed: scenario.seed, threads: input.threadCount))
        let costs = noRanking ? [] : try GoalSeek.leverCosts(model: model, draws: rankingDraws, seed: scenario.seed, threads: input.threadCount)
        return GoalSeekReports.report(result, moveDescription: moveDescription, unit: unit, goal: goal,
                                      target: model.target, costs: costs, title: scenario.name)
    }

    static func unit(of parameter: String) -> String {
        if parameter.hasSuffix(".amount") { return "bn VND (table units)" }
        if parameter.hasSuffix(".shift") || parameter.hasSuffix("_pp") { return "pp" }
        if parameter.hasSuffix(".increase") { return "relative increase" }
        if parameter.hasSuffix(".price_change") { return "% price change" }
        return "the parameter's unit"
    }
}
