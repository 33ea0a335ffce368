/// One sector's line in a contribution table.
public struct SectorContribution: Sendable, Equatable {
    public let sector: String
    public let group: String?
    /// sᵢ, fraction of base-year GRDP.
    public let baseYearShare: Double
    public let growthPercent: Double
    /// cᵢ = sᵢ · gᵢ, percentage points of GRDP growth.
    public let contributionPercentagePoints: Double
    /// cᵢ / G · 100: the sector's share of GRDP growth in %; nil when G = 0.
    public let shareOfGrowthPercent: Double?
}

/// A reporting group's subtotal (e.g. "industry_construction").
public struct GroupContribution: Sendable, Equatable {
    public let group: String
    /// Σ_{i∈g} sᵢ.
    public let baseYearShare: Double
    /// Σ_{i∈g} cᵢ, percentage points.
    public let contributionPercentagePoints: Double
    /// The group's own growth Σ cᵢ / Σ sᵢ in % (base-year-weighted mean of its sectors);
    /// nil when the group's base share is 0.
    public let growthPercent: Double?
    /// Σ_{i∈g} cᵢ / G · 100; nil when G = 0.
    public let shareOfGrowthPercent: Double?
    /// Indices of the group's sectors in the accounts.
    public let sectorIndices: [Int]
}

/// Sector contributions to GRDP growth in percentage points, with group subtotals:
/// cᵢ = sᵢ · gᵢ and G = Σᵢ cᵢ exactly (see `ContributionWeights` for the identity and its
/// source). Sectors without a group appear in `sectors` but in no group subtotal.
///
/// ```swift
/// let table = try ContributionTable(accounts: hanoi, growthPercent: [2.47, 5.74, 6.76, 3.54])
/// table.grdpGrowthPercent                           // 6.12…
/// table.sectors[2].contributionPercentagePoints     // services, ≈ 4.5 pp
/// ```
/// For a sub-annual period (9 months), give base values for the same months of the base year.
public struct ContributionTable: Sendable, Equatable {
    public let sectors: [SectorContribution]
    public let groups: [GroupContribution]
    /// G = Σᵢ cᵢ, in %.
    public let grdpGrowthPercent: Double

    /// Contributions of the accounts' own growth column.
    /// - Throws: `missingGrowth` when a sector has no growth figure.
    public init(accounts: GRDPAccounts) throws(GrowthError) {
        try self.init(accounts: accounts, growthPercent: try accounts.growthVector())
    }

    /// Contributions of `growthPercent` (one rate per sector, in the accounts' order), e.g.
    /// a scenario or a sampled draw.
    /// - Throws: `lengthMismatch`, `nonFiniteArgument`.
    /// - Complexity: O(n + groups).
    public init(accounts: GRDPAccounts, growthPercent: [Double]) throws(GrowthError) {
        try GRDPAccounts.requireFinite(growthPercent, name: "sector growth", count: accounts.sectorCount)
        let weights = ContributionWeights(accounts: accounts)
        var contributions = [Double](repeating: 0, count: accounts.sectorCount)
        let total = try weights.contributions(sectorGrowthPercent: growthPercent, into: &contributions)
        func shareOfGrowth(_ contribution: Double) -> Double? { total == 0 ? nil : contribution / total * 100 }

        self.grdpGrowthPercent = total
        self.sectors = accounts.sectors.indices.map { i in
            SectorContribution(
                sector: accounts.sectors[i].name, group: accounts.sectors[i].group,
                baseYearShare: accounts.baseYearShares[i], growthPercent: growthPercent[i],
                contributionPercentagePoints: contributions[i], shareOfGrowthPercent: shareOfGrowth(contributions[i]))
        }
        var groupShares = [Double](repeating: 0, count: accounts.groups.count)
        var groupContributions = [Double](repeating: 0, count: accounts.groups.count)
        var members = [[Int]](repeating: [], count: accounts.groups.count)
        for (i, group) in accounts.groupIndexOfSector.enumerated() {
            guard let g = group else { continue }
            groupShares[g] += accounts.baseYearShares[i]
            groupContributions[g] += contributions[i]
            members[g].append(i)
        }
        self.groups = accounts.groups.indices.map { g in
            GroupContribution(
                group: accounts.groups[g], baseYearShare: groupShares[g],
                contributionPercentagePoints: groupContributions[g],
                growthPercent: groupShares[g] == 0 ? nil : groupContributions[g] / groupShares[g],
                shareOfGrowthPercent: shareOfGrowth(groupContributions[g]), sectorIndices: members[g])
        }
    }

    /// The subtotal of `group`, nil when no sector belongs to it.
    public func group(_ name: String) -> GroupContribution? {
        groups.first { $0.group == name }
    }
}
