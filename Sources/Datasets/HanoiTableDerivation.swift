import InputOutput

/// Derives Hanoi's 2024 input-output table (7 sectors, billion VND at current prices) from
/// the 2019 national table, the published Hanoi structure and the stated assumptions:
///
/// 1. National table → domestic flows by import proportionality (`IOTable.domesticFlows`),
///    aggregated to the four groups whose Hanoi sizes are published or derived:
///    agriculture, industry & construction without utilities, utilities, services.
/// 2. Regionalised with FLQ (δ = `flqDelta`) on value added (`IOTable.regionalized`): Hanoi's
///    value-added sizes are its 2024 shares times the Hanoi/Vietnam value-added ratio of 2024
///    (GRDP 1,430 trn × (1 − product-tax share) over GDP 11,510 trn × (1 − 8.14%)).
/// 3. Split by Hanoi's weights (`HanoiStructure`): utilities → electricity + water;
///    industry & construction → manufacturing (incl. mining) + construction; services →
///    trade + tourism + other services (proportional splits, i.e. each part keeps its
///    parent's input structure). Construction and tourism then get their own technology
///    (`SectorTechnology`: value-added ratio and input mix, sampled assumptions anchored on
///    published ratios). Then two sales structures are re-specified:
///    construction sells `constructionCapitalFormationShare` of its output to gross fixed
///    capital formation and the rest as intermediate inputs (repair and maintenance) in its
///    parent's pattern; tourism sells all its output to visitors, an export of tourism
///    services from Hanoi's point of view. Water joins industry.
/// 4. Scaled so that value added equals Hanoi's base-year GRDP less product taxes (2024:
///    1,430 trn; the 2025 base: see `HanoiStructure`, its relative size for FLQ still 2024's).
///
/// Assumptions stated: 2019 national technology holds for Hanoi in 2024; Hanoi's final-
/// demand pattern by product is the nation's (before the re-specifications); imports are
/// proportional to use. - Complexity: O(n²) with n ≤ 9, microseconds.
public struct HanoiTableDerivation: Sendable {
    public let nationalTable: IOTable
    public let nationalDomesticGroups: IOTable
    public let facts: PublishedFacts
    /// Vietnam's product taxes less subsidies in 2024, % of GDP: 100 − services − industry &
    /// construction − agriculture (published 2024 structure).
    public let vietnamProductTaxPercent: Double
    /// The base year whose structure and level the table has.
    public let base: HanoiBase

    public init(nationalCSV: String, facts: PublishedFacts, base: HanoiBase = .base2024) throws(DatasetError) {
        self.base = base
        let national = try NationalTable2019.table(csv: nationalCSV)
        do {
            self.nationalDomesticGroups = try national.domesticFlows().aggregated(by: NationalTable2019.hanoiMatchingGroups)
        } catch {
            throw .infeasible(step: "national domestic table", reason: error.description)
        }
        self.nationalTable = national
        self.facts = facts
        self.vietnamProductTaxPercent = try 100
            - facts.value("Vietnam", 2024, "FY", "structure_current_prices", "services")
            - facts.value("Vietnam", 2024, "FY", "structure_current_prices", "industry_construction")
            - facts.value("Vietnam", 2024, "FY", "structure_current_prices", "agriculture_forestry_fishery")
    }

    /// Value added per unit of output of services (Tertiary) in the national table.
    public var servicesValueAddedRatio: Double {
        let j = nationalTable.sectors.firstIndex(of: "Tertiary") ?? 5
        return nationalTable.valueAddedLevels[j] / nationalTable.output[j]
    }

    public func structure(_ parameters: DerivationParameters) throws(DatasetError) -> HanoiStructure {
        try HanoiStructure(facts: facts, base: base, parameters: parameters, servicesValueAddedRatio: servicesValueAddedRatio)
    }

    /// The Hanoi table for `parameters`.
    public func table(_ parameters: DerivationParameters) throws(DatasetError) -> IOTable {
        try table(parameters, structure: structure(parameters))
    }

    public func table(_ p: DerivationParameters, structure s: HanoiStructure) throws(DatasetError) -> IOTable {
        do {
            return try derive(p, s)
        } catch let error as DatasetError {
            throw error
        } catch let error as InputOutputError {
            throw .infeasible(step: "Hanoi table", reason: error.description)
        } catch {
            throw .infeasible(step: "Hanoi table", reason: "\(error)")
        }
    }

