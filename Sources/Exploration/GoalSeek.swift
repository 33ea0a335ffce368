import Foundation
import Simulation

/// What a goal-seek moves and what it aims at.
public struct GoalSeekRequest: Sendable {
    public enum Goal: Sendable, Equatable {
        /// P(GRDP growth ≥ target) reaches this probability.
        case probability(Double)
        /// The median GRDP growth reaches the target.
        case median
    }
    public enum Move: Sendable, Equatable {
        /// Add an amount to one parameter (a shift of its distribution); the amount is in its unit.
        case shift(parameter: Int)
        /// Multiply a set of parameters by one factor (a proportional scale of their distributions).
        case scale(parameters: [Int])
    }
    public var goal: Goal
    public var move: Move
    public var draws: Int
    public var seed: UInt64
    public var threads: Int
    /// Batches for the Monte Carlo error of the amount.
    public var batches = 10
    public init(goal: Goal, move: Move, draws: Int, seed: UInt64, threads: Int = 1) {
        self.goal = goal
        self.move = move
        self.draws = draws
        self.seed = seed
        self.threads = threads
    }
}

public struct GoalSeekResult: Sendable {
    /// The amount added (shift, in the parameter's unit) or the factor applied (scale).
    public let amount: Double
    /// Monte Carlo standard error of the amount (batch means), nil if fewer than 3 batches solved.
    public let standardError: Double?
    public let probabilityMeetsTarget: Double
    public let medianGrowth: Double
    /// Without the move (amount 0, or factor 1).
    public let probabilityBefore: Double
    public let medianBefore: Double
    public let draws: Int
    public let batchesSolved: Int
    public let evaluations: Int
}

/// A lever's cost to close the median gap.
public struct LeverCost: Sendable {
    public let parameter: String
    public let lever: String
    public let unit: String
    /// The shift that brings the median to the target (nil when the lever does not move growth).
    public let amountToCloseGap: Double?
    /// Median growth gained per 1,000 units (pp), by a shift of 1,000 (or 1 for a pp lever).
    public let ppPerStep: Double
    public let step: Double
}

/// Goal-seek on common random numbers: the same draws are evaluated at every trial amount, so
/// the metric (P(growth ≥ target) or the median) is a deterministic, monotone-in-practice
/// function of the amount, and a bracketing root-finder (Illinois variant of regula falsi,
/// Dowell & Jarratt 1971, with bisection as the fallback) finds where it meets the goal. The
/// Monte Carlo error of the amount is the spread of the amounts found on B disjoint batches of
/// the draws: SE ≈ sd(batch amounts)/√B (batch means).
/// - Complexity: O(iterations · draws) evaluations, about 20–40 iterations for the full draws
///   and as many for the batches together.
public enum GoalSeek {
    /// The parameter a lever is moved by: `levers.ID.amount`, `.shift`, `.increase` or
    /// `.price_change` (or a full parameter id).
    public static func parameter(forLever id: String, in model: SimulationModel) throws(ExplorationError) -> Int {
        let ids = model.parameters.map(\.id)
        if let exact = ids.firstIndex(of: id) { return exact }
        for field in ["amount", "shift", "increase", "price_change"] {
            if let index = ids.firstIndex(of: "levers.\(id).\(field)") { return index }
        }
        throw .unknownLever(id, known: model.levers.filter { lever in ids.contains { $0.hasPrefix("levers.\(lever.id).") } }.map(\.id))
    }

    public static func solve(model: SimulationModel, request: GoalSeekRequest) throws -> GoalSeekResult {
        guard request.draws >= 100 else { throw ExplorationError.invalidRequest("--draws must be at least 100 for a goal-seek") }
        if case let .probability(p) = request.goal, !(p > 0 && p < 1) {
            throw ExplorationError.invalidRequest("--probability must be between 0 and 1 (exclusive), e.g. 0.5; got \(p)")
        }
        try SensitivityAnalysis.requireUncertainty(model)
        let evaluation = try ModelEvaluation(model: model)
        let uniforms = evaluation.sampledUniforms(rows: request.draws, seed: request.seed)
        let k = model.parameters.count
        var evaluations = 0
        let neutral: Double = { if case .scale = request.move { return 1 } else { return 0 } }()
        func metrics(_ amount: Double, _ range: Range<Int>) throws -> (probability: Double, median: Double) {
            let adjustments: [ModelEvaluation.Adjustment]
            switch request.move {
            case let .shift(parameter): adjustments = [.init(parameter: parameter, change: .shift(amount))]
            case let .scale(parameters): adjustments = parameters.map { .init(parameter: $0, change: .scale(amount)) }
            }
            let slice = range.count == request.draws ? uniforms : Array(uniforms[(range.lowerBound * k)..<(range.upperBound * k)])
            let rows = try evaluation.evaluate(uniforms: slice, outputs: [evaluation.layout.grdp], adjustments: adjustments, threads: request.threads)
            evaluations += range.count
            let growth = Array(rows.output(0))
            return (Statistics.exceedance(growth, threshold: model.target), Statistics.median(growth))
        }
        func gap(_ amount: Double, _ range: Range<Int>) throws -> Double {
            let m = try metrics(amount, range)
            switch request.goal {
            case let .probability(p): return m.probability - p
            case .median: return m.median - model.target
            }
        }
        let scale: Double = {
            switch request.move {
            case let .shift(parameter):
                let d = model.parameters[parameter].distribution
                return max(d.variance.squareRoot(), abs(d.mean) * 0.1, 1e-6)
            case .scale: return 0.25
            }
        }()
        let all = 0..<request.draws
        guard let amount = try findRoot(neutral: neutral, step: scale, { try gap($0, all) }) else {
            throw ExplorationError.unreachable(
                "no amount of the lever brings \(request.goal == .median ? "the median growth to the target" : "P(growth ≥ target) to the probability asked for") (searched ±\(format(scale * 1_073_741_824))); choose another lever or a lower goal")
        }
        let at = try metrics(amount, all)
        let before = try metrics(neutral, all)
        // Batches.
        var batchAmounts: [Double] = []
        let batches = max(0, min(request.batches, request.draws / 50))
        for b in 0..<batches {
            let range = (b * request.draws / batches)..<((b + 1) * request.draws / batches)
            if let a = try findRoot(neutral: neutral, step: scale, { try gap($0, range) }) { batchAmounts.append(a) }
        }
        var standardError: Double?
        if batchAmounts.count >= 3 {
            let mean = batchAmounts.reduce(0, +) / Double(batchAmounts.count)
            let variance = batchAmounts.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(batchAmounts.count - 1)
            standardError = (variance / Double(batchAmounts.count)).squareRoot()
        }
        return GoalSeekResult(amount: amount, standardError: standardError, probabilityMeetsTarget: at.probability, medianGrowth: at.median,
                              probabilityBefore: before.probability, medianBefore: before.median, draws: request.draws,
                              batchesSolved: batchAmounts.count, evaluations: evaluations)
    }

