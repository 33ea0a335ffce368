import Foundation

/// The sectors of the Hanoi dataset, in table order, and the product-tax line.
public enum HanoiSector: String, CaseIterable, Sendable {
    case agriculture
    /// Manufacturing, mining and water supply (industry without electricity).
    case industry
    case electricity
    case construction
    /// Wholesale and retail trade.
    case trade
    /// Accommodation, food and travel services bought by visitors.
    case tourism
    case otherServices = "other_services"

    /// The accounting group the plan sets targets for.
    public var planGroup: String {
        switch self {
        case .agriculture: "agriculture"
        case .industry, .electricity: "industry"
        case .construction: "construction"
        case .trade, .tourism, .otherServices: "services"
        }
    }

    /// The published statistical aggregate the sector belongs to.
    public var publishedAggregate: String {
        switch self {
        case .agriculture: "agriculture_forestry_fishery"
        case .industry, .electricity, .construction: "industry_construction"
        case .trade, .tourism, .otherServices: "services"
        }
    }

    public static let productTaxesLine = "product_taxes"

    /// The sector's position in table order (its index in `allCases`), without building
    /// `allCases` and searching it (the Monte Carlo reads shares by sector every draw).
    public var tableIndex: Int {
        switch self {
        case .agriculture: 0
        case .industry: 1
        case .electricity: 2
        case .construction: 3
        case .trade: 4
        case .tourism: 5
        case .otherServices: 6
        }
    }

    /// The number of sectors (`allCases.count`); product taxes follow them in share arrays.
    public static var count: Int { otherServices.tableIndex + 1 }
}

/// Hanoi's 2024 GRDP structure (percent of GRDP at current prices) for the dataset's
/// sectors plus product taxes less subsidies, derived from published figures and the
/// stated assumptions. Each step is a field so that provenance can quote it.
///
/// Derivation (all figures from grdp_facts.csv / extra_facts.csv unless said):
/// 1. services S = 65.6 and industry & construction IC = 22.79 (2024, published);
///    the remainder R = 100 − S − IC goes to agriculture (R·α) and product taxes (R·(1 − α)),
///    α = `agricultureShareOfRemainder` (assumption; 2025 structure ratio 1.86 : 9.45).
/// 2. industry's share of IC, θ = (0.82/6.20)/(1.34/6.21): the base weights implied by the
///    2024 contributions (pp) and growth (%) of industry and of industry & construction.
/// 3. electricity's share of industry, φ = (g_ind − g_man) / ((g_ele − g_man) + r·(g_wat − g_man))
///    from the 2024 growth of industry (6.20), manufacturing (5.82), electricity (9.48) and
///    water (10.32), with r = `waterToElectricityRatio` (assumption); water = r × electricity
///    and stays in industry; mining is negligible in Hanoi and counted with manufacturing.
/// 4. trade's share of services, (0.85/8.58)/(4.72/7.14): implied 2024 base weights.
/// 5. tourism = visitor spending 2024 × κ × ν / GRDP 2024, with spending 2024 = 2025 revenue
///    134.46 trn ÷ 1.215 (its published growth), κ = `tourismCharacteristicShare` (assumption)
///    and ν = tourism's value added per unit of output (`tourism_va_ratio`, `SectorTechnology`;
///    without it, that of services in the 2019 national table).
/// 6. other services = S − trade − tourism.
///
/// The 2025 base (`HanoiBase.base2025`) replaces the four published aggregates by their
/// 2025 values (agriculture 1.86, industry & construction 22.25, services 66.44, product
/// taxes 9.45), keeps the 2024 proportions inside industry & construction (θ, φ, water) and
/// trade's 2024 share of services (2025 sector detail is not published), takes tourism from
/// 2025 visitor spending (134.46 trn, not deflated back) and scales GRDP to
/// 1,430 × 179.2/163.5 × (1 + `populationGrowth2025`) trn (GRDP per capita 2024 and 2025).
public struct HanoiStructure: Sendable, Equatable {
    /// Shares in percent of GRDP, by `HanoiSector` order, then product taxes.
    public let sharesPercent: [Double]
    public let grdpTrillionVND: Double
    public let servicesPercent: Double
    public let industryConstructionPercent: Double
    public let remainderPercent: Double
    public let industryShareOfIndustryConstruction: Double
    public let electricityShareOfIndustry: Double
    public let waterPercent: Double
    public let tradeShareOfServices: Double
    public let visitorSpending2024TrillionVND: Double
    public let servicesValueAddedRatio: Double

