import Growth
import Testing

/// Growth accounting: cᵢ = sᵢ·gᵢ and G = Σᵢ cᵢ (base-year weights).
@Suite("Contributions to GRDP growth")
struct ContributionTests {
    @Test("Contributions sum to GRDP growth exactly, and G is the level identity", arguments: 0..<40)
    func identity(seed: Int) throws {
        let accounts = try Fixtures.randomAccounts(seed: UInt64(seed))
        let growth = try accounts.growthVector()
        let table = try ContributionTable(accounts: accounts, growthPercent: growth)
        // Identity 1 (definition): Σ cᵢ = G; tolerance 1e-12 (only the summation order could differ).
        let sum = table.sectors.reduce(0) { $0 + $1.contributionPercentagePoints }
        #expect(abs(sum - table.grdpGrowthPercent) <= 1e-12)
        // Identity 2 (independent formula): G = Σ bᵢgᵢ / Σ bᵢ on the raw base values; tolerance 1e-12
        // (|G| ≤ 20, n ≤ 30 terms: rounding ~ n·ε·20 ≈ 1e-13).
        let base = accounts.sectors.map(\.baseValue)
        let direct = zip(base, growth).reduce(0) { $0 + $1.0 * $1.1 } / base.reduce(0, +)
        #expect(abs(direct - table.grdpGrowthPercent) <= 1e-12)
        // Identity 3 (levels at base-year prices): (Σ bᵢ(1 + gᵢ/100) / Σ bᵢ − 1)·100 = G; tolerance
        // 1e-10 because Y₁/Y₀ − 1 cancels the leading digit and the ×100 scales the ~1e-16 error.
        let level = zip(base, growth).reduce(0) { $0 + $1.0 * (1 + $1.1 / 100) }
        #expect(abs((level / base.reduce(0, +) - 1) * 100 - table.grdpGrowthPercent) <= 1e-10)
        // Group subtotals plus ungrouped sectors add up to G (same tolerance as identity 1).
        let grouped = table.groups.reduce(0) { $0 + $1.contributionPercentagePoints }
        let ungrouped = table.sectors.filter { $0.group == nil }.reduce(0) { $0 + $1.contributionPercentagePoints }
        #expect(abs(grouped + ungrouped - table.grdpGrowthPercent) <= 1e-12)
        if table.grdpGrowthPercent != 0 {
            let shares = table.sectors.reduce(0) { $0 + ($1.shareOfGrowthPercent ?? 0) }
            #expect(abs(shares - 100) <= 1e-9 * max(1, 100 / abs(table.grdpGrowthPercent)))
        }
    }

    @Test("The allocation-free kernel gives the table's numbers bit for bit")
    func kernel() throws {
        let accounts = try Fixtures.randomAccounts(seed: 7)
        let growth = try accounts.growthVector()
        let weights = ContributionWeights(accounts: accounts)
        var contributions = [Double](repeating: .nan, count: accounts.sectorCount)
        var groups = [Double](repeating: .nan, count: accounts.groups.count)
        let total = try growth.withUnsafeBufferPointer { g in
            try contributions.withUnsafeMutableBufferPointer { c in
                try groups.withUnsafeMutableBufferPointer { gc in
                    try weights.contributions(sectorGrowthPercent: g, into: c, groupContributions: gc)
                }
            }
        }
        let table = try ContributionTable(accounts: accounts, growthPercent: growth)
        #expect(total == table.grdpGrowthPercent)
        #expect(contributions == table.sectors.map(\.contributionPercentagePoints))
        #expect(groups == table.groups.map(\.contributionPercentagePoints))
        #expect(try weights.grdpGrowth(sectorGrowthPercent: growth) == total)
        var short = [Double](repeating: 0, count: 1)
        #expect(throws: GrowthError.self) { try weights.contributions(sectorGrowthPercent: growth, into: &short) }
    }

