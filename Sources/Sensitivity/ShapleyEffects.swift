import Sampling

/// Shapley effects of inputs with a Gaussian dependence (Owen 2014, "Sobol' indices and Shapley
/// value", SIAM/ASA JUQ 2, 245–251; Song, Nelson & Staum 2016, "Shapley effects for global
/// sensitivity analysis: theory and computation", SIAM/ASA JUQ 4, 1060–1083): each input's
/// share of Var(Y) by the Shapley value of the game c(J) = E[Var(Y | X₋J)]. The effects add up
/// to 1 and need no independence, so correlated inputs get one effect each.
///
/// Inputs are given as normal scores y ~ N(0, Σ) (the caller maps them to its inputs, e.g.
/// xⱼ = Fⱼ⁻¹(Φ(yⱼ)) for a Gaussian copula), so conditional laws are Gaussian:
/// y_J | y₋J ~ N(Σ_J,₋J Σ₋J,₋J⁻¹ y₋J, Σ_JJ − Σ_J,₋J Σ₋J,₋J⁻¹ Σ₋J,J).
///
/// Design (Song et al., Algorithm 1 with random permutations): N_V rows from the joint law for
/// Var(Y); then for each of m random permutations π and j = 1…k − 1, with J = {π₁…πⱼ}, N_O draws
/// of y₋J from its marginal, each followed by N_I draws of y_J from its conditional law. The
/// analysis takes ĉ(J) as the mean over the N_O groups of the sample variance over N_I, ĉ(all) =
/// V̂ar(Y), and adds ĉ(Jⱼ) − ĉ(Jⱼ₋₁) to input πⱼ; Shᵢ = mean over permutations / V̂ar(Y), with the
/// interval ± z·sd(per-permutation increments)/√m.
/// - Complexity: N_V + m·(k − 1)·N_O·N_I rows; O(m·k⁴) for the conditional laws.
public struct ShapleyDesign: Sendable {
    public let inputs: Int
    public let permutations: Int
    public let varianceRows: Int
    public let outerSamples: Int
    public let innerSamples: Int
    /// Row-major normal scores, rows × inputs.
    public let scores: [Double]
    /// The permutation of each m (m × k).
    public let order: [Int]
    public var rows: Int { varianceRows + permutations * (inputs - 1) * outerSamples * innerSamples }

    /// - Parameters:
    ///   - correlation: Σ, k × k row-major, symmetric positive definite (unit diagonal).
    ///   - permutations: m, 1…1,000,000.
    public init(correlation: [Double], inputs k: Int, permutations: Int, varianceRows: Int = 10_000, outerSamples: Int = 1,
                innerSamples: Int = 3, seed: UInt64) throws(SensitivityError)
    {
        guard k >= 2 else { throw .countOutOfRange(name: "inputs", value: k, allowed: 2...10_000) }
        guard correlation.count == k * k, correlation.allSatisfy(\.isFinite) else {
            throw .invalidData("the correlation matrix must have \(k)×\(k) finite values")
        }
        guard permutations >= 1, permutations <= 1_000_000 else { throw .countOutOfRange(name: "permutations", value: permutations, allowed: 1...1_000_000) }
        guard varianceRows >= 2, outerSamples >= 1, innerSamples >= 2 else {
            throw .countOutOfRange(name: "variance rows / inner samples", value: min(varianceRows, innerSamples), allowed: 2...1_000_000)
        }
        guard let full = Self.cholesky(correlation, k) else { throw .invalidData("the correlation matrix is not positive definite") }
        var draws = NormalScoreStream(random: RandomBits(seed: seed), inputs: k, jointFactor: full)
        let rows = varianceRows + permutations * (k - 1) * outerSamples * innerSamples
        var scores = [Double](repeating: 0, count: rows * k)
        var row = 0
        for _ in 0..<varianceRows {
            let y = draws.joint()
            for j in 0..<k { scores[row * k + j] = y[j] }
            row += 1
        }
        var order = [Int](repeating: 0, count: permutations * k)
        for p in 0..<permutations {
            let perm = Self.permutation(p, inputs: k, random: draws.random)
            for i in 0..<k { order[p * k + i] = perm[i] }
            for j in 1..<k {
                let inJ = Array(perm[0..<j]), rest = Array(perm[j...])
                let law = try Self.conditionalLaw(correlation, k, of: inJ, given: rest)
                for _ in 0..<outerSamples {
                    let y = draws.joint()
                    let mean = law.mean(given: y)
                    for _ in 0..<innerSamples {
                        law.write(draws.normals(inJ.count), mean: mean, given: y, into: &scores, row: row, inputs: k)
                        row += 1
                    }
                }
            }
        }
        self.inputs = k
        self.permutations = permutations
        self.varianceRows = varianceRows
        self.outerSamples = outerSamples
        self.innerSamples = innerSamples
        self.scores = scores
        self.order = order
    }

