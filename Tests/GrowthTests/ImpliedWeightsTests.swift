import Growth
import Testing

/// Inverse accounting w = c/g with rounding intervals.
@Suite("Implied base weights")
struct ImpliedWeightsTests {
    @Test("The interval is the corner range of (c ± h)/(g ± h)")
    func interval() throws {
        // Services 9M/2024: 4.53 pp at 6.76%: [4.525/6.765, 4.535/6.755] by hand; tolerance 1e-15.
        let implied = try ImpliedBaseWeights(published: [
            PublishedContribution(sector: "services", growthPercent: 6.76, contributionPercentagePoints: 4.53),
        ])
        let services = implied.sectors[0]
        #expect(abs(services.weightRange.lowerBound - 4.525 / 6.765) <= 1e-15)
        #expect(abs(services.weightRange.upperBound - 4.535 / 6.755) <= 1e-15)
        #expect(services.weightRange.contains(try #require(services.weight)))
    }

    @Test("Negative growth flips the corners; growth within rounding of zero is not identified")
    func signs() throws {
        // 2019 agriculture −0.54% → −0.1 pp (grdp_facts_notes.md): w = 0.185, range [−0.095/−0.545, −0.105/−0.535].
        let implied = try ImpliedBaseWeights(published: [
            PublishedContribution(sector: "agriculture", growthPercent: -0.54, contributionPercentagePoints: -0.1),
            PublishedContribution(sector: "flat", growthPercent: 0.004, contributionPercentagePoints: 0),
            PublishedContribution(sector: "zero", growthPercent: 0, contributionPercentagePoints: 0),
        ])
        let agriculture = implied.sectors[0]
        #expect(abs(agriculture.weightRange.lowerBound - 0.095 / 0.545) <= 1e-15)
        #expect(abs(agriculture.weightRange.upperBound - 0.105 / 0.535) <= 1e-15)
        #expect(implied.sectors[1].weightRange == -Double.infinity...Double.infinity)
        #expect(implied.sectors[2].weight == nil)
        #expect(implied.totalWeight == nil)
        #expect(implied.totalWeightRange == -Double.infinity...Double.infinity)
    }

    @Test("Exact data give zero-width intervals; bad rounding is rejected")
    func exact() throws {
        let implied = try ImpliedBaseWeights(published: [
            PublishedContribution(sector: "a", growthPercent: 5, contributionPercentagePoints: 1),
        ], roundingHalfWidth: 0)
        #expect(implied.sectors[0].weightRange == 0.2...0.2)
        #expect(throws: GrowthError.invalidRounding(halfWidth: -0.005)) {
            try ImpliedBaseWeights(published: [], roundingHalfWidth: -0.005)
        }
    }
}
