/// A year's published year-on-year growth: the annual figure and its four quarters.
public struct PublishedQuarterlyGrowth: Sendable, Equatable {
    public let year: Int
    public let annualGrowthPercent: Double
    public let quarterlyGrowthPercent: [Double]

    public init(year: Int, annualGrowthPercent: Double, quarterlyGrowthPercent: [Double]) {
        self.year = year
        self.annualGrowthPercent = annualGrowthPercent
        self.quarterlyGrowthPercent = quarterlyGrowthPercent
    }
}

/// How well the fitted weights reproduce one year's annual figure.
public struct SeasonalFitResidual: Sendable, Equatable {
    public let year: Int
    public let publishedAnnualPercent: Double
    /// Σ_q w_q g_q with the fitted weights.
    public let fittedAnnualPercent: Double
    /// published − fitted, percentage points.
    public let residualPercentagePoints: Double
}

/// Quarterly weights estimated from published (annual, Q1...Q4) growth figures when the
/// base-year quarterly levels are not published, under a linear-in-quarter seasonal profile
///
///     w_q = ¼ + b·(q − 2.5),  q = 1...4     (Σ_q w_q = 1 for any b)
///
/// Substituting into annual = Σ_q w_q g_q (the identity of `QuarterlyWeights`) gives, per year y,
///
///     d_y = annual_y − mean_q(g_y,q) = b · s_y,   s_y = Σ_q (q − 2.5) g_y,q
///
/// a regression through the origin; least squares over the years: b = Σ_y d_y s_y / Σ_y s_y².
/// The profile assumes the seasonal pattern of the base years' quarter levels is a straight
/// line (later quarters larger, as in Vietnam, where Q4 is the biggest quarter) and the same
/// every year; with only the relation above, more parameters would not be identified from a
/// few years.
///
/// Hanoi 2024 (6.52; 5.41, 6.80, 6.71, 7.01) and 2025 (8.16; 7.41, 8.13, 8.85, 8.15) give
/// b ≈ 0.0162, weights ≈ (0.2257, 0.2419, 0.2581, 0.2743), residuals −0.0007 and +0.0011 pp.
/// - Complexity: O(years).
public struct SeasonalProfileFit: Sendable, Equatable {
    /// b, share of annual GRDP per quarter step.
    public let slope: Double
    public let weights: QuarterlyWeights
    public let residuals: [SeasonalFitResidual]
    /// √(mean residual²), percentage points.
    public let rootMeanSquareResidual: Double

    /// - Throws: `lengthMismatch` when a year does not have four quarters,
    ///   `nonFiniteArgument`, `degenerateSeasonalFit` when no year is given, every s_y is 0
    ///   (flat quarters identify no slope), or |b| ≥ 1/6 (a weight would be ≤ 0).
    public init(years: [PublishedQuarterlyGrowth]) throws(GrowthError) {
        guard !years.isEmpty else { throw .degenerateSeasonalFit(slope: nil, reason: "no year given; pass at least one year's annual and four quarterly figures") }
        var numerator = 0.0, denominator = 0.0
        for year in years {
            try GRDPAccounts.requireFinite(year.quarterlyGrowthPercent, name: "quarterly growth of \(year.year)", count: 4)
            guard year.annualGrowthPercent.isFinite else {
                throw .nonFiniteArgument(name: "annual growth of \(year.year)", value: year.annualGrowthPercent)
            }
            let (d, s) = Self.regressionTerms(year)
            numerator += d * s
            denominator += s * s
        }
        guard denominator > 0 else {
            throw .degenerateSeasonalFit(slope: nil, reason: "the quarters show no trend within any year, so the slope is not identified; use QuarterlyWeights.equal or published base-year quarters")
        }
        let b = numerator / denominator
        let weights: QuarterlyWeights
        do {
            weights = try QuarterlyWeights(seasonalSlope: b)
        } catch {
            throw .degenerateSeasonalFit(slope: b, reason: "|b| ≥ 1/6 makes a quarter's weight ≤ 0; check that the annual and quarterly figures belong together")
        }
        var residuals: [SeasonalFitResidual] = []
        var squares = 0.0
        for year in years {
            let fitted = try weights.annualGrowth(quarterlyGrowthPercent: year.quarterlyGrowthPercent)
            let residual = year.annualGrowthPercent - fitted
            squares += residual * residual
            residuals.append(SeasonalFitResidual(
                year: year.year, publishedAnnualPercent: year.annualGrowthPercent,
                fittedAnnualPercent: fitted, residualPercentagePoints: residual))
        }
        self.slope = b
        self.weights = weights
        self.residuals = residuals
        self.rootMeanSquareResidual = (squares / Double(years.count)).squareRoot()
    }

    /// (d_y, s_y) of the regression d_y = b·s_y.
    static func regressionTerms(_ year: PublishedQuarterlyGrowth) -> (Double, Double) {
        var mean = 0.0, s = 0.0
        for (q, g) in year.quarterlyGrowthPercent.enumerated() {
            mean += g / 4
            s += (Double(q + 1) - 2.5) * g
        }
        return (year.annualGrowthPercent - mean, s)
    }
}
