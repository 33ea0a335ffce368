/// The demand-side column a lever's contribution is reported under (the `demand_side`
/// table and the `demand_contribution_pp.*` outputs): a demand lever's `DemandCategory`, or
/// `supply` for the levers that act on supply (growth shifts, local sourcing, cost shocks).
/// Shared by the scenario, the compiled model and the reports; the case order is the
/// order of the reported columns.
public enum ContributionCategory: String, Sendable, CaseIterable {
    case households
    case government
    case investment
    case exports
    /// Exports of tourism services (visitors' spending).
    case visitors
    /// Growth shifts, local sourcing and cost shocks.
    case supply

    /// The column of a demand lever's category.
    public init(_ demand: DemandCategory) {
        switch demand {
        case .households: self = .households
        case .government: self = .government
        case .investment: self = .investment
        case .exports: self = .exports
        case .visitors: self = .visitors
        }
    }

    /// The column's place among `allCases` (the reported order). - Complexity: O(1).
    public var index: Int {
        switch self {
        case .households: 0
        case .government: 1
        case .investment: 2
        case .exports: 3
        case .visitors: 4
        case .supply: 5
        }
    }
}