    private func derive(_ p: DerivationParameters, _ s: HanoiStructure) throws -> IOTable {
        // Hanoi's size relative to the nation is measured in 2024, the latest year both are
        // published; the table is then scaled to the base year's value added.
        let grdp = try facts.value("Hanoi", 2024, "FY", "grdp_current_prices", "total")
        let gdp = try facts.value("Vietnam", 2024, "FY", "gdp_current_prices", "total")
        let hanoiValueAdded = grdp * (1 - s.productTaxesPercent / 100)
        let baseValueAdded = s.grdpTrillionVND * (1 - s.productTaxesPercent / 100)
        let vietnamValueAdded = gdp * (1 - vietnamProductTaxPercent / 100)
        let manufacturing = s.percent(.industry) - s.waterPercent
        let groupShares = [
            s.percent(.agriculture), manufacturing + s.percent(.construction),
            s.percent(.electricity) + s.waterPercent, s.servicesPercent,
        ]
        let national = nationalDomesticGroups
        let nationalTotal = national.valueAddedLevels.reduce(0, +)
        let shareTotal = groupShares.reduce(0, +)
        let sizes = groupShares.map { $0 / shareTotal * nationalTotal * hanoiValueAdded / vietnamValueAdded }
        var table = try national.regionalized(regionalSizes: sizes, measure: .valueAdded, method: .flq(delta: p.flqDelta))

        table = try table.disaggregating(sector: "utilities", into: [("electricity", s.percent(.electricity)), ("water", s.waterPercent)])
        table = try table.disaggregating(sector: "industry_construction", into: [("manufacturing", manufacturing), ("construction", s.percent(.construction))])
        table = try table.disaggregating(sector: "services", into: [
            ("trade", s.percent(.trade)), ("tourism", s.percent(.tourism)), ("other_services", s.percent(.otherServices)),
        ])
        let technology = p.technology
        table = try technology.respecify(table, sector: "construction", ratio: technology.constructionValueAddedRatio) { t, column, parts throws(DatasetError) in
            try t.applyConstructionMix(&column, offset: 0, count: column.count, parts: parts)
        }
        table = try technology.respecify(table, sector: "tourism", ratio: technology.tourismValueAddedRatio) { t, column, parts throws(DatasetError) in
            try t.applyTourismMix(&column, offset: 0, count: column.count, parts: parts)
        }
        table = try SalesStructure.respecify(
            table, sector: "construction", donor: "manufacturing",
            intermediateShare: 1 - p.constructionCapitalFormationShare, finalDemand: .grossFixedCapitalFormation)
        table = try SalesStructure.respecify(
            table, sector: "tourism", donor: "other_services", intermediateShare: 0, finalDemand: .exports)
        let concordance = Concordance(
            groupOfSector: [
                "agriculture": "agriculture", "manufacturing": "industry", "water": "industry", "electricity": "electricity",
                "construction": "construction", "trade": "trade", "tourism": "tourism", "other_services": "other_services",
            ],
            groups: HanoiSector.allCases.map(\.rawValue))
        table = try table.aggregated(by: concordance)
        let billionVND = baseValueAdded * 1000
        return try table.scaled(by: billionVND / table.valueAddedLevels.reduce(0, +))
    }
}

/// Re-specifying one sector's sales after a proportional split, keeping every column and
/// row total: the sector sells `intermediateShare` of its output as intermediate inputs
/// (in its current pattern) and the rest to one final-demand category; what it no longer
/// sells is taken over by a donor sector of the same parent (same columns, so purchases
/// are unchanged), the donor's final demand absorbing the difference (its exports when
/// its own category would turn negative).
enum SalesStructure {
    static func respecify(
        _ table: IOTable, sector: String, donor: String, intermediateShare: Double, finalDemand kind: FinalDemandKind
    ) throws -> IOTable {
        let k = try table.sectorIndex(sector), d = try table.sectorIndex(donor)
        let n = table.sectorCount
        var z = table.intermediate, f = table.finalDemand
        let oldRow = table.intermediate.row(k)
        let oldTotal = oldRow.reduce(0, +)
        let newTotal = intermediateShare * table.output[k]
        guard oldTotal > 0 || newTotal == 0 else {
            throw DatasetError.infeasible(step: "\(sector) sales", reason: "no intermediate sales pattern to scale")
        }
        for j in 0..<n {
            let newValue = oldTotal > 0 ? oldRow[j] * newTotal / oldTotal : 0
            z[k, j] = newValue
            z[d, j] += oldRow[j] - newValue
            guard z[d, j] >= -1e-9 * table.output[d] else {
                throw DatasetError.infeasible(step: "\(sector) sales", reason: "\(donor) cannot give up intermediate sales to \(table.sectors[j])")
            }
        }
        guard let category = table.finalDemandColumns.firstIndex(where: { $0.kind == kind }),
              let exports = table.finalDemandColumns.firstIndex(where: { $0.kind == .exports }) else {
            throw DatasetError.infeasible(step: "\(sector) sales", reason: "the table lacks a \(kind.rawValue) or exports column")
        }
        for c in 0..<table.finalDemandColumns.count {
            f[d, c] += f[k, c]
            f[k, c] = 0
        }
        let sold = table.output[k] - newTotal
        f[k, category] = sold
        f[d, category] -= sold
        if f[d, category] < 0, category != exports {
            f[d, exports] += f[d, category]
            f[d, category] = 0
        }
        guard (0..<table.finalDemandColumns.count).allSatisfy({ f[d, $0] >= -1e-9 * table.output[d] }) else {
            throw DatasetError.infeasible(step: "\(sector) sales", reason: "\(donor)'s final demand cannot absorb the re-specification")
        }
        return try IOTable(
            sectors: table.sectors, intermediate: z, finalDemandColumns: table.finalDemandColumns, finalDemand: f,
            primaryInputRows: table.primaryInputRows, primaryInputs: table.primaryInputs, output: table.output,
            satelliteRows: table.satelliteRows, satellites: table.satellites)
    }
}