    /// - Parameter servicesValueAddedRatio: ν, value added / output of services in the national table.
    public init(facts: PublishedFacts, base: HanoiBase = .base2024, parameters p: DerivationParameters, servicesValueAddedRatio: Double) throws(DatasetError) {
        try self.init(inputs: HanoiPublishedInputs(facts: facts, base: base), parameters: p, servicesValueAddedRatio: servicesValueAddedRatio)
    }

    /// The structure from pre-read published figures.
    /// - Complexity: O(1), a few dozen flops (`figures`) and the share array.
    public init(inputs f: HanoiPublishedInputs, parameters p: DerivationParameters, servicesValueAddedRatio: Double) throws(DatasetError) {
        var shares = [Double](repeating: 0, count: HanoiSector.count + 1)
        let figures = try withUnsafePointer(to: f) { (f) throws(DatasetError) -> Figures in
            try shares.withUnsafeMutableBufferPointer { (shares) throws(DatasetError) -> Figures in
                try Self.figures(inputs: f, parameters: p, servicesValueAddedRatio: servicesValueAddedRatio, sharesPercent: shares)
            }
        }
        self.init(sharesPercent: shares, figures: figures)
    }

    /// The structure from shares computed by `figures` and the figures it returned.
    init(sharesPercent: [Double], figures s: Figures) {
        self.sharesPercent = sharesPercent
        self.grdpTrillionVND = s.grdpTrillionVND
        self.servicesPercent = s.servicesPercent
        self.industryConstructionPercent = s.industryConstructionPercent
        self.remainderPercent = s.remainderPercent
        self.industryShareOfIndustryConstruction = s.industryShareOfIndustryConstruction
        self.electricityShareOfIndustry = s.electricityShareOfIndustry
        self.waterPercent = s.waterPercent
        self.tradeShareOfServices = s.tradeShareOfServices
        self.visitorSpending2024TrillionVND = s.visitorSpending2024TrillionVND
        self.servicesValueAddedRatio = s.servicesValueAddedRatio
    }

    /// The structure's fields other than its shares (see `figures`).
    struct Figures {
        var grdpTrillionVND: Double
        var servicesPercent: Double
        var industryConstructionPercent: Double
        var remainderPercent: Double
        var industryShareOfIndustryConstruction: Double
        var electricityShareOfIndustry: Double
        var waterPercent: Double
        var tradeShareOfServices: Double
        var visitorSpending2024TrillionVND: Double
        var servicesValueAddedRatio: Double
    }

