import Foundation
import Simulation

/// One plan of a comparison: its name and compiled model, with the plan targets of its lines
/// (accounts line → growth target %, for P(every line meets its target)).
public struct ComparedPlan: Sendable {
    public let name: String
    public let model: SimulationModel
    public let lineTargets: [String: Double]
    public init(name: String, model: SimulationModel, lineTargets: [String: Double] = [:]) {
        self.name = name
        self.model = model
        self.lineTargets = lineTargets
    }
}

/// Each plan's distribution of GRDP growth on the common draws.
public struct PlanOutcome: Sendable {
    public let name: String
    public let target: Double
    public let meanGrowth: Double
    public let medianGrowth: Double
    public let probabilityMeetsTarget: Double
    /// P(growth ≥ x) for each threshold asked for.
    public let probabilityAtThresholds: [Double]
    /// P(every line with a plan target grows at least at it, in the same draw); nil without targets.
    public let probabilityEveryLineMeetsTarget: Double?
    public let linesWithTargets: Int
    /// E[gₛ | G ∈ target ± ε] for every line (nil when no draw falls in the window).
    public let conditionalLineGrowth: [(line: String, growth: Double?)]
    public let drawsNearTarget: Int
}

/// A plan against the first, draw by draw.
public struct PairedDifference: Sendable {
    public let name: String
    public let baseline: String
    /// Mean of G_B − G_A over the draws (pp) and its standard error sd(G_B − G_A)/√N.
    public let meanDifference: Double
    public let standardError: Double
    /// Share of draws in which B's growth is higher than A's (ties count half).
    public let probabilityBetter: Double
    /// P_B(≥ target) − P_A(≥ target), with the paired standard error of the difference of indicators.
    public let probabilityDifference: Double
    public let probabilityDifferenceError: Double
    /// Mean difference of each line's and each lever's contribution (pp), a missing one counting 0.
    public let lineDifferences: [(name: String, difference: Double)]
    public let leverDifferences: [(name: String, difference: Double)]
}

public struct PlanComparisonResult: Sendable {
    public let draws: Int
    public let seed: UInt64
    public let thresholds: [Double]
    public let window: Double
    public let outcomes: [PlanOutcome]
    public let differences: [PairedDifference]
}

