/// Do the sector targets of a plan add up to its headline GRDP target?
///
/// The GRDP growth the sector targets imply is their base-year-weighted sum
/// G_plan = Σᵢ sᵢ · targetᵢ (the growth-accounting identity of `ContributionWeights`
/// applied to the targets). Hanoi 2025: services ≥ 8.6, industry ≥ 7.0, construction ≥ 8.9,
/// agriculture ≥ 3.1, product taxes ≥ 5.7 on the 2024 structure imply ≈ 8.02% against a
/// headline of 8.0%.
///
/// ```swift
/// let plan = try PlanConsistency(accounts: hanoi)
/// plan.impliedGRDPGrowthPercent     // 8.0167
/// plan.shortfallPercentagePoints    // −0.0167: the sector targets over-deliver slightly
/// ```
/// - Complexity: O(n).
public struct PlanConsistency: Sendable, Equatable {
    public let headlineTargetPercent: Double
    /// G_plan = Σᵢ sᵢ · targetᵢ, in %.
    public let impliedGRDPGrowthPercent: Double
    /// headline − G_plan: positive when the sector targets fall short of the headline.
    public let shortfallPercentagePoints: Double
    /// Each sector's contribution if it meets its target exactly.
    public let contributions: ContributionTable

    /// - Parameter headlineTargetPercent: defaults to the accounts' `grdpTarget`.
    /// - Throws: `missingTarget` for a sector without a target, `missingHeadlineTarget`,
    ///   `nonFiniteArgument`.
    public init(accounts: GRDPAccounts, headlineTargetPercent: Double? = nil) throws(GrowthError) {
        guard let headline = headlineTargetPercent ?? accounts.grdpTarget else {
            throw .missingHeadlineTarget(region: accounts.region)
        }
        guard headline.isFinite else { throw .nonFiniteArgument(name: "headline target", value: headline) }
        let table = try ContributionTable(accounts: accounts, growthPercent: try accounts.targetVector())
        self.headlineTargetPercent = headline
        self.impliedGRDPGrowthPercent = table.grdpGrowthPercent
        self.shortfallPercentagePoints = headline - table.grdpGrowthPercent
        self.contributions = table
    }

    /// Whether the sector targets reach the headline, allowing `tolerancePercentagePoints`
    /// (e.g. 0.005 when targets and shares are published rounded).
    public func isConsistent(tolerancePercentagePoints: Double = 0) -> Bool {
        shortfallPercentagePoints <= tolerancePercentagePoints
    }
}
