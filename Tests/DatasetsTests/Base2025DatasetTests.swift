import Datasets
import Foundation
import Growth
import InputOutput
import LinearAlgebra
import Testing

/// The 2025-based dataset (`hanoi-2025`, the 2026 plan) against the published figures.
@Suite("Hanoi 2025 base (2026 plan)")
struct Base2025DatasetTests {
    static func sources() throws -> [String: String] {
        try HanoiDatasetBuilder.readSources(directory: repositoryRoot.appendingPathComponent("data/sources").path)
    }

    /// The accounts' base values add up, group by group, to Hanoi's published 2025 structure
    /// at current prices (grdp_facts.csv: agriculture 1.86, industry & construction 22.25,
    /// services 66.44, product taxes 9.45). Tolerance 5e-6 pp: the file writes 6 decimals.
    @Test("Base values reproduce the published 2025 structure")
    func reproducesPublishedStructure() throws {
        let dataset = try HanoiDataset.embedded(.base2025)
        let accounts = try dataset.accounts()
        #expect(accounts.baseYear == 2025 && accounts.year == 2026)
        let published = ["agriculture_forestry_fishery": 1.86, "industry_construction": 22.25, "services": 66.44]
        var groups: [String: Double] = [:]
        for sector in HanoiSector.allCases {
            groups[sector.publishedAggregate, default: 0] += accounts.sectors.first { $0.name == sector.rawValue }?.baseValue ?? .nan
        }
        for (aggregate, value) in published { #expect(abs((groups[aggregate] ?? .nan) - value) < 5e-6, "\(aggregate)") }
        let taxes = accounts.sectors.first { $0.name == HanoiSector.productTaxesLine }?.baseValue ?? .nan
        #expect(abs(taxes - 9.45) < 5e-6)
    }

    /// The table's value added by sector is the structure times GRDP 2025 less product
    /// taxes; GRDP 2025 = 1,430 trn × 179.2/163.5 (GRDP per capita 2025/2024, grdp_facts.csv)
    /// × (1 + 0.018) (population_growth_2025, central) = 1,595.5 trn. Tolerance: 0.01 bn
    /// + 1e-5 relative (the file rounds to 0.001 bn). The table balances to 1e-6 and is
    /// productive.
    @Test("The 2025 table matches the structure and GRDP 2025")
    func tableMatchesStructure() throws {
        let dataset = try HanoiDataset.embedded(.base2025)
        let table = dataset.table
        try table.validate(tolerance: 1e-6)
        #expect(try LeontiefModel(table: table).spectralRadiusBounds.upperBound < 1)
        let grdp = 1_430_000 * 179.2 / 163.5 * 1.018
        let shares = try dataset.accounts().sectors.map(\.baseValue)
        for (j, sector) in table.sectors.enumerated() {
            #expect(abs(table.valueAddedLevels[j] - shares[j] / 100 * grdp) < 0.01 + 1e-5 * table.valueAddedLevels[j], "\(sector)")
        }
    }

    /// The 2026 plan's arithmetic: the sector targets (services 11.1, industry 9.5,
    /// construction 12.8, agriculture 4.3; grdp_history.csv) on the 2025 structure, with
    /// construction = 22.25 × (1 − θ), θ = (0.82/6.20)/(1.34/6.21) (2024 base weights, the
    /// derivation's step 2), contribute C pp computed here by hand; product taxes (9.45%, no
    /// published target) need (11 − C)/0.0945. Tolerance 1e-4 pp (the shares are rounded to
    /// 6 decimals); the sector targets alone do not reach 11%.
    @Test("The 2026 sector targets and what product taxes need")
    func planArithmetic() throws {
        let accounts = try HanoiDataset.embedded(.base2025).accounts()
        #expect(accounts.grdpTarget == 11)
        let theta = (0.82 / 6.20) / (1.34 / 6.21)
        let construction = 22.25 * (1 - theta)
        let c = (1.86 * 4.3 + (22.25 - construction) * 9.5 + construction * 12.8 + 66.44 * 11.1) / 100
        let need = try UntargetedLineRequirement(accounts: accounts)
        #expect(need.untargetedLines == [HanoiSector.productTaxesLine])
        #expect(abs(need.targetedContributionPercentagePoints - c) < 1e-4)
        #expect(abs(need.requiredGrowthPercent - (11 - c) / 0.0945) < 1e-3)
        #expect(need.targetedContributionPercentagePoints < 11)
        #expect(throws: GrowthError.self) { try PlanConsistency(accounts: accounts) }
    }

    /// The 2026 targets besides sector growth, as published (grdp_history.csv).
    @Test("The 2026 plan targets")
    func planTargets() throws {
        let dataset = try HanoiDataset.embedded(.base2025)
        #expect(dataset.target("grdp_growth")?.target == 11)
        #expect(dataset.target("social_investment")?.target == 730)
        #expect(dataset.target("social_investment")?.base2024 == 594.7)  // 2025 estimate, the base-year value
        #expect(dataset.target("export_growth")?.target == 12)
        #expect(dataset.target("cpi")?.bound == "max")
    }

    /// Feasible over the whole assumption box (2¹¹ corners), and the kernel equals the IOTable
    /// pipeline there to 1e-10 relative, as for the 2024 base.
    @Test("Derivation and kernel agree over the 2025 assumption box")
    func kernelAgrees() throws {
        let sources = try Self.sources()
        let facts = try PublishedFacts(files: [("grdp_facts.csv", sources["grdp_facts.csv"] ?? ""), ("extra_facts.csv", sources["extra_facts.csv"] ?? "")])
        let derivation = try HanoiTableDerivation(nationalCSV: sources[NationalTable2019.fileName] ?? "", facts: facts, base: .base2025)
        let assumptions = try DatasetAssumptions(csv: sources[HanoiBase.base2025.assumptionsFile] ?? "")
        #expect(assumptions.assumptions.count == 11)
        let kernel = try HanoiEconomyKernel(derivation: derivation)
        var economy = EconomyCoefficients(sectorCount: HanoiEconomyKernel.sectorCount)
        for corner in 0..<(1 << assumptions.assumptions.count) {
            var p = try assumptions.centralParameters()
            for (bit, a) in assumptions.assumptions.enumerated() { try p.set(a.id, to: corner & (1 << bit) == 0 ? a.low : a.high) }
            let table = try derivation.table(p)
            try table.validate(tolerance: 1e-9)
            #expect(table.finalDemand.columnMajor.allSatisfy { $0 >= -1e-6 })
            try kernel.fill(&economy, parameters: p)
            let reference = try EconomyCoefficients(table: table)
            for (a, b, what) in [(economy.technical, reference.technical, "A"), (economy.valueAddedLevel, reference.valueAddedLevel, "VA"),
                                 (economy.output, reference.output, "x")] {
                let scale = b.map(abs).max() ?? 1
                #expect(zip(a, b).allSatisfy { abs($0 - $1) <= 1e-10 * scale }, "\(what) differs at corner \(corner)")
            }
        }
    }

    /// The 2024 base is unchanged by the 2025 one: its table still sums to 2024 value added
    /// (1,430 trn less product taxes), its accounts are for 2025.
    @Test("The 2024 base stays the default, for 2025")
    func base2024Unchanged() throws {
        let dataset = try HanoiDataset.embedded()
        #expect(dataset.base == .base2024)
        #expect(try dataset.accounts().year == 2025)
        #expect(try HanoiDataset.embedded(id: "hanoi-2025").base == .base2025)
        #expect(throws: DatasetError.self) { try HanoiDataset.embedded(id: "hanoi-2030") }
    }
}