    /// Every lever's cost to close the median gap (shift of its parameter) and its median gain per
    /// step (1,000 units for a demand amount, 1 for the others), on common random numbers.
    public static func leverCosts(model: SimulationModel, draws: Int, seed: UInt64, threads: Int = 1) throws -> [LeverCost] {
        let evaluation = try ModelEvaluation(model: model)
        let uniforms = evaluation.sampledUniforms(rows: draws, seed: seed)
        var costs: [LeverCost] = []
        for lever in model.levers {
            guard let j = model.parameters.firstIndex(where: { $0.id.hasPrefix("levers.\(lever.id).") && !$0.id.hasSuffix(".exports_growth_pp") }) else { continue }
            let id = model.parameters[j].id
            let (unit, step): (String, Double) = switch lever.effect {
            case .demand: ("bn VND (table units)", 1000)
            case .growthShift: ("pp of sector growth", 1)
            case .localSourcing: ("relative increase of coefficients", 0.01)
            case .costShock: ("% price change", 1)
            }
            func median(_ amount: Double) throws -> Double {
                let rows = try evaluation.evaluate(uniforms: uniforms, outputs: [evaluation.layout.grdp],
                                                   adjustments: [.init(parameter: j, change: .shift(amount))], threads: threads)
                return Statistics.median(Array(rows.output(0)))
            }
            let base = try median(0)
            let gain = try median(step) - base
            var amount: Double?
            if abs(gain) > 1e-9 {
                amount = try findRoot(neutral: 0, step: step * max(1, abs((model.target - base) / gain)), { try median($0) - model.target })
            }
            costs.append(LeverCost(parameter: id, lever: lever.id, unit: unit, amountToCloseGap: amount, ppPerStep: gain, step: step))
        }
        return costs
    }

    /// A root of a monotone-in-practice function g on common random numbers: brackets it by
    /// doubling steps away from `neutral` (both directions), then Illinois regula falsi. For a
    /// step function (a probability over finite draws), returns the end of the final bracket
    /// where g ≥ 0. Nil when no bracket is found within 2³⁰ steps.
    static func findRoot(neutral: Double, step: Double, _ g: (Double) throws -> Double) throws -> Double? {
        let g0 = try g(neutral)
        if g0 == 0 { return neutral }
        var lo = neutral, glo = g0, hi = neutral, ghi = g0
        var found = false
        // Search first in the direction the linear guess points to.
        let g1 = try g(neutral + step)
        let slope = g1 - g0
        let directions: [Double] = (slope == 0 ? [1, -1] : ((slope > 0) == (g0 < 0) ? [1, -1] : [-1, 1]))
        outer: for direction in directions {
            var distance = step
            var previous = neutral, gPrevious = g0
            for _ in 0..<31 {
                let a = neutral + direction * distance
                let ga = distance == step && direction == 1 ? g1 : try g(a)
                if (ga >= 0) != (g0 >= 0) || ga == 0 {
                    (lo, glo, hi, ghi) = (previous, gPrevious, a, ga)
                    found = true
                    break outer
                }
                previous = a
                gPrevious = ga
                distance *= 2
            }
        }
        guard found else { return nil }
        // Orient: g(neg) < 0 ≤ g(pos).
        var (neg, gneg, pos, gpos) = glo < 0 ? (lo, glo, hi, ghi) : (hi, ghi, lo, glo)
        var side = 0
        let tolerance = 1e-9 * max(step, abs(pos), abs(neg))
        for _ in 0..<80 {
            if abs(pos - neg) <= tolerance || gpos == 0 { break }
            var a = gpos - gneg != 0 ? pos - gpos * (pos - neg) / (gpos - gneg) : (pos + neg) / 2
            if !(a > min(pos, neg) && a < max(pos, neg)) || !a.isFinite { a = (pos + neg) / 2 }
            let ga = try g(a)
            if ga >= 0 {
                (pos, gpos) = (a, ga)
                if side == 1 { gneg /= 2 }
                side = 1
            } else {
                (neg, gneg) = (a, ga)
                if side == -1 { gpos /= 2 }
                side = -1
            }
        }
        return pos
    }
}
