import Sampling

/// Morris's elementary-effects screening (Morris 1991) with Campolongo et al.'s μ*
/// (Campolongo, Cariboni & Saltelli 2007, "An effective screening design for sensitivity
/// analysis of large models", Environ. Model. Softw. 22, 1509–1518), for factors that may be
/// groups of inputs.
///
/// Design: r trajectories on a p-level grid of [0, 1]ᵏ with step Δ = p / (2(p − 1)). A
/// trajectory starts at a random grid point and moves the factors one at a time in a random
/// order, each input of the factor by +Δ where that stays in [0, 1] and by −Δ otherwise, so it
/// has G + 1 points. The elementary effect of the factor moved between points t and t + 1 is
/// EE = (f(xₜ₊₁) − f(xₜ))/Δ, signed by the direction of its first input.
///
/// Grid levels are mapped to the unit interval as `range.lowerBound + level × width`, so that
/// inverse CDFs with unbounded support stay finite (e.g. 0.05…0.95: each input between its P5
/// and P95, and an EE is the change of f for a move of 1 across that range).
/// - Complexity: O(r·(G + 1)·k) time and memory.
public struct MorrisDesign: Sendable {
    public let trajectories: Int
    public let levels: Int
    public let groups: FactorGroups
    /// Row-major uniforms, `trajectories·(G + 1) × inputs`.
    public let uniforms: [Double]
    /// For each trajectory and step (r × G): the factor moved and the sign of its move.
    public let movedFactor: [Int]
    public let moveSign: [Double]
    public let delta: Double

    public var inputs: Int { groups.inputCount }
    public var rows: Int { trajectories * (groups.count + 1) }

    /// - Parameters:
    ///   - trajectories: r, 2…100,000.
    ///   - levels: p, an even number 2…100 (Morris's recommendation; Δ = p/(2(p − 1))).
    ///   - range: where level 0 and level 1 sit in the unit interval, inside (0, 1).
    public init(trajectories: Int, levels: Int = 4, groups: FactorGroups, range: ClosedRange<Double> = 0.05...0.95, seed: UInt64)
        throws(SensitivityError)
    {
        guard trajectories >= 2, trajectories <= 100_000 else {
            throw .countOutOfRange(name: "trajectories", value: trajectories, allowed: 2...100_000)
        }
        guard levels >= 2, levels <= 100, levels % 2 == 0 else { throw .countOutOfRange(name: "levels (an even number)", value: levels, allowed: 2...100) }
        guard range.lowerBound > 0, range.upperBound < 1, range.upperBound > range.lowerBound else {
            throw .valueOutOfRange(name: "Morris range lower bound", value: range.lowerBound, interval: "(0, 1) and below the upper bound")
        }
        let k = groups.inputCount, g = groups.count
        let delta = Double(levels) / (2 * Double(levels - 1))
        let random = RandomBits(seed: seed)
        var uniforms = [Double](repeating: 0, count: trajectories * (g + 1) * k)
        var moved = [Int](repeating: 0, count: trajectories * g), signs = [Double](repeating: 0, count: trajectories * g)
        var level = [Double](repeating: 0, count: k)
        var order = Array(0..<g)
        let width = range.upperBound - range.lowerBound
        for t in 0..<trajectories {
            let stream = UInt64(t)
            var counter: UInt64 = 0
            for j in 0..<k {
                level[j] = Double(random.integer(below: levels, stream: stream, index: counter)) / Double(levels - 1)
                counter += 1
            }
            // Fisher–Yates shuffle of the factor order.
            for i in 0..<g { order[i] = i }
            if g > 1 {
                for i in stride(from: g - 1, to: 0, by: -1) {
                    let r = random.integer(below: i + 1, stream: stream, index: counter)
                    counter += 1
                    order.swapAt(i, r)
                }
            }
            let first = t * (g + 1)
            for j in 0..<k { uniforms[first * k + j] = range.lowerBound + width * level[j] }
            for step in 0..<g {
                let factor = order[step]
                var sign = 0.0
                for j in groups.members[factor] {
                    let up = level[j] + delta <= 1 + 1e-12
                    level[j] += up ? delta : -delta
                    if sign == 0 { sign = up ? 1 : -1 }
                }
                moved[t * g + step] = factor
                signs[t * g + step] = sign
                let row = first + step + 1
                for j in 0..<k { uniforms[row * k + j] = range.lowerBound + width * level[j] }
            }
        }
        self.trajectories = trajectories
        self.levels = levels
        self.groups = groups
        self.uniforms = uniforms
        self.movedFactor = moved
        self.moveSign = signs
        self.delta = delta
    }
}

