import TOML

/// `scenario.actual_sector_quarters`: published value-added growth (% y/y) of Q1, Q2, … of
/// the statistical aggregates the accounts publish quarterly, e.g.
///
///     [scenario.actual_sector_quarters]
///     services = [8.57, 8.28]
///     industry_construction = [5.54]
///
/// The forecast is conditioned on them as on `actual_quarters` (docs/model.md, "Published
/// sector quarters"). Keys are the aggregates of `SectorAggregate`.
public struct PublishedSectorQuarters: Sendable, Equatable {
    public let aggregate: SectorAggregate
    /// Growth of Q1, Q2, … in order (at most 3).
    public let quarters: [Double]

    public init(aggregate: SectorAggregate, quarters: [Double]) {
        self.aggregate = aggregate
        self.quarters = quarters
    }
}

/// The aggregates Hanoi's statistics office publishes quarterly (as grdp_history.csv names them).
public enum SectorAggregate: String, CaseIterable, Sendable {
    case agriculture = "agriculture_forestry_fishery"
    case industryConstruction = "industry_construction"
    case services
    case productTaxes = "product_taxes_less_subsidies"
}

extension ScenarioParser {
    /// Reads `scenario.actual_sector_quarters`: a table of aggregate = [growth of Q1, Q2, …].
    func sectorQuarters(_ value: TOMLValue) throws(ScenarioError) -> [PublishedSectorQuarters] {
        let path = "scenario.actual_sector_quarters"
        let groups = try table(value, at: path, expected: "a table of aggregate = [Q1, Q2, …], e.g. { services = [8.57] }")
        var result: [PublishedSectorQuarters] = []
        for key in groups.keys {
            guard let entry = groups[key] else { continue }
            let keyPath = TOMLKeyLocator.path(["scenario", "actual_sector_quarters", key])
            guard let aggregate = SectorAggregate(rawValue: key) else {
                throw error(keyPath, "unknown aggregate \"\(key)\"; use one of \(SectorAggregate.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let quarters = try numbers(entry, at: keyPath)
            guard !quarters.isEmpty, quarters.count <= Scenario.maximumActualQuarters else {
                throw error(keyPath, "\(quarters.count) quarters are given; give 1 to 3 (Q1…Q3) in order")
            }
            for (index, quarter) in quarters.enumerated() where !Scenario.growthPercentRange.contains(quarter) {
                throw error("\(keyPath)[\(index)]", "Q\(index + 1) growth is \(quarter)%; published quarterly growth lies between -100 and 1000 (%)")
            }
            result.append(PublishedSectorQuarters(aggregate: aggregate, quarters: quarters))
        }
        return result
    }
}