/// Paired comparison of plans on common random numbers. The uniforms of a parameter depend on
/// its id, not on its position: parameter `id` of every plan is drawn from Philox stream
/// `streamKey(id)` (64-bit FNV-1a of the id's UTF-8 bytes), so two plans that share an input get
/// the same values of it in every draw even when one of them has more levers before it, and
/// the difference between them is the effect of what differs, not sampling noise. Correlated
/// inputs go through each plan's own copula.
/// - Complexity: one evaluation of `draws` rows per plan.
public enum PlanComparison {
    /// 64-bit FNV-1a of the id (Fowler, Noll & Vo): the Philox stream of a parameter.
    public static func streamKey(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The identity-keyed uniforms of a model's parameters (row-major, draws × k).
    public static func uniforms(for model: SimulationModel, draws: Int, seed: UInt64) -> [Double] {
        ModelEvaluation.sampledUniforms(rows: draws, streams: model.parameters.map { streamKey($0.id) }, seed: seed)
    }

    public static func compare(
        _ plans: [ComparedPlan], draws: Int, seed: UInt64, thresholds: [Double] = [], window: Double = 0.25, threads: Int = 1
    ) throws -> PlanComparisonResult {
        guard !plans.isEmpty else { throw ExplorationError.invalidRequest("compare needs at least one scenario file") }
        guard draws >= 100 else { throw ExplorationError.invalidRequest("--draws must be at least 100 for a comparison") }
        guard window > 0, window.isFinite else { throw ExplorationError.invalidRequest("--window must be a positive number of pp") }
        struct Evaluated { let growth: ArraySlice<Double>; let names: [String]; let rows: ModelEvaluation.Rows }
        var evaluated: [Evaluated] = []
        var outcomes: [PlanOutcome] = []
        for plan in plans {
            try SensitivityAnalysis.requireUncertainty(plan.model)
            let evaluation = try ModelEvaluation(model: plan.model)
            let layout = evaluation.layout
            let rows = try evaluation.evaluate(uniforms: uniforms(for: plan.model, draws: draws, seed: seed), outputs: Array(0..<layout.count), threads: threads)
            let growth = rows.output(layout.grdp)
            evaluated.append(Evaluated(growth: growth, names: layout.names, rows: rows))
            let target = plan.model.target
            // Lines with a target: every one of them met in the same draw.
            let targeted = plan.model.lines.enumerated().compactMap { i, line in plan.lineTargets[line].map { (layout.lineGrowth.lowerBound + i, $0) } }
            var everyLine: Double?
            if !targeted.isEmpty {
                var count = 0
                for t in 0..<draws where targeted.allSatisfy({ rows.outputs[$0.0 * draws + t] >= $0.1 }) { count += 1 }
                everyLine = Double(count) / Double(draws)
            }
            let near = (0..<draws).filter { abs(rows.outputs[layout.grdp * draws + $0] - target) <= window }
            let conditional = plan.model.lines.enumerated().map { i, line -> (line: String, growth: Double?) in
                let o = layout.lineGrowth.lowerBound + i
                return (line, near.isEmpty ? nil : near.reduce(0.0) { $0 + rows.outputs[o * draws + $1] } / Double(near.count))
            }
            outcomes.append(PlanOutcome(
                name: plan.name, target: target, meanGrowth: growth.reduce(0, +) / Double(draws), medianGrowth: Statistics.median(Array(growth)),
                probabilityMeetsTarget: Statistics.exceedance(growth, threshold: target),
                probabilityAtThresholds: thresholds.map { Statistics.exceedance(growth, threshold: $0) },
                probabilityEveryLineMeetsTarget: everyLine, linesWithTargets: targeted.count,
                conditionalLineGrowth: conditional, drawsNearTarget: near.count))
        }
        let a = evaluated[0]
        var differences: [PairedDifference] = []
        for (p, b) in evaluated.enumerated().dropFirst() {
            var sum = 0.0, squares = 0.0, better = 0.0, indicator = 0.0, indicatorSquares = 0.0
            let targetA = plans[0].model.target, targetB = plans[p].model.target
            for t in 0..<draws {
                let ga = a.growth[a.growth.startIndex + t], gb = b.growth[b.growth.startIndex + t]
                let d = gb - ga
                sum += d
                squares += d * d
                better += d > 0 ? 1 : (d == 0 ? 0.5 : 0)
                let di = (gb >= targetB ? 1.0 : 0) - (ga >= targetA ? 1.0 : 0)
                indicator += di
                indicatorSquares += di * di
            }
            let n = Double(draws)
            let mean = sum / n, meanIndicator = indicator / n
            let sd = max(0, (squares - n * mean * mean) / (n - 1)).squareRoot()
            let sdIndicator = max(0, (indicatorSquares - n * meanIndicator * meanIndicator) / (n - 1)).squareRoot()
            func meanDifferences(prefix: String) -> [(name: String, difference: Double)] {
                var names: [String] = []
                for name in a.names + b.names where name.hasPrefix(prefix) && !names.contains(name) { names.append(name) }
                return names.map { name in
                    func mean(_ e: Evaluated) -> Double {
                        guard let o = e.names.firstIndex(of: name) else { return 0 }
                        return e.rows.output(o).reduce(0, +) / n
                    }
                    return (String(name.dropFirst(prefix.count)), mean(b) - mean(a))
                }
            }
            differences.append(PairedDifference(
                name: plans[p].name, baseline: plans[0].name, meanDifference: mean, standardError: sd / n.squareRoot(),
                probabilityBetter: better / n, probabilityDifference: meanIndicator, probabilityDifferenceError: sdIndicator / n.squareRoot(),
                lineDifferences: meanDifferences(prefix: "contribution_pp."), leverDifferences: meanDifferences(prefix: "lever_contribution_pp.")))
        }
        return PlanComparisonResult(draws: draws, seed: seed, thresholds: thresholds, window: window, outcomes: outcomes, differences: differences)
    }
}
