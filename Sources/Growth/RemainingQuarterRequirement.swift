/// What a sector's remaining quarters must deliver for it to meet its annual target.
public struct RemainingQuarterRequirement: Sendable, Equatable {
    public let sector: String
    /// The sector's base-year quarterly weights (its own `base_q` values, else the fallback).
    public let weights: QuarterlyWeights
    /// Whether `weights` came from the sector's own base-year quarters.
    public let usesOwnBaseQuarters: Bool
    /// Year-on-year growth of the quarters published so far, Q1...Qk.
    public let actualQuarterGrowthPercent: [Double]
    public let targetPercent: Double?
    /// Cumulative growth of the quarters so far (e.g. 9 months); nil when k = 0.
    public let growthSoFarPercent: Double?
    /// r = (T − Σ_{q≤k} w_q g_q) / Σ_{q>k} w_q; nil without a target or when k = 4.
    public let requiredRemainingGrowthPercent: Double?
    /// Σ_q w_q g_q when all four quarters are known; nil otherwise.
    public let annualGrowthPercent: Double?
}

extension GRDPAccounts {
    /// Each sector's base-year quarterly weights: from its `baseQuarterValues` when given,
    /// else `fallback` (normally the total GRDP's weights, e.g. from `SeasonalProfileFit`).
    /// - Throws: `invalidQuarterlyWeights` when a sector's base quarters include a zero.
    /// - Complexity: O(n).
    public func sectorQuarterlyWeights(fallback: QuarterlyWeights) throws(GrowthError) -> [QuarterlyWeights] {
        var result: [QuarterlyWeights] = []
        result.reserveCapacity(sectors.count)
        for sector in sectors {
            if let values = sector.baseQuarterValues {
                result.append(try QuarterlyWeights(baseYearQuarterValues: values))
            } else {
                result.append(fallback)
            }
        }
        return result
    }

    /// For every sector with quarterly growth so far (Q1...Qk), the uniform growth its
    /// remaining quarters need to reach its own target, with its own quarterly weights
    /// (see `QuarterlyWeights.requiredRemainingGrowth`). A sector without quarterly data
    /// (k = 0) needs its target in every quarter.
    /// - Throws: `invalidQuarterlyWeights` for unusable base-year quarters.
    /// - Complexity: O(n).
    public func remainingQuarterRequirements(fallback: QuarterlyWeights) throws(GrowthError) -> [RemainingQuarterRequirement] {
        let allWeights = try sectorQuarterlyWeights(fallback: fallback)
        var result: [RemainingQuarterRequirement] = []
        result.reserveCapacity(sectors.count)
        for (i, sector) in sectors.enumerated() {
            let weights = allWeights[i]
            let actual = sector.quarterlyGrowth
            let required = try sector.target.flatMap { (target) throws(GrowthError) -> Double? in
                try weights.requiredRemainingGrowth(targetPercent: target, actualQuarterGrowthPercent: actual)
            }
            result.append(RemainingQuarterRequirement(
                sector: sector.name, weights: weights, usesOwnBaseQuarters: sector.baseQuarterValues != nil,
                actualQuarterGrowthPercent: actual, targetPercent: sector.target,
                growthSoFarPercent: actual.isEmpty ? nil : try weights.cumulativeGrowth(quarterlyGrowthPercent: actual),
                requiredRemainingGrowthPercent: required,
                annualGrowthPercent: actual.count == 4 ? try weights.annualGrowth(quarterlyGrowthPercent: actual) : nil))
        }
        return result
    }
}
