/// One line of a region's production account: a sector (or the product-taxes line) with
/// its base-year value added and the growth figures a planner works with.
///
/// Growth figures are real (volume) growth in percent, year on year: 8.6 means +8.6%.
/// `baseValue` may be in any unit (billion VND, a % share of GRDP...): only its ratio to
/// the other sectors' base values matters.
public struct SectorAccount: Sendable, Equatable {
    public var name: String
    /// Reporting group, e.g. "services", "industry_construction", "agriculture", "taxes".
    public var group: String?
    /// Base-year value added (current prices of the base year), or a share of GRDP.
    public var baseValue: Double
    /// Plan growth target in % (e.g. 8.6).
    public var target: Double?
    /// Annual real growth in % (the period's actual or assumed figure).
    public var growth: Double?
    /// Year-on-year growth in % of the quarters published so far: Q1...Qk, 0 ≤ k ≤ 4.
    public var quarterlyGrowth: [Double]
    /// Base-year value added of Q1...Q4 (any unit): gives the sector's quarterly weights.
    /// Either nil or exactly four values.
    public var baseQuarterValues: [Double]?

    public init(
        name: String, group: String? = nil, baseValue: Double,
        target: Double? = nil, growth: Double? = nil,
        quarterlyGrowth: [Double] = [], baseQuarterValues: [Double]? = nil
    ) {
        self.name = name
        self.group = group
        self.baseValue = baseValue
        self.target = target
        self.growth = growth
        self.quarterlyGrowth = quarterlyGrowth
        self.baseQuarterValues = baseQuarterValues
    }
}
