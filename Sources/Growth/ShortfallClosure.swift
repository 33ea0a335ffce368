extension SectorGap {
    /// What one line alone would need to close a shortfall T − G of GRDP growth at a point of
    /// the distribution (the run report's median), with its effective share sᵢ (its
    /// contribution over its growth): extra = max(0, T − G) / sᵢ, needed = gᵢ + extra; both nil
    /// when sᵢ ≤ 0 (the line cannot move GRDP). No shortfall gives an extra of 0. O(1).
    public init(sector: String, share: Double, growthPercent: Double, closingShortfall shortfall: Double) {
        let extra: Double? = share > 0 ? max(0, shortfall) / share : nil
        self.init(sector: sector, baseYearShare: share, growthPercent: growthPercent,
                  requiredGrowthAlonePercent: extra.map { growthPercent + $0 }, extraGrowthAlonePercentagePoints: extra)
    }
}

extension QuarterlyWeights {
    /// The same extra growth δ on every quarter not yet published that closes a shortfall
    /// T − G of annual growth: Σ_{q ≥ known} w_q · δ = max(0, T − G), so
    /// δ = max(0, T − G) / Σ_{q ≥ known} w_q; 0 when no quarter remains. O(4).
    /// - Parameter weights: w₁…w₄ (a model's, already validated).
    public static func uniformRemainingExtra(weights: [Double], knownQuarters: Int, shortfall: Double) -> Double {
        guard knownQuarters < 4, weights.count == 4 else { return 0 }
        let remainingWeight = (max(0, knownQuarters)..<4).reduce(0.0) { $0 + weights[$1] }
        return remainingWeight > 0 ? max(0, shortfall) / remainingWeight : 0
    }
}
