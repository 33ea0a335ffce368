/// A `[netting.ID]` table: demand levers that are parts of one plan total (e.g. the investment
/// levers inside the plan's social investment), netted against it in every draw.
///
/// Each member keeps its own uncertain amount, sector weights and quarters; in each draw the
/// members are rescaled so that they add up to the group's `total` (an uncertain amount itself):
///
///     Σ = Σⱼ aⱼ,   Sₐ = Σⱼ |aⱼ|,   T = total
///     a′ᵢ = aᵢ + (T − Σ) · |aᵢ| / Sₐ            (Sₐ > 0)
///     a′ᵢ = T / n                                (Sₐ = 0: every member drew exactly 0)
///
/// When the members' amounts share a sign (all ≥ 0, or all ≤ 0, Σ ≠ 0), |aᵢ| / Sₐ = aᵢ / Σ and the
/// rule is the proportional scaling a′ᵢ = k·aᵢ with k = T / Σ. When signs differ (a member below
/// its momentum while others are above), proportional scaling would blow up as Σ → 0 and change
/// sign with it; the rule instead shares the gap T − Σ among the members by their absolute size,
/// so Σᵢ a′ᵢ = T still holds exactly, |a′ᵢ − aᵢ| ≤ |T − Σ|, and the result is continuous in the
/// draws — never infinite or NaN. The rule is the one `LeverNetting` applies (Simulation).
/// Complexity O(members) per draw.
public struct NettingGroup: Sendable, Equatable {
    /// The table's key (`ID` of `[netting.ID]`).
    public let id: String
    /// `total`: the plan total the members add up to, in the scenario's amount unit.
    public let total: UncertainValue
    /// The `source` or `assumption` given inside `total`, or on the table.
    public let reference: String?
    /// `levers`: the member levers' ids, in the order given (each a demand lever of the file).
    public let levers: [String]
    /// The line of the `[netting.ID]` header.
    public let line: Int

    public init(id: String, total: UncertainValue, reference: String?, levers: [String], line: Int) {
        self.id = id
        self.total = total
        self.reference = reference
        self.levers = levers
        self.line = line
    }

    /// The parameter id of group `id`'s total: `netting.ID.total`.
    public static func totalParameterID(_ id: String) -> String { TOMLKeyLocator.path(["netting", id, "total"]) }

    /// The members' netted amounts for one draw, by the rule above: `amounts` (the members'
    /// drawn amounts, in `levers` order) rewritten in place so that they sum to `total`.
    /// Complexity O(n).
    @inlinable
    public static func net(_ amounts: UnsafeMutableBufferPointer<Double>, total: Double) {
        let n = amounts.count
        guard n > 0 else { return }
        var sum = 0.0, absoluteSum = 0.0
        for a in amounts {
            sum += a
            absoluteSum += abs(a)
        }
        guard absoluteSum > 0 else {
            for i in 0..<n { amounts[i] = total / Double(n) }
            return
        }
        let gap = total - sum
        for i in 0..<n { amounts[i] += gap * (abs(amounts[i]) / absoluteSum) }
    }
}
