import Datasets
import InputOutput
import LinearAlgebra
import Testing

/// Construction and tourism have their own technology in both embedded tables (issue: the
/// proportional split gave construction manufacturing's column and tourism that of all services).
@Suite("Sector technology")
struct SectorTechnologyTests {
    /// `grdp io --multipliers` on each embedded table: the columns of construction, tourism and
    /// other services differ (output and value-added multipliers, and the input columns of A).
    /// Tolerance: a difference of at least 0.01 in a multiplier or 0.005 in a coefficient, far
    /// above rounding (the table is written with 3 decimals in billion VND).
    @Test("Construction, tourism and other services have different columns", arguments: HanoiBase.allCases)
    func distinctColumns(base: HanoiBase) throws {
        let table = try HanoiDataset.embedded(base).table
        let multipliers = try Multipliers(model: LeontiefModel(table: table))
        let a = try table.technicalCoefficients()
        // The three sectors against each other, and each against the parent column it used to copy.
        let pairs = [("construction", "tourism"), ("construction", "other_services"), ("tourism", "other_services"),
                     ("construction", "industry"), ("tourism", "trade")]
        for (first, second) in pairs {
            let j = try table.sectorIndex(first), k = try table.sectorIndex(second)
            let distance = (0..<table.sectorCount).map { abs(a[$0, j] - a[$0, k]) }.max() ?? 0
            #expect(distance > 0.005, "\(base.id): columns of \(first) and \(second) are the same")
            let outputGap = abs(multipliers.output.simple[j] - multipliers.output.simple[k])
            let valueAddedGap = abs(multipliers.valueAdded.simple[j] - multipliers.valueAdded.simple[k])
            #expect(max(outputGap, valueAddedGap) > 0.01, "\(base.id): multipliers of \(first) and \(second) are the same")
        }
    }

    /// The value-added ratios are the assumptions' central values (construction 0.318, tourism
    /// 0.40, data/sources/assumptions.csv), to 1e-3 (3-decimal flows); construction buys far
    /// less than 21% of Hanoi's farm output (the proportional split's figure): at most 5%.
    @Test("Value-added ratios and construction's farm purchases", arguments: HanoiBase.allCases)
    func ratios(base: HanoiBase) throws {
        let dataset = try HanoiDataset.embedded(base)
        let table = dataset.table
        let v = try table.valueAddedCoefficients()
        let c = try table.sectorIndex("construction"), t = try table.sectorIndex("tourism"), farm = try table.sectorIndex("agriculture")
        #expect(abs(v[c] - (try dataset.assumptions.assumption("construction_va_ratio").central)) < 1e-3)
        #expect(abs(v[t] - (try dataset.assumptions.assumption("tourism_va_ratio").central)) < 1e-3)
        #expect(table.intermediate[farm, c] / table.output[farm] < 0.05)
    }

    /// Construction's sales to investment in the 2025 table against the construction part of
    /// Hanoi's 2025 social investment: 594.7 trillion VND (grdp_facts.csv, Hanoi 2025 EST
    /// social_investment) × 61.5% basic construction (Q1/2025 development investment, Chi cuc
    /// Thong ke via https://thoibaotaichinhvietnam.vn/ha-noi-lay-dau-tu-cong-dan-dat-kich-hoat-thu-hut-dau-tu-xa-hoi-174919.html,
    /// 2025-04, quoted in scenarios/hanoi-2025-plan.toml) ≈ 366 trillion. Before construction had
    /// its own value-added ratio the table sold 588 trillion (1.6×); the test allows ±15%.
    @Test("Construction's investment sales agree with Hanoi's 2025 social investment")
    func constructionAgainstInvestment() throws {
        let dataset = try HanoiDataset.embedded(.base2025)
        let investment = try dataset.publishedHistory().value("Hanoi", 2025, "EST", "social_investment", "total")
        let constructionPart = investment * 0.615 * 1000  // billion VND
        let table = dataset.table
        let c = try table.sectorIndex("construction")
        guard let gfcf = table.finalDemandColumns.firstIndex(where: { $0.kind == .grossFixedCapitalFormation }) else {
            Issue.record("the 2025 table has no gfcf column")
            return
        }
        let ratio = table.finalDemand[c, gfcf] / constructionPart
        #expect(abs(ratio - 1) < 0.15, "construction sells \(table.finalDemand[c, gfcf]) bn to investment against \(constructionPart)")
    }

    /// Out-of-range technology values are refused with the assumption's id (no silent result).
    @Test("Invalid technology values are refused")
    func invalidValues() throws {
        var p = DerivationParameters(agricultureShareOfRemainder: 0.16, waterToElectricityRatio: 0.3, tourismCharacteristicShare: 0.55,
                                     flqDelta: 0.1, constructionCapitalFormationShare: 0.85)
        #expect(throws: DatasetError.self) { try p.set("construction_va_ratio", to: 1.2) }
        #expect(throws: DatasetError.self) { try p.set("tourism_goods_input_share", to: -0.1) }
        try p.set("tourism_va_ratio", to: 0.4)
        #expect(p.technology.tourismValueAddedRatio == 0.4)
    }
}
