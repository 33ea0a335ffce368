/// What one sector alone would need to close the gap.
public struct SectorGap: Sendable, Equatable {
    public let sector: String
    public let baseYearShare: Double
    public let growthPercent: Double
    /// gᵢ + (T − G) / sᵢ: the growth sector i would need, all others unchanged, for GRDP to
    /// reach the target. Nil when sᵢ = 0 (the sector cannot move GRDP). For a sector with a
    /// tiny share this is huge — that is the honest answer, not an error.
    public let requiredGrowthAlonePercent: Double?
    /// (T − G) / sᵢ: the extra growth over gᵢ, in percentage points.
    public let extraGrowthAlonePercentagePoints: Double?
}

/// The gap between a growth outcome and the GRDP target, and what would close it.
///
/// With G = Σᵢ sᵢ gᵢ and target T:
/// - gap = T − G (positive: below target);
/// - one sector alone: gᵢ* = gᵢ + (T − G)/sᵢ, since only sᵢ·gᵢ changes in G;
/// - all sectors by the same extra δ: G + δ·Σᵢ sᵢ = T ⇒ δ = T − G (Σᵢ sᵢ = 1);
/// - all sectors scaled by the same factor k: k·G = T ⇒ k = T/G (nil when G = 0).
///
/// Each closes the gap exactly by construction (the identity of `ContributionWeights`).
/// - Complexity: O(n).
public struct GapToTarget: Sendable, Equatable {
    public let targetPercent: Double
    public let grdpGrowthPercent: Double
    /// T − G, percentage points.
    public let gapPercentagePoints: Double
    /// δ = T − G: the uniform extra growth every sector would need, percentage points.
    public let uniformExtraGrowthPercentagePoints: Double
    /// k = T / G: the common factor on every sector's growth; nil when G = 0.
    public let proportionalScaleFactor: Double?
    public let sectors: [SectorGap]

    /// - Parameters:
    ///   - growthPercent: one growth rate per sector (accounts' order).
    ///   - targetPercent: defaults to the accounts' `grdpTarget`.
    /// - Throws: `missingHeadlineTarget`, `lengthMismatch`, `nonFiniteArgument`.
    public init(accounts: GRDPAccounts, growthPercent: [Double], targetPercent: Double? = nil) throws(GrowthError) {
        guard let target = targetPercent ?? accounts.grdpTarget else {
            throw .missingHeadlineTarget(region: accounts.region)
        }
        guard target.isFinite else { throw .nonFiniteArgument(name: "GRDP target", value: target) }
        try GRDPAccounts.requireFinite(growthPercent, name: "sector growth", count: accounts.sectorCount)
        let growth = try ContributionWeights(accounts: accounts).grdpGrowth(sectorGrowthPercent: growthPercent)
        let gap = target - growth
        var shareTotal = 0.0
        for share in accounts.baseYearShares { shareTotal += share }
        self.targetPercent = target
        self.grdpGrowthPercent = growth
        self.gapPercentagePoints = gap
        self.uniformExtraGrowthPercentagePoints = gap / shareTotal
        self.proportionalScaleFactor = growth == 0 ? nil : target / growth
        self.sectors = accounts.sectors.indices.map { i in
            let share = accounts.baseYearShares[i]
            let extra: Double? = share > 0 ? gap / share : nil
            return SectorGap(
                sector: accounts.sectors[i].name, baseYearShare: share, growthPercent: growthPercent[i],
                requiredGrowthAlonePercent: extra.map { growthPercent[i] + $0 },
                extraGrowthAlonePercentagePoints: extra)
        }
    }

    /// Gap of the accounts' own growth column. - Throws: also `missingGrowth`.
    public init(accounts: GRDPAccounts, targetPercent: Double? = nil) throws(GrowthError) {
        try self.init(accounts: accounts, growthPercent: try accounts.growthVector(), targetPercent: targetPercent)
    }
}
