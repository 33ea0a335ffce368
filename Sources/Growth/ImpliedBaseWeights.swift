/// One sector's published growth and contribution, as a statistics release prints them
/// ("services +6.76%, contributing 4.53 percentage points").
public struct PublishedContribution: Sendable, Equatable {
    public let sector: String
    public let growthPercent: Double
    public let contributionPercentagePoints: Double

    public init(sector: String, growthPercent: Double, contributionPercentagePoints: Double) {
        self.sector = sector
        self.growthPercent = growthPercent
        self.contributionPercentagePoints = contributionPercentagePoints
    }
}

/// The base-year weight a published (growth, contribution) pair implies.
public struct ImpliedBaseWeight: Sendable, Equatable {
    public let sector: String
    public let growthPercent: Double
    public let contributionPercentagePoints: Double
    /// w = c / g, fraction of base-year GRDP; nil when g = 0.
    public let weight: Double?
    /// The range of c′/g′ over c′ ∈ [c − h, c + h], g′ ∈ [g − h, g + h]; −∞...∞ when the
    /// growth interval contains 0 (the weight is then not identified).
    public let weightRange: ClosedRange<Double>
}

/// Inverse growth accounting: the base-year weights implied by published growth rates and
/// contributions, wᵢ = cᵢ / gᵢ (from cᵢ = wᵢ · gᵢ, see `ContributionWeights`), with the
/// interval the publication's rounding allows. Used to check a release: the implied weights
/// should sum to 1 (when every line, product taxes included, is published) and match the
/// base-year structure.
///
/// Interval: published figures are rounded to a half-width h (0.005 for two decimals), so
/// the true c and g lie in [c ± h] × [g ± h]. On that rectangle c/g is monotone in each
/// argument as long as the g-interval excludes 0, so its extremes are at the corners.
/// The sum's interval adds the sectors' bounds (each sector's rounding is independent).
///
/// Hanoi 9M/2024 (cafef.vn, 7 Oct 2024): agriculture 2.47% → 0.05 pp, industry and
/// construction 5.74% → 1.15 pp, services 6.76% → 4.53 pp, taxes 3.54% → 0.39 pp imply
/// weights 0.020, 0.200, 0.670, 0.110 summing to 1.0009, and 1 lies in the interval.
/// - Complexity: O(n).
public struct ImpliedBaseWeights: Sendable, Equatable {
    public let roundingHalfWidth: Double
    public let sectors: [ImpliedBaseWeight]
    /// Σ wᵢ; nil when some weight is not identified (gᵢ = 0).
    public let totalWeight: Double?
    /// [Σ lowerᵢ, Σ upperᵢ].
    public let totalWeightRange: ClosedRange<Double>
    /// Σ cᵢ, percentage points: equals GRDP growth when every line is published.
    public let contributionSumPercentagePoints: Double

    /// - Parameter roundingHalfWidth: h, half the last published digit (0.005 for 2 decimals).
    /// - Throws: `invalidRounding`, `nonFiniteArgument`.
    public init(published: [PublishedContribution], roundingHalfWidth: Double = 0.005) throws(GrowthError) {
        guard roundingHalfWidth.isFinite, roundingHalfWidth >= 0 else { throw .invalidRounding(halfWidth: roundingHalfWidth) }
        let h = roundingHalfWidth
        var sectors: [ImpliedBaseWeight] = []
        var total: Double? = 0
        var lowerSum = 0.0, upperSum = 0.0, contributionSum = 0.0
        for entry in published {
            let c = entry.contributionPercentagePoints, g = entry.growthPercent
            guard c.isFinite else { throw .nonFiniteArgument(name: "contribution of \(entry.sector)", value: c) }
            guard g.isFinite else { throw .nonFiniteArgument(name: "growth of \(entry.sector)", value: g) }
            let weight: Double? = g == 0 ? nil : c / g
            let range: ClosedRange<Double>
            if g - h <= 0, g + h >= 0 {
                range = -Double.infinity...Double.infinity
            } else {
                let corners = [(c - h) / (g - h), (c - h) / (g + h), (c + h) / (g - h), (c + h) / (g + h)]
                range = (corners.min() ?? 0)...(corners.max() ?? 0)
            }
            sectors.append(ImpliedBaseWeight(
                sector: entry.sector, growthPercent: g, contributionPercentagePoints: c, weight: weight, weightRange: range))
            total = weight.flatMap { w in total.map { $0 + w } }
            lowerSum += range.lowerBound
            upperSum += range.upperBound
            contributionSum += c
        }
        self.roundingHalfWidth = h
        self.sectors = sectors
        self.totalWeight = total
        // −∞ + ∞ cannot occur: an unbounded sector contributes −∞ to the lower and +∞ to the upper sum.
        self.totalWeightRange = lowerSum...upperSum
        self.contributionSumPercentagePoints = contributionSum
    }

    /// The largest |Σ cᵢ − G| that rounding alone explains: (n + 1)·h for n published
    /// contributions and a published GRDP growth G, each rounded to ±h.
    public var roundingToleranceOfSum: Double { Double(sectors.count + 1) * roundingHalfWidth }

    /// Whether a published GRDP growth agrees with the sum of the published contributions
    /// within what rounding explains (`roundingToleranceOfSum`).
    public func agrees(withGRDPGrowthPercent grdpGrowth: Double) -> Bool {
        abs(contributionSumPercentagePoints - grdpGrowth) <= roundingToleranceOfSum
    }
}
