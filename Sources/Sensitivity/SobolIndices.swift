import Sampling

/// An estimate with a confidence interval.
public struct IntervalEstimate: Sendable, Equatable {
    public let value: Double
    public let low: Double
    public let high: Double
    public init(value: Double, low: Double, high: Double) {
        self.value = value
        self.low = low
        self.high = high
    }
    /// Half the interval's width (SALib's `S1_conf`).
    public var halfWidth: Double { (high - low) / 2 }
}

/// First-order and total Sobol' indices of one output over a `SaltelliDesign`, estimated as
/// SALib's `sobol.analyze(calc_second_order=False)` does:
/// - outputs standardised, y ← (y − ȳ)/s, over all rows;
/// - V = var(y over the A and B rows) (population variance, 2N values);
/// - first order (Saltelli et al. 2010, Table 2 (b)): Sᵢ = mean(f_B·(f_ABⁱ − f_A)) / V;
/// - total (Jansen 1999; Saltelli et al. 2010, Table 2 (f)): S_Tᵢ = mean((f_A − f_ABⁱ)²) / (2V);
/// - confidence: bootstrap over the N base rows (R resamples with replacement), interval
///   estimate ± z_{(1+c)/2} · sd(bootstrap estimates) (normal approximation, SALib's `S1_conf`).
///
/// - Complexity: O(N·G·(1 + R)) for G factors and R resamples.
public struct SobolIndices: Sendable, Equatable {
    public let factors: [String]
    public let firstOrder: [IntervalEstimate]
    public let total: [IntervalEstimate]
    /// Variance of the (unstandardised) output over the A and B rows.
    public let variance: Double
    /// True when the output does not vary over A and B; every index is then 0.
    public let constantOutput: Bool
    public let resamples: Int
    public let confidence: Double

    /// - Parameters:
    ///   - outputs: f at every row of the design, in its order (N·(G + 2) values).
    ///   - resamples: bootstrap resamples R (SALib's default 100), 1…100,000.
    ///   - confidence: the intervals' level, in (0, 1).
    public init(outputs: [Double], design: SaltelliDesign, resamples: Int = 100, confidence: Double = 0.95, seed: UInt64 = 0)
        throws(SensitivityError)
    {
        guard outputs.count == design.rows else { throw .outputCountMismatch(expected: design.rows, actual: outputs.count) }
        guard resamples >= 1, resamples <= 100_000 else { throw .countOutOfRange(name: "resamples", value: resamples, allowed: 1...100_000) }
        guard confidence > 0, confidence < 1 else { throw .valueOutOfRange(name: "confidence", value: confidence, interval: "(0, 1)") }
        guard outputs.allSatisfy(\.isFinite) else { throw .invalidData("an output is not finite (NaN or infinite)") }
        let rows = StandardisedSaltelliRows(outputs: outputs, design: design)
        let groups = rows.groups
        let varianceAB = rows.varianceOverBaseMatrices { $0 }
        self.variance = varianceAB * rows.standardDeviation * rows.standardDeviation
        self.constantOutput = !(varianceAB > 1e-300)
        self.factors = design.groups.names
        self.resamples = resamples
        self.confidence = confidence
        let point = rows.estimates { $0 }
        let spread = rows.bootstrapStandardDeviations(resamples: resamples, seed: seed)
        let z = StandardNormal.quantile(0.5 + confidence / 2)
        firstOrder = (0..<groups).map { g in
            let h = z * spread.first[g]
            return IntervalEstimate(value: point.first[g], low: point.first[g] - h, high: point.first[g] + h)
        }
        total = (0..<groups).map { g in
            let h = z * spread.total[g]
            return IntervalEstimate(value: point.total[g], low: point.total[g] - h, high: point.total[g] + h)
        }
    }
}

/// A Saltelli design's outputs standardised, y ← (y − ȳ)/s over all rows, and split into the
/// A rows, the B rows and the A_Bⁱ rows of every factor, with the estimators over them.
struct StandardisedSaltelliRows {
    /// N, the base rows.
    let n: Int
    /// G, the factors (groups).
    let groups: Int
    /// s, the outputs' population standard deviation over all rows.
    let standardDeviation: Double
    let a: [Double]
    let b: [Double]
    /// ab[g·N + i]: row i of A_Bᵍ.
    let ab: [Double]