    /// Lower Cholesky factor (row-major) of a symmetric positive definite n × n matrix, nil if not.
    /// - Complexity: O(n³).
    static func cholesky(_ a: [Double], _ n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var s = a[i * n + j]
                for t in 0..<j { s -= l[i * n + t] * l[j * n + t] }
                if i == j {
                    guard s > 1e-12 else { return nil }
                    l[i * n + i] = s.squareRoot()
                } else {
                    l[i * n + j] = s / l[j * n + j]
                }
            }
        }
        return l
    }

    /// A Cholesky factor of a positive semidefinite matrix: pivots below 1e-12 (rounding of a
    /// conditional covariance that is singular, e.g. perfectly correlated inputs) give a zero column.
    static func choleskySemidefinite(_ a: [Double], _ n: Int) -> [Double] {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var s = a[i * n + j]
                for t in 0..<j { s -= l[i * n + t] * l[j * n + t] }
                if i == j {
                    l[i * n + i] = s > 1e-12 ? s.squareRoot() : 0
                } else {
                    l[i * n + j] = l[j * n + j] > 0 ? s / l[j * n + j] : 0
                }
            }
        }
        return l
    }
}

extension ShapleyDesign {
    /// Permutation π of 0…k−1 number `p` (Fisher–Yates, stream 2 of the design's bits).
    /// - Complexity: O(k).
    static func permutation(_ p: Int, inputs k: Int, random: RandomBits) -> [Int] {
        var perm = Array(0..<k)
        for i in stride(from: k - 1, to: 0, by: -1) { perm.swapAt(i, random.integer(below: i + 1, stream: 2, index: UInt64(p * k + i))) }
        return perm
    }

    /// The conditional law of y_J given y_rest: mean A·y_rest and covariance C = Σ_JJ − WᵀW
    /// (the Schur complement), with W = L_RR⁻¹ Σ_R,J and A = Wᵀ L_RR⁻¹.
    /// - Throws: `invalidData` when Σ_rest,rest is not positive definite.
    /// - Complexity: O(r³ + r²·q + r·q²) for r = |rest|, q = |J|.
    static func conditionalLaw(_ correlation: [Double], _ k: Int, of inJ: [Int], given rest: [Int]) throws(SensitivityError) -> ConditionalNormalLaw {
        let r = rest.count, q = inJ.count
        var sRR = [Double](repeating: 0, count: r * r)
        for a in 0..<r { for b in 0..<r { sRR[a * r + b] = correlation[rest[a] * k + rest[b]] } }
        guard let lRR = Self.cholesky(sRR, r) else { throw .invalidData("a principal block of the correlation matrix is not positive definite") }
        var w = [Double](repeating: 0, count: r * q)
        for c in 0..<q {
            for a in 0..<r {
                var v = correlation[rest[a] * k + inJ[c]]
                for b in 0..<a { v -= lRR[a * r + b] * w[b * q + c] }
                w[a * q + c] = v / lRR[a * r + a]
            }
        }
        var conditional = [Double](repeating: 0, count: q * q)
        for a in 0..<q {
            for b in 0..<q {
                var v = correlation[inJ[a] * k + inJ[b]]
                for t in 0..<r { v -= w[t * q + a] * w[t * q + b] }
                conditional[a * q + b] = v
            }
        }
        return ConditionalNormalLaw(inJ: inJ, rest: rest, restFactor: lRR, w: w, covarianceFactor: Self.choleskySemidefinite(conditional, q))
    }
}

/// y_J | y_rest ~ N(Wᵀ·L_RR⁻¹·y_rest, L_C·L_Cᵀ) for one subset J of a `ShapleyDesign`.
struct ConditionalNormalLaw {
    let inJ: [Int]
    let rest: [Int]
    /// L_RR, the Cholesky factor of Σ_rest,rest (r × r, row-major).
    let restFactor: [Double]
    /// W = L_RR⁻¹ Σ_R,J (r × q, row-major).
    let w: [Double]
    /// L_C, the (semidefinite) Cholesky factor of the conditional covariance (q × q).
    let covarianceFactor: [Double]

