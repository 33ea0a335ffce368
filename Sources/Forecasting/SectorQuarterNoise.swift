/// How far a sector aggregate's published part of the year strays from its own year beyond
/// what the GRDP's quarters do: ε_{s,q} in
///
///   g_{s,q} = G_q + (g_s − G) + ε_{s,q},   ε_{s,q} ~ N(0, τ²) independent across s and q,
///
/// with g the aggregate's and G the GRDP's growth (docs/model.md, "Published sector quarters").
/// For a published part P of year u (a quarter, H1 or 9M, with quarter weights h) whose
/// aggregate's and GRDP's full-year figures are also published, the residual
/// r = (g_{s,P} − g_{s,FY}) − (G_P − G_FY) = Σ_q h_q ε_{s,q} has variance τ²·‖h‖², so
/// zᵢ = rᵢ/‖hᵢ‖ ~ N(0, τ²) and τ̂ = 1.4826 × median |zᵢ| over all such pairs — robust to the
/// 2020–2022 swings, as the GRDP's quarter noise σ_η is (`BaselineEstimator.quarterNoise`).
public struct SectorQuarterNoise: Sendable, Equatable {
    /// τ̂.
    public let standardDeviation: Double
    /// The (aggregate, year, period) pairs it is estimated from.
    public let pairs: [String]

    public init(standardDeviation: Double, pairs: [String]) {
        self.standardDeviation = standardDeviation
        self.pairs = pairs
    }

    /// The aggregates read, as grdp_history.csv names them.
    public static let aggregates = ["agriculture_forestry_fishery", "industry_construction", "services", "product_taxes_less_subsidies"]
    /// The parts of a year read: quarter q alone, or the first quarters together.
    static let periods: [(name: String, quarters: Int, cumulative: Bool)] = [
        ("Q1", 1, false), ("Q2", 2, false), ("Q3", 3, false), ("Q4", 4, false), ("H1", 2, true), ("9M", 3, true),
    ]
}

extension BaselineEstimator {
    /// τ̂ of `SectorQuarterNoise` over the years before `year` as known at `asOf`. Hanoi's
    /// 2017, read in the new method for the year but possibly not for its quarters, is left out.
    /// - Throws: `ForecastingError.insufficientHistory` with fewer than 4 pairs.
    /// - Complexity: O(years × aggregates × periods).
    public func sectorQuarterNoise(before year: Int, asOf: PublicationDate) throws(ForecastingError) -> SectorQuarterNoise {
        var scaled: [Double] = []
        var pairs: [String] = []
        for u in stride(from: firstYear, to: year, by: 1) where u != GrowthHistory.lastOldMethodYear + 1 {
            guard let grdpYear = history.latest("Hanoi", "grdp_growth", "FY", u, asOf: asOf) else { continue }
            for aggregate in SectorQuarterNoise.aggregates {
                guard let sectorYear = history.sectorGrowth(aggregate, "FY", u, asOf: asOf) else { continue }
                for period in SectorQuarterNoise.periods {
                    guard let sectorPart = history.sectorGrowth(aggregate, period.name, u, asOf: asOf),
                          let grdpPart = history.latest("Hanoi", "grdp_growth", period.name, u, asOf: asOf) else { continue }
                    let h = period.cumulative
                        ? QuarterObservation.cumulative(period.quarters, 0, quarterlyWeights: quarterlyWeights).weights
                        : QuarterObservation.quarter(period.quarters - 1, 0).weights
                    let residual = (sectorPart.value - sectorYear.value) - (grdpPart.value - grdpYear.value)
                    scaled.append(abs(residual) / h.reduce(0) { $0 + $1 * $1 }.squareRoot())
                    pairs.append("\(aggregate) \(period.name) \(u)")
                }
            }
        }
        guard pairs.count >= 4 else {
            throw .insufficientHistory(model: "sector quarter noise", year: year, observations: pairs.count, needed: 4)
        }
        return SectorQuarterNoise(standardDeviation: 1.4826 * Self.median(scaled), pairs: pairs)
    }
}