    /// - Complexity: O(N·(G + 2)).
    init(outputs: [Double], design: SaltelliDesign) {
        let n = design.baseSamples, groups = design.groups.count, stride = design.rowsPerBase
        var mean = 0.0
        for y in outputs { mean += y }
        mean /= Double(outputs.count)
        var squares = 0.0
        for y in outputs { squares += (y - mean) * (y - mean) }
        let sd = (squares / Double(outputs.count)).squareRoot()
        var a = [Double](repeating: 0, count: n), b = [Double](repeating: 0, count: n)
        var ab = [Double](repeating: 0, count: n * groups)
        let scale = sd > 0 ? 1 / sd : 0
        for i in 0..<n {
            a[i] = (outputs[i * stride] - mean) * scale
            b[i] = (outputs[i * stride + stride - 1] - mean) * scale
            for g in 0..<groups { ab[g * n + i] = (outputs[i * stride + 1 + g] - mean) * scale }
        }
        self.n = n
        self.groups = groups
        self.standardDeviation = sd
        self.a = a
        self.b = b
        self.ab = ab
    }

    /// V = var(f_A, f_B) over the base rows `rows(t)`, t = 0…N−1 (population variance of 2N
    /// values). - Complexity: O(N).
    func varianceOverBaseMatrices(_ rows: (Int) -> Int) -> Double {
        var mean = 0.0
        for t in 0..<n { let i = rows(t); mean += a[i] + b[i] }
        mean /= Double(2 * n)
        var v = 0.0
        for t in 0..<n { let i = rows(t); v += (a[i] - mean) * (a[i] - mean) + (b[i] - mean) * (b[i] - mean) }
        return v / Double(2 * n)
    }

    /// S₁ = mean(f_B·(f_ABⁱ − f_A))/V and S_T = mean((f_A − f_ABⁱ)²)/(2V) of every factor over
    /// the base rows `rows(t)` (indices, with repeats); zeros when V vanishes. - Complexity: O(N·G).
    func estimates(_ rows: (Int) -> Int) -> (first: [Double], total: [Double]) {
        let v = varianceOverBaseMatrices(rows)
        guard v > 1e-300 else { return ([Double](repeating: 0, count: groups), [Double](repeating: 0, count: groups)) }
        var first = [Double](repeating: 0, count: groups), total = [Double](repeating: 0, count: groups)
        for g in 0..<groups {
            var s1 = 0.0, st = 0.0
            let base = g * n
            for t in 0..<n {
                let i = rows(t)
                let d = ab[base + i] - a[i]
                s1 += b[i] * d
                st += d * d
            }
            first[g] = s1 / Double(n) / v
            total[g] = st / Double(n) / (2 * v)
        }
        return (first, total)
    }

    /// The standard deviation of S₁ and S_T over R bootstrap resamples of the N base rows
    /// (with replacement; resample r draws from stream r of `RandomBits(seed:)`); 0 for R = 1.
    /// - Complexity: O(R·N·G).
    func bootstrapStandardDeviations(resamples: Int, seed: UInt64) -> (first: [Double], total: [Double]) {
        let random = RandomBits(seed: seed)
        var sumFirst = [Double](repeating: 0, count: groups), sumFirstSquares = sumFirst
        var sumTotal = sumFirst, sumTotalSquares = sumFirst
        var indices = [Int](repeating: 0, count: n)
        for r in 0..<resamples {
            for t in 0..<n { indices[t] = random.integer(below: n, stream: UInt64(r), index: UInt64(t)) }
            let (f, s) = estimates { indices[$0] }
            for g in 0..<groups {
                sumFirst[g] += f[g]; sumFirstSquares[g] += f[g] * f[g]
                sumTotal[g] += s[g]; sumTotalSquares[g] += s[g] * s[g]
            }
        }
        func bootstrapSD(_ sum: Double, _ squares: Double) -> Double {
            guard resamples > 1 else { return 0 }
            let m = sum / Double(resamples)
            return max(0, (squares - Double(resamples) * m * m) / Double(resamples - 1)).squareRoot()
        }
        return ((0..<groups).map { bootstrapSD(sumFirst[$0], sumFirstSquares[$0]) },
                (0..<groups).map { bootstrapSD(sumTotal[$0], sumTotalSquares[$0]) })
    }
}