    /// The derivation of the type's documentation: writes the shares (%, `HanoiSector` order,
    /// then product taxes) into `sharesPercent` (at least 8 entries) and returns the other
    /// fields, allocating nothing and reading the published figures in place (the Monte Carlo's hot path, `HanoiEconomyKernel.fill`).
    /// - Complexity: O(1), a few dozen flops.
    static func figures(
        inputs: UnsafePointer<HanoiPublishedInputs>, parameters p: DerivationParameters, servicesValueAddedRatio: Double,
        sharesPercent: UnsafeMutableBufferPointer<Double>
    ) throws(DatasetError) -> Figures {
        let f = inputs.pointee
        let services = f.servicesPercent2024
        let industryConstruction = f.industryConstructionPercent2024
        let remainder = 100 - services - industryConstruction
        let agriculture = remainder * p.agricultureShareOfRemainder
        let taxes = remainder - agriculture

        let theta = (f.industryContribution2024 / f.industryGrowth2024)
            / (f.industryConstructionContribution2024 / f.industryConstructionGrowth2024)
        let industryWithElectricity = industryConstruction * theta
        let construction = industryConstruction - industryWithElectricity

        let denominator = (f.electricityGrowth2024 - f.manufacturingGrowth2024) + p.waterToElectricityRatio * (f.waterGrowth2024 - f.manufacturingGrowth2024)
        guard denominator > 0, f.industryGrowth2024 > f.manufacturingGrowth2024 else {
            throw .infeasible(step: "electricity share of industry", reason: "the 2024 growth rates do not identify it")
        }
        let phi = (f.industryGrowth2024 - f.manufacturingGrowth2024) / denominator
        let electricity = industryWithElectricity * phi
        let water = electricity * p.waterToElectricityRatio
        let industry = industryWithElectricity - electricity  // manufacturing, mining and water

        let tradeShare = (f.tradeContribution2024 / f.tradeGrowth2024) / (f.servicesContribution2024 / f.servicesGrowth2024)
        let trade = services * tradeShare
        let spending2024 = f.tourismRevenue2025 / (1 + f.tourismRevenueGrowth2025 / 100)
        // Tourism's own value-added ratio when the technology is re-specified, else that of services.
        let tourismRatio = p.technology.tourismValueAddedRatio > 0 ? p.technology.tourismValueAddedRatio : servicesValueAddedRatio
        let tourism = spending2024 * p.tourismCharacteristicShare * tourismRatio / f.grdpTrillionVND2024 * 100
        let other = services - trade - tourism
        guard agriculture > 0, industry > 0, electricity > 0, construction > 0, trade > 0, tourism > 0, other > 0, taxes > 0 else {
            throw .infeasible(step: "2024 structure", reason: "a sector share is not positive")
        }
        var s = Figures(
            grdpTrillionVND: f.grdpTrillionVND2024, servicesPercent: services, industryConstructionPercent: industryConstruction,
            remainderPercent: remainder, industryShareOfIndustryConstruction: theta, electricityShareOfIndustry: phi,
            waterPercent: water, tradeShareOfServices: tradeShare, visitorSpending2024TrillionVND: spending2024,
            servicesValueAddedRatio: servicesValueAddedRatio)
        guard let r = f.rebase2025 else {
            write(sharesPercent, agriculture, industry, electricity, construction, trade, tourism, other, taxes)
            return s
        }
        // 2025 base: published aggregates; the 2024 proportions inside industry & construction
        // and trade's 2024 share of services; tourism from 2025 visitor spending.
        let grdp2025 = f.grdpTrillionVND2024 * r.perCapitaGRDP2025 / r.perCapitaGRDP2024 * (1 + p.populationGrowth2025)
        let icScale = r.industryConstructionPercent / industryConstruction
        let trade2025 = r.servicesPercent * tradeShare
        let tourism2025 = f.tourismRevenue2025 * p.tourismCharacteristicShare * tourismRatio / grdp2025 * 100
        let other2025 = r.servicesPercent - trade2025 - tourism2025
        guard other2025 > 0 else { throw .infeasible(step: "2025 structure", reason: "other services' share is not positive") }
        write(
            sharesPercent, r.agriculturePercent, industry * icScale, electricity * icScale, construction * icScale,
            trade2025, tourism2025, other2025, r.productTaxesPercent)
        s.grdpTrillionVND = grdp2025
        s.servicesPercent = r.servicesPercent
        s.industryConstructionPercent = r.industryConstructionPercent
        s.remainderPercent = r.agriculturePercent + r.productTaxesPercent
        s.waterPercent = water * icScale
        return s
    }

    /// Writes the 7 sectors' shares and product taxes' into `shares` in table order.
    @inline(__always)
    private static func write(
        _ shares: UnsafeMutableBufferPointer<Double>, _ agriculture: Double, _ industry: Double, _ electricity: Double,
        _ construction: Double, _ trade: Double, _ tourism: Double, _ other: Double, _ taxes: Double
    ) {
        shares[0] = agriculture
        shares[1] = industry
        shares[2] = electricity
        shares[3] = construction
        shares[4] = trade
        shares[5] = tourism
        shares[6] = other
        shares[7] = taxes
    }

    /// Share of `sector` in percent of GRDP.
    public func percent(_ sector: HanoiSector) -> Double {
        sharesPercent[sector.tableIndex]
    }

    public var productTaxesPercent: Double { sharesPercent[HanoiSector.count] }
}

/// The published figures the Hanoi derivation uses, read once from the facts files.
public struct HanoiPublishedInputs: Sendable, Equatable {
    public let servicesPercent2024: Double
    public let industryConstructionPercent2024: Double
    public let industryContribution2024: Double
    public let industryGrowth2024: Double
    public let industryConstructionContribution2024: Double
    public let industryConstructionGrowth2024: Double
    public let manufacturingGrowth2024: Double
    public let electricityGrowth2024: Double
    public let waterGrowth2024: Double
    public let tradeContribution2024: Double
    public let tradeGrowth2024: Double
    public let servicesContribution2024: Double
    public let servicesGrowth2024: Double
    public let grdpTrillionVND2024: Double
    public let tourismRevenue2025: Double
    public let tourismRevenueGrowth2025: Double
    public let vietnamGDPTrillionVND2024: Double
    /// 100 − services − industry & construction − agriculture (Vietnam 2024 structure).
    public let vietnamProductTaxPercent2024: Double
    /// The published 2025 figures of the 2025 base (nil for the 2024 base).
    public let rebase2025: Rebase2025?