/// μ, μ* = mean |EE| and σ of each factor's elementary effects over a `MorrisDesign`, with a
/// bootstrap confidence interval on μ* (resampling trajectories; normal approximation
/// μ* ± z·sd, as SALib's `morris.analyze`, whose defaults are 1,000 resamples at 95%).
/// - Complexity: O(r·G·(1 + R)).
public struct MorrisEffects: Sendable, Equatable {
    public let factors: [String]
    public let mu: [Double]
    public let muStar: [IntervalEstimate]
    /// Standard deviation of the effects (n − 1 in the denominator): interactions or non-linearity.
    public let sigma: [Double]

    public init(outputs: [Double], design: MorrisDesign, resamples: Int = 1000, confidence: Double = 0.95, seed: UInt64 = 0)
        throws(SensitivityError)
    {
        guard outputs.count == design.rows else { throw .outputCountMismatch(expected: design.rows, actual: outputs.count) }
        guard resamples >= 1, resamples <= 100_000 else { throw .countOutOfRange(name: "resamples", value: resamples, allowed: 1...100_000) }
        guard confidence > 0, confidence < 1 else { throw .valueOutOfRange(name: "confidence", value: confidence, interval: "(0, 1)") }
        guard outputs.allSatisfy(\.isFinite) else { throw .invalidData("an output is not finite (NaN or infinite)") }
        let r = design.trajectories, g = design.groups.count
        var effects = [Double](repeating: 0, count: r * g)   // effects[t * g + factor]
        for t in 0..<r {
            let first = t * (g + 1)
            for step in 0..<g {
                let factor = design.movedFactor[t * g + step]
                effects[t * g + factor] = (outputs[first + step + 1] - outputs[first + step]) / design.delta * design.moveSign[t * g + step]
            }
        }
        var mu = [Double](repeating: 0, count: g), muStar = mu, sigma = mu
        for f in 0..<g {
            var sum = 0.0, absolute = 0.0
            for t in 0..<r { sum += effects[t * g + f]; absolute += abs(effects[t * g + f]) }
            mu[f] = sum / Double(r)
            muStar[f] = absolute / Double(r)
            var squares = 0.0
            for t in 0..<r { squares += (effects[t * g + f] - mu[f]) * (effects[t * g + f] - mu[f]) }
            sigma[f] = (squares / Double(r - 1)).squareRoot()
        }
        let random = RandomBits(seed: seed)
        var sums = [Double](repeating: 0, count: g), squares = sums
        for b in 0..<resamples {
            var resampled = [Double](repeating: 0, count: g)
            for t in 0..<r {
                let row = random.integer(below: r, stream: UInt64(b), index: UInt64(t))
                for f in 0..<g { resampled[f] += abs(effects[row * g + f]) }
            }
            for f in 0..<g {
                let m = resampled[f] / Double(r)
                sums[f] += m
                squares[f] += m * m
            }
        }
        let z = StandardNormal.quantile(0.5 + confidence / 2)
        self.factors = design.groups.names
        self.mu = mu
        self.sigma = sigma
        self.muStar = (0..<g).map { f in
            let m = sums[f] / Double(resamples)
            let sd = resamples > 1 ? max(0, (squares[f] - Double(resamples) * m * m) / Double(resamples - 1)).squareRoot() : 0
            return IntervalEstimate(value: muStar[f], low: muStar[f] - z * sd, high: muStar[f] + z * sd)
        }
    }
}