    /// mean_J = Wᵀ·u with u = L_RR⁻¹·y_R (forward substitution). - Complexity: O(r² + r·q).
    func mean(given y: [Double]) -> [Double] {
        let r = rest.count, q = inJ.count
        var u = [Double](repeating: 0, count: r)
        for a in 0..<r {
            var v = y[rest[a]]
            for b in 0..<a { v -= restFactor[a * r + b] * u[b] }
            u[a] = v / restFactor[a * r + a]
        }
        return (0..<q).map { c in (0..<r).reduce(0.0) { $0 + w[$1 * q + c] * u[$1] } }
    }

    /// Writes one row: y_rest as drawn, y_J = mean + L_C·e. - Complexity: O(r + q²).
    func write(_ e: [Double], mean: [Double], given y: [Double], into scores: inout [Double], row: Int, inputs k: Int) {
        let q = inJ.count
        for a in 0..<rest.count { scores[row * k + rest[a]] = y[rest[a]] }
        for a in 0..<q { scores[row * k + inJ[a]] = mean[a] + (0...a).reduce(0.0) { $0 + covarianceFactor[a * q + $1] * e[$1] } }
    }
}

/// The design's standard normals, drawn in order from stream 1 of its bits.
struct NormalScoreStream {
    let random: RandomBits
    let inputs: Int
    /// The lower Cholesky factor of Σ (k × k, row-major).
    let jointFactor: [Double]
    var counter: UInt64 = 0

    /// The next standard normal Φ⁻¹(u). - Complexity: O(1).
    mutating func normal() -> Double {
        defer { counter += 1 }
        return StandardNormal.quantile(random.uniform(stream: 1, index: counter))
    }

    /// `count` standard normals in order.
    mutating func normals(_ count: Int) -> [Double] { (0..<count).map { _ in normal() } }

    /// One draw from the joint law, L·e. - Complexity: O(k²).
    mutating func joint() -> [Double] {
        let k = inputs
        let e = normals(k)
        return (0..<k).map { i in (0...i).reduce(0.0) { $0 + jointFactor[i * k + $1] * e[$1] } }
    }
}

/// Shapley effects estimated from the outputs at every row of a `ShapleyDesign`.
public struct ShapleyEffects: Sendable, Equatable {
    /// Shᵢ / Var(Y) with its interval, per input.
    public let effects: [IntervalEstimate]
    public let variance: Double
    public let constantOutput: Bool

    public init(outputs: [Double], design: ShapleyDesign, confidence: Double = 0.95) throws(SensitivityError) {
        guard outputs.count == design.rows else { throw .outputCountMismatch(expected: design.rows, actual: outputs.count) }
        guard confidence > 0, confidence < 1 else { throw .valueOutOfRange(name: "confidence", value: confidence, interval: "(0, 1)") }
        guard outputs.allSatisfy(\.isFinite) else { throw .invalidData("an output is not finite (NaN or infinite)") }
        let k = design.inputs, nv = design.varianceRows
        var mean = 0.0
        for t in 0..<nv { mean += outputs[t] }
        mean /= Double(nv)
        var variance = 0.0
        for t in 0..<nv { variance += (outputs[t] - mean) * (outputs[t] - mean) }
        variance /= Double(nv - 1)
        self.variance = variance
        constantOutput = !(variance > 1e-300)
        var sums = [Double](repeating: 0, count: k), squares = sums
        var row = nv
        let ni = design.innerSamples, no = design.outerSamples
        for p in 0..<design.permutations {
            var previous = 0.0
            for j in 1...k {
                var cost = variance
                if j < k {
                    cost = 0
                    for _ in 0..<no {
                        var m = 0.0
                        for h in 0..<ni { m += outputs[row + h] }
                        m /= Double(ni)
                        var v = 0.0
                        for h in 0..<ni { v += (outputs[row + h] - m) * (outputs[row + h] - m) }
                        cost += v / Double(ni - 1)
                        row += ni
                    }
                    cost /= Double(no)
                }
                let input = design.order[p * k + j - 1]
                let increment = cost - previous
                sums[input] += increment
                squares[input] += increment * increment
                previous = cost
            }
        }
        let m = Double(design.permutations)
        let z = StandardNormal.quantile(0.5 + confidence / 2)
        let scale = constantOutput ? 0 : 1 / variance
        effects = (0..<k).map { i in
            let mean = sums[i] / m
            let sd = design.permutations > 1 ? max(0, (squares[i] - m * mean * mean) / (m - 1)).squareRoot() : 0
            let half = z * sd / m.squareRoot()
            return IntervalEstimate(value: mean * scale, low: (mean - half) * scale, high: (mean + half) * scale)
        }
    }
}
