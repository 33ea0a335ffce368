import Growth
import Testing

/// Plan consistency and the gap to target.
@Suite("Targets and gap")
struct TargetTests {
    @Test("Hanoi 2025: the sector targets imply 8.0167% against the 8% headline")
    func hanoiPlan() throws {
        let plan = try PlanConsistency(accounts: try Fixtures.hanoiPlan2025())
        // By hand: (1.909·3.1 + 13.968·7.0 + 8.822·8.9 + 65.6·8.6 + 9.701·5.7)/100
        //        = (5.9179 + 97.776 + 78.5158 + 564.16 + 55.2957)/100 = 8.016654; tolerance 1e-9.
        #expect(abs(plan.impliedGRDPGrowthPercent - 8.016654) <= 1e-9)
        #expect(plan.headlineTargetPercent == 8)
        #expect(abs(plan.shortfallPercentagePoints - (8 - 8.016654)) <= 1e-9)
        // The sector targets add up to the headline within 0.05 pp (and slightly over-deliver).
        #expect(abs(plan.shortfallPercentagePoints) <= 0.05)
        #expect(plan.isConsistent())
        #expect(!plan.isConsistent(tolerancePercentagePoints: -0.02))
        // Planners' pp: industry & construction 0.13968·7 + 0.08822·8.9 = 1.762918; services 0.656·8.6 = 5.6416.
        #expect(abs(try #require(plan.contributions.group("industry_construction")).contributionPercentagePoints - 1.762918) <= 1e-9)
        #expect(abs(try #require(plan.contributions.group("services")).contributionPercentagePoints - 5.6416) <= 1e-9)
    }

    @Test("Each way of closing the gap reaches the target exactly", arguments: [0, 1, 2, 3, 4])
    func gapClosure(sector: Int) throws {
        let accounts = try Fixtures.hanoiPlan2025()
        // 9M/2024-like growth (grdp_facts_notes.md), well below 8%.
        let growth = [2.47, 5.74, 5.74, 6.76, 3.54]
        let gap = try GapToTarget(accounts: accounts, growthPercent: growth)
        let weights = ContributionWeights(accounts: accounts)
        #expect(gap.targetPercent == 8)
        #expect(abs(gap.gapPercentagePoints - (8 - gap.grdpGrowthPercent)) <= 1e-15)
        #expect(gap.gapPercentagePoints > 1.5)

        // One sector alone: put its required growth back → G = 8; tolerance 1e-12 (≈ 10 roundings of 8).
        var alone = growth
        alone[sector] = try #require(gap.sectors[sector].requiredGrowthAlonePercent)
        #expect(abs(try weights.grdpGrowth(sectorGrowthPercent: alone) - 8) <= 1e-12)
        // Uniform extra δ and common factor k: same tolerance.
        let uniform = growth.map { $0 + gap.uniformExtraGrowthPercentagePoints }
        #expect(abs(try weights.grdpGrowth(sectorGrowthPercent: uniform) - 8) <= 1e-12)
        let factor = try #require(gap.proportionalScaleFactor)
        #expect(abs(try weights.grdpGrowth(sectorGrowthPercent: growth.map { $0 * factor }) - 8) <= 1e-12)
    }

    @Test("A sector with a tiny share needs a huge rate, and one with no share cannot close the gap")
    func tinyShares() throws {
        let accounts = try GRDPAccounts(region: "R", grdpTarget: 8, sectors: [
            SectorAccount(name: "big", baseValue: 99.999, growth: 7),
            SectorAccount(name: "tiny", baseValue: 0.001, growth: 7),
            SectorAccount(name: "none", baseValue: 0, growth: 7),
        ])
        let gap = try GapToTarget(accounts: accounts)
        // Closed form: G = 7, gap 1 pp; tiny needs 7 + 1/0.00001 = 100007 (tolerance 1e-6 relative).
        #expect(abs(gap.grdpGrowthPercent - 7) <= 1e-12)
        let tiny = try #require(gap.sectors[1].requiredGrowthAlonePercent)
        #expect(abs(tiny - 100_007) <= 1e-6 * 100_007)
        #expect(gap.sectors[2].requiredGrowthAlonePercent == nil)
        #expect(gap.sectors[2].extraGrowthAlonePercentagePoints == nil)
    }
}