    /// Hanoi's published 2025 structure at current prices (% of GRDP) and GRDP per capita
    /// 2024 and 2025 (million VND at current prices), which scale the 2024 level.
    public struct Rebase2025: Sendable, Equatable {
        public let agriculturePercent: Double
        public let industryConstructionPercent: Double
        public let servicesPercent: Double
        public let productTaxesPercent: Double
        public let perCapitaGRDP2024: Double
        public let perCapitaGRDP2025: Double
    }

    public init(facts: PublishedFacts, base: HanoiBase = .base2024) throws(DatasetError) {
        func v(_ geo: String, _ year: Int, _ period: String, _ indicator: String, _ sector: String) throws(DatasetError) -> Double {
            try facts.value(geo, year, period, indicator, sector)
        }
        servicesPercent2024 = try v("Hanoi", 2024, "FY", "structure_current_prices", "services")
        industryConstructionPercent2024 = try v("Hanoi", 2024, "FY", "structure_current_prices", "industry_construction")
        industryContribution2024 = try v("Hanoi", 2024, "FY", "contribution_pp", "industry")
        industryGrowth2024 = try v("Hanoi", 2024, "FY", "va_growth", "industry")
        industryConstructionContribution2024 = try v("Hanoi", 2024, "FY", "contribution_pp", "industry_construction")
        industryConstructionGrowth2024 = try v("Hanoi", 2024, "FY", "va_growth", "industry_construction")
        manufacturingGrowth2024 = try v("Hanoi", 2024, "FY", "va_growth", "manufacturing")
        electricityGrowth2024 = try v("Hanoi", 2024, "FY", "va_growth", "electricity")
        waterGrowth2024 = try v("Hanoi", 2024, "FY", "va_growth", "water_waste")
        tradeContribution2024 = try v("Hanoi", 2024, "FY", "contribution_pp", "wholesale_retail_trade")
        tradeGrowth2024 = try v("Hanoi", 2024, "FY", "va_growth", "wholesale_retail_trade")
        servicesContribution2024 = try v("Hanoi", 2024, "FY", "contribution_pp", "services")
        servicesGrowth2024 = try v("Hanoi", 2024, "FY", "va_growth", "services")
        grdpTrillionVND2024 = try v("Hanoi", 2024, "FY", "grdp_current_prices", "total")
        tourismRevenue2025 = try v("Hanoi", 2025, "EST", "tourism_revenue", "total")
        tourismRevenueGrowth2025 = try v("Hanoi", 2025, "EST", "tourism_revenue_growth", "total")
        vietnamGDPTrillionVND2024 = try v("Vietnam", 2024, "FY", "gdp_current_prices", "total")
        vietnamProductTaxPercent2024 = try 100 - v("Vietnam", 2024, "FY", "structure_current_prices", "services")
            - v("Vietnam", 2024, "FY", "structure_current_prices", "industry_construction")
            - v("Vietnam", 2024, "FY", "structure_current_prices", "agriculture_forestry_fishery")
        switch base {
        case .base2024: rebase2025 = nil
        case .base2025:
            rebase2025 = Rebase2025(
                agriculturePercent: try v("Hanoi", 2025, "FY", "structure_current_prices", "agriculture_forestry_fishery"),
                industryConstructionPercent: try v("Hanoi", 2025, "FY", "structure_current_prices", "industry_construction"),
                servicesPercent: try v("Hanoi", 2025, "FY", "structure_current_prices", "services"),
                productTaxesPercent: try v("Hanoi", 2025, "FY", "structure_current_prices", "product_taxes_less_subsidies"),
                perCapitaGRDP2024: try v("Hanoi", 2024, "FY", "grdp_per_capita", "total"),
                perCapitaGRDP2025: try v("Hanoi", 2025, "FY", "grdp_per_capita", "total"))
        }
    }
}
