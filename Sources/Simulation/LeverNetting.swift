import Scenarios

/// The scenario's `[netting.ID]` groups, compiled: each draw's member amounts are rewritten in
/// θ, after the inverse CDFs (and before any adjustment of `ModelEvaluation`, so that a goal-seek's
/// shift or scale of a member moves its netted amount), by the rule of
/// `NettingGroup.net` — a′ᵢ = aᵢ + (T − Σ)·|aᵢ|/Σ|aⱼ|, i.e. a′ᵢ = k·aᵢ with k = T/Σ when the
/// members share a sign — so that the netted amounts add up to the group's total T.
///
/// Everything after this step (the affine map, the draw evaluator, kept draws) sees the netted
/// amounts; the model stays affine in them. The step reads and writes only the draw's own
/// column of θ, so results stay bit-identical for any thread count and block order.
/// - Complexity: O(draws · members).
public struct LeverNetting: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        /// The group's id (`[netting.ID]`).
        public let id: String
        /// The total T: a constant or a parameter of the draw.
        public let total: ParameterValue
        /// θ indices of the members' amounts (every member is given a place in θ, a constant
        /// amount a constant-distribution parameter), in the group's order.
        public let members: [Int]
        /// The members' lever ids, in the same order.
        public let leverIDs: [String]

        public init(id: String, total: ParameterValue, members: [Int], leverIDs: [String]) {
            self.id = id
            self.total = total
            self.members = members
            self.leverIDs = leverIDs
        }
    }

    public let groups: [Group]
    public init(groups: [Group]) { self.groups = groups }
    public static let none = LeverNetting(groups: [])

    /// Nets every group in each of the `draws` columns of `theta` (k × draws, column per draw).
    public func apply(_ theta: UnsafeMutablePointer<Double>, parameters k: Int, draws: Int) {
        guard !groups.isEmpty else { return }
        let largest = groups.map(\.members.count).max() ?? 0
        withUnsafeTemporaryAllocation(of: Double.self, capacity: largest) { scratch in
            for t in 0..<draws {
                let column = UnsafeBufferPointer(start: theta + k * t, count: k)
                for group in groups {
                    let n = group.members.count
                    let amounts = UnsafeMutableBufferPointer(rebasing: scratch[0..<n])
                    for (i, j) in group.members.enumerated() { amounts[i] = column[j] }
                    NettingGroup.net(amounts, total: group.total.value(column))
                    for (i, j) in group.members.enumerated() { theta[k * t + j] = amounts[i] }
                }
            }
        }
    }
}
