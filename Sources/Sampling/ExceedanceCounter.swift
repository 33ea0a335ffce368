import Foundation

/// How often a simulated quantity reaches a threshold (e.g. P(GRDP growth ≥ 8 %)), in
/// O(1) memory and mergeable.
///
/// The estimate is p̂ = k/n with k the number of values ≥ threshold; its standard error is
/// √(p̂(1 − p̂)/n) and `wilsonInterval` gives the Wilson (1927) score interval, which stays
/// inside [0, 1] and behaves well when p̂ is near 0 or 1. NaN values count as draws that
/// do not reach the threshold.
///
/// - Complexity: O(1) per insert and merge.
public struct ExceedanceCounter: Sendable, Equatable {
    /// The threshold t: a value x counts when x ≥ t.
    public let threshold: Double
    /// Number of values inserted (n).
    public private(set) var count: Int = 0
    /// Number of values ≥ threshold (k).
    public private(set) var exceedances: Int = 0

    /// - Throws: `nonFiniteParameter` for a NaN threshold (±∞ are allowed: "always", "never").
    public init(threshold: Double) throws(SamplingError) {
        guard !threshold.isNaN else { throw .nonFiniteParameter(name: "threshold", value: threshold) }
        self.threshold = threshold
    }

    /// A counter with the given counts (a stored state read back, `MergeableState`).
    init(threshold: Double, count: Int, exceedances: Int) throws(SamplingError) {
        try self.init(threshold: threshold)
        self.count = count
        self.exceedances = exceedances
    }

    /// Counts one value. - Complexity: O(1).
    public mutating func insert(_ x: Double) {
        count += 1
        if x >= threshold { exceedances += 1 }
    }

    /// Counts a block of values: the same counts as inserting them one by one, in one
    /// comparison per value and one update of the counts. - Complexity: O(values.count).
    public mutating func insert(block values: UnsafeBufferPointer<Double>) {
        var reached = 0
        for x in values where x >= threshold { reached &+= 1 }
        count += values.count
        exceedances += reached
    }

    /// Adds `other`'s counts. - Throws: `incompatibleMerge` when the thresholds differ.
    public mutating func merge(_ other: ExceedanceCounter) throws(SamplingError) {
        guard other.threshold == threshold else {
            throw .incompatibleMerge(name: "threshold", value: threshold, otherValue: other.threshold)
        }
        count += other.count
        exceedances += other.exceedances
    }

    /// p̂ = k/n, or nil before any value.
    public var probability: Double? { count > 0 ? Double(exceedances) / Double(count) : nil }

    /// √(p̂(1 − p̂)/n), or nil before any value.
    public var standardError: Double? {
        guard let p = probability else { return nil }
        return (p * (1 - p) / Double(count)).squareRoot()
    }

    /// The Wilson score interval for the exceedance probability at normal quantile z
    /// (1.96 for 95 %): (p̂ + z²/2n ± z√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n); nil before any
    /// value or for a z that is not finite and positive.
    public func wilsonInterval(z: Double = 1.959963984540054) -> ClosedRange<Double>? {
        guard let p = probability, z.isFinite, z > 0 else { return nil }
        let n = Double(count), z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let halfWidth = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / (1 + z2 / n)
        return max(0, centre - halfWidth)...min(1, centre + halfWidth)
    }
}