    /// Hanoi 9M/2024 (Cục Thống kê Hà Nội via cafef.vn, 7 Oct 2024; grdp_facts_notes.md):
    /// agriculture +2.47% → 0.05 pp, industry & construction +5.74% → 1.15 pp,
    /// services +6.76% → 4.53 pp, product taxes +3.54% → 0.39 pp; GRDP 9M +6.12%.
    @Test("Hanoi 9M/2024: published contributions add up to published GRDP growth")
    func hanoi9M2024() throws {
        let published = [
            PublishedContribution(sector: "agriculture", growthPercent: 2.47, contributionPercentagePoints: 0.05),
            PublishedContribution(sector: "industry_construction", growthPercent: 5.74, contributionPercentagePoints: 1.15),
            PublishedContribution(sector: "services", growthPercent: 6.76, contributionPercentagePoints: 4.53),
            PublishedContribution(sector: "taxes", growthPercent: 3.54, contributionPercentagePoints: 0.39),
        ]
        let implied = try ImpliedBaseWeights(published: published)
        // Four contributions each rounded to ±0.005 → their sum is within 0.02 of the true G.
        #expect(abs(implied.contributionSumPercentagePoints - 6.12) <= 0.02)
        #expect(implied.agrees(withGRDPGrowthPercent: 6.12))
        // The implied weights must be a structure: they sum to 1 within the propagated rounding interval.
        #expect(implied.totalWeightRange.contains(1))
        let total = try #require(implied.totalWeight)
        // w = c/g by hand: 0.05/2.47 + 1.15/5.74 + 4.53/6.76 + 0.39/3.54 = 1.000880…; tolerance 1e-12.
        #expect(abs(total - (0.05 / 2.47 + 1.15 / 5.74 + 4.53 / 6.76 + 0.39 / 3.54)) <= 1e-12)
        #expect(abs(total - 1.000880) <= 1e-6)

        // Accounts with those weights reproduce G within rounding: G = Σ c / Σ w (0.02 as above,
        // plus the 0.09% by which Σ w exceeds 1 → 6.12·0.00088 ≈ 0.0054).
        let accounts = try GRDPAccounts(region: "Hanoi 9M/2024", sectors: implied.sectors.map {
            SectorAccount(name: $0.sector, group: $0.sector, baseValue: $0.weight ?? 0, growth: $0.growthPercent)
        })
        let table = try ContributionTable(accounts: accounts)
        #expect(abs(table.grdpGrowthPercent - 6.12) <= 0.02)
        #expect(try #require(table.group("services")).growthPercent.map { abs($0 - 6.76) <= 1e-12 } == true)
    }

    /// Hanoi 2025 (Thống kê TP Hà Nội, Jan 2026): agriculture +3.55, industry & construction
    /// +7.46, services +8.83, product taxes +6.04; GRDP +8.16. Weights: the 2024 structure of
    /// `Fixtures.hanoiPlan2025` (industry and construction both at the group's 7.46).
    @Test("Hanoi 2025 outcome: sector growth on the 2024 structure gives the published 8.16% within 0.02 pp")
    func hanoi2025() throws {
        let accounts = try Fixtures.hanoiPlan2025()
        let table = try ContributionTable(accounts: accounts, growthPercent: [3.55, 7.46, 7.46, 8.83, 6.04])
        // By hand: (1.909·3.55 + 22.79·7.46 + 65.6·8.83 + 9.701·6.04)/100 = 8.1463239; tolerance 1e-12.
        #expect(abs(table.grdpGrowthPercent - 8.1463239) <= 1e-12)
        // Against the published 8.16: growth rates rounded to ±0.005 (≤ 0.005 pp), shares rounded
        // (services 65.6 to ±0.05 → ±0.0044 pp), G rounded (0.005): ≤ 0.015, so 0.02 pp.
        #expect(abs(table.grdpGrowthPercent - 8.16) <= 0.02)
        let industryConstruction = try #require(table.group("industry_construction"))
        #expect(abs(try #require(industryConstruction.growthPercent) - 7.46) <= 1e-12)
    }
}
