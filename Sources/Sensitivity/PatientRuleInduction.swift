/// Scenario discovery by PRIM, the patient rule induction method (Friedman & Fisher 1999,
/// "Bump hunting in high-dimensional data", Stat. Comput. 9, 123–143), peeling only (no pasting),
/// as used in scenario discovery (Bryant & Lempert 2010; EMA Workbench's `prim`).
///
/// Start from the box holding every point. At each step, for every input j try two peels: drop
/// the points of the box with xⱼ below the α-quantile of xⱼ in the box, or above the
/// (1 − α)-quantile; keep the peel that leaves the highest density (share of points of interest
/// in the box; ties: the larger box). Stop when the next box would hold less than the minimum
/// mass (share of all points), when no peel raises the density, or when the density is 1.
/// Each box on the trajectory has its coverage (share of all points of interest inside it),
/// density and mass.
///
/// ```swift
/// let trajectory = try PatientRuleInduction.peel(data: x, dimensions: 3, outcome: y)
/// let box = trajectory.last!   // densest box; box.restrictions gives (input, lower, upper)
/// ```
/// - Complexity: O(d·n log n) to sort once, then O(d·n) per step; about log(m₀)/log(1 − α)
///   steps for minimum mass m₀.
public enum PatientRuleInduction {
    public struct Box: Sendable, Equatable {
        /// Bounds of each input (nil where the box does not restrict it): the box keeps the
        /// points with lower ≤ xⱼ ≤ upper.
        public let lower: [Double?]
        public let upper: [Double?]
        public let count: Int
        public let interesting: Int
        public let coverage: Double
        public let density: Double
        public let mass: Double

        /// The restricted inputs, in input order.
        public var restrictions: [(input: Int, lower: Double?, upper: Double?)] {
            lower.indices.compactMap { j in lower[j] == nil && upper[j] == nil ? nil : (j, lower[j], upper[j]) }
        }
    }

    /// - Parameters:
    ///   - data: row-major `n × dimensions` inputs, finite.
    ///   - outcome: whether each point is of interest.
    ///   - alpha: share peeled per step, in (0, 0.5).
    ///   - minimumMass: smallest box mass, in (0, 1).
    /// - Returns: the peeling trajectory, the full box first.
    public static func peel(data: [Double], dimensions d: Int, outcome: [Bool], alpha: Double = 0.05, minimumMass: Double = 0.05)
        throws(SensitivityError) -> [Box]
    {
        let n = outcome.count
        guard d >= 1, n >= 2, data.count == n * d else {
            throw .invalidData("PRIM needs at least 2 points and 1 input, with \(d) values per point (\(data.count) values for \(n) points)")
        }
        guard data.allSatisfy(\.isFinite) else { throw .invalidData("an input value is not finite") }
        guard alpha > 0, alpha < 0.5 else { throw .valueOutOfRange(name: "peeling alpha", value: alpha, interval: "(0, 0.5)") }
        guard minimumMass > 0, minimumMass < 1 else { throw .valueOutOfRange(name: "minimum mass", value: minimumMass, interval: "(0, 1)") }
        let totalInteresting = outcome.reduce(0) { $0 + ($1 ? 1 : 0) }
        guard totalInteresting > 0 else { throw .invalidData("no point is of interest (the event never happens in these draws)") }
        let order: [[Int]] = (0..<d).map { j in (0..<n).sorted { data[$0 * d + j] < data[$1 * d + j] } }
        var inBox = [Bool](repeating: true, count: n)
        var lower = [Double?](repeating: nil, count: d), upper = [Double?](repeating: nil, count: d)
        var count = n, interesting = totalInteresting
        func box() -> Box {
            Box(lower: lower, upper: upper, count: count, interesting: interesting,
                coverage: Double(interesting) / Double(totalInteresting), density: Double(interesting) / Double(count),
                mass: Double(count) / Double(n))
        }
        var trajectory = [box()]
        while interesting < count {
            let peelCount = max(1, Int(alpha * Double(count)))
            var best: (j: Int, fromBelow: Bool, threshold: Double, removed: Int, removedInteresting: Int)?
            var bestDensity = Double(interesting) / Double(count)
            for j in 0..<d {
                for fromBelow in [true, false] {
                    // Walk the box's points in order of xⱼ from the peeled side; the peelCount-th
                    // gives the threshold, and the points strictly beyond it are removed.
                    var seen = 0, threshold = 0.0
                    var position = 0
                    while position < n {
                        let i = order[j][fromBelow ? position : n - 1 - position]
                        position += 1
                        guard inBox[i] else { continue }
                        seen += 1
                        if seen == peelCount + 1 { threshold = data[i * d + j]; break }
                    }
                    guard seen == peelCount + 1 else { continue }
                    var removed = 0, removedInteresting = 0
                    for p in 0..<n {
                        let i = order[j][fromBelow ? p : n - 1 - p]
                        guard inBox[i] else { continue }
                        let x = data[i * d + j]
                        if fromBelow ? x >= threshold : x <= threshold { break }
                        removed += 1
                        if outcome[i] { removedInteresting += 1 }
                    }
                    guard removed > 0, Double(count - removed) >= minimumMass * Double(n) else { continue }
                    let density = Double(interesting - removedInteresting) / Double(count - removed)
                    let better = density > bestDensity + 1e-15
                        || (best != nil && abs(density - bestDensity) <= 1e-15 && removed < best!.removed)
                    if better {
                        best = (j, fromBelow, threshold, removed, removedInteresting)
                        bestDensity = density
                    }
                }
            }
            guard let peel = best else { break }
            let j = peel.j
            for i in 0..<n where inBox[i] {
                let x = data[i * d + j]
                if peel.fromBelow ? x < peel.threshold : x > peel.threshold { inBox[i] = false }
            }
            if peel.fromBelow { lower[j] = peel.threshold } else { upper[j] = peel.threshold }
            count -= peel.removed
            interesting -= peel.removedInteresting
            trajectory.append(box())
        }
        return trajectory
    }
}
