/// What the lines without a plan target (e.g. product taxes in Hanoi's 2026 plan) must
/// grow by for the sector targets to add up to the headline GRDP target.
///
/// With base-year shares sᵢ, targets tᵢ on the targeted lines T and headline H, the
/// targeted lines contribute C = Σ_{i∈T} sᵢ·tᵢ pp and the untargeted lines U must grow by
/// g_U = (H − C) / Σ_{u∈U} sᵤ (one common rate; the growth-accounting identity of
/// `ContributionWeights`). Hanoi 2026: services 11.1, industry 9.5, construction 12.8,
/// agriculture 4.3 on the 2025 structure give C ≈ 9.853 pp, so product taxes (9.45% of
/// GRDP) need ≈ 12.14% for the 11% headline.
/// - Complexity: O(n).
public struct UntargetedLineRequirement: Sendable, Equatable {
    public let headlineTargetPercent: Double
    /// The lines without a target.
    public let untargetedLines: [String]
    /// C: the targeted lines' contribution in pp when each meets its target.
    public let targetedContributionPercentagePoints: Double
    /// Σ sᵤ of the untargeted lines, as a fraction of base-year GRDP.
    public let untargetedShare: Double
    /// g_U in %: the growth the untargeted lines need for the headline.
    public let requiredGrowthPercent: Double

    /// - Throws: `missingHeadlineTarget`, `nonFiniteArgument`, or `missingTarget` naming the
    ///   first line when no line has a target or the untargeted lines have no weight.
    public init(accounts: GRDPAccounts, headlineTargetPercent: Double? = nil) throws(GrowthError) {
        guard let headline = headlineTargetPercent ?? accounts.grdpTarget else { throw .missingHeadlineTarget(region: accounts.region) }
        guard headline.isFinite else { throw .nonFiniteArgument(name: "headline target", value: headline) }
        let shares = accounts.baseYearShares
        var contribution = 0.0, share = 0.0
        var untargeted: [String] = []
        for (i, sector) in accounts.sectors.enumerated() {
            if let target = sector.target { contribution += shares[i] * target } else {
                untargeted.append(sector.name)
                share += shares[i]
            }
        }
        guard !untargeted.isEmpty, untargeted.count < accounts.sectors.count, share > 0 else {
            throw .missingTarget(sector: untargeted.first ?? accounts.sectors.first?.name ?? "")
        }
        self.headlineTargetPercent = headline
        self.untargetedLines = untargeted
        self.targetedContributionPercentagePoints = contribution
        self.untargetedShare = share
        self.requiredGrowthPercent = (headline - contribution) / share
    }
}
