/// The base-year weights that turn sector growth into contributions to GRDP growth —
/// the allocation-free kernel behind `ContributionTable`, for the Monte Carlo hot path.
///
/// Growth accounting with base-year (previous-year-price) weights, a Laspeyres-type
/// volume index:
///
///     cᵢ = sᵢ · gᵢ            contribution of sector i, in percentage points
///     G  = Σᵢ cᵢ              GRDP growth, in %
///
/// where sᵢ = Yᵢ,₀ / Σⱼ Yⱼ,₀ is sector i's share of base-year GRDP and gᵢ its real growth
/// in %. This is an identity, not an approximation: GRDP at base-year prices is
/// Y₁ = Σᵢ Yᵢ,₀ (1 + gᵢ/100), so (Y₁/Y₀ − 1)·100 = Σᵢ sᵢ gᵢ. With product taxes less
/// subsidies as one more line, the contributions add up to GRDP growth exactly.
///
/// Sources: UN et al., *System of National Accounts 2008*, ch. 15 (volume measures:
/// a Laspeyres volume index at previous-year prices is additive); ABS, *Australian System
/// of National Accounts: Concepts, Sources and Methods* (2020-21), §6.34–6.35
/// ("deriving contributions to growth from additive data, such as constant price
/// estimates, is straightforward"). GSO and Vietnam's provincial statistics offices
/// publish exactly these figures ("services +6.76%, contributing 4.53 percentage points").
///
/// ```swift
/// let weights = ContributionWeights(accounts: hanoi)
/// var contributions = [Double](repeating: 0, count: hanoi.sectorCount)
/// let grdpGrowth = try weights.contributions(sectorGrowthPercent: draw, into: &contributions)
/// ```
public struct ContributionWeights: Sendable, Equatable {
    /// sᵢ, fractions summing to 1.
    public let baseYearShares: [Double]
    public let groups: [String]
    public let groupIndexOfSector: [Int?]

    public init(accounts: GRDPAccounts) {
        self.baseYearShares = accounts.baseYearShares
        self.groups = accounts.groups
        self.groupIndexOfSector = accounts.groupIndexOfSector
    }

    public var sectorCount: Int { baseYearShares.count }

    /// G = Σᵢ sᵢ gᵢ (summed in sector order, so it equals the sum of `contributions`
    /// bit for bit). Non-finite growth gives a non-finite result; nothing traps.
    /// - Throws: `lengthMismatch` when the buffer does not hold one growth rate per sector.
    /// - Complexity: O(n), no allocation.
    package func grdpGrowth(sectorGrowthPercent growth: UnsafeBufferPointer<Double>) throws(GrowthError) -> Double {
        guard growth.count == baseYearShares.count else {
            throw .lengthMismatch(name: "sector growth", expected: baseYearShares.count, actual: growth.count)
        }
        var total = 0.0
        baseYearShares.withUnsafeBufferPointer { shares in
            for i in 0..<shares.count { total += shares[i] * growth[i] }
        }
        return total
    }

    /// Writes cᵢ = sᵢ gᵢ into `contributions` and, when given, the group subtotals
    /// Σ_{i∈g} cᵢ into `groupContributions` (one slot per `groups` entry); returns G = Σᵢ cᵢ.
    /// - Throws: `lengthMismatch` for a buffer of the wrong size.
    /// - Complexity: O(n), no allocation.
    package func contributions(
        sectorGrowthPercent growth: UnsafeBufferPointer<Double>,
        into contributions: UnsafeMutableBufferPointer<Double>,
        groupContributions: UnsafeMutableBufferPointer<Double>? = nil
    ) throws(GrowthError) -> Double {
        let n = baseYearShares.count
        guard growth.count == n else { throw .lengthMismatch(name: "sector growth", expected: n, actual: growth.count) }
        guard contributions.count == n else {
            throw .lengthMismatch(name: "contribution buffer", expected: n, actual: contributions.count)
        }
        if let groupContributions {
            guard groupContributions.count == groups.count else {
                throw .lengthMismatch(name: "group contribution buffer", expected: groups.count, actual: groupContributions.count)
            }
            for g in 0..<groupContributions.count { groupContributions[g] = 0 }
        }
        var total = 0.0
        baseYearShares.withUnsafeBufferPointer { shares in
            for i in 0..<n {
                let contribution = shares[i] * growth[i]
                contributions[i] = contribution
                total += contribution
                if let groupContributions, let g = groupIndexOfSector[i] { groupContributions[g] += contribution }
            }
        }
        return total
    }

    /// Array form of `contributions(sectorGrowthPercent:into:groupContributions:)`;
    /// `contributions` must already hold one slot per sector (it is overwritten, not resized).
    /// - Complexity: O(n), no allocation.
    public func contributions(sectorGrowthPercent growth: [Double], into contributions: inout [Double]) throws(GrowthError) -> Double {
        try growth.withUnsafeBufferPointer { (g) throws(GrowthError) -> Double in
            try contributions.withUnsafeMutableBufferPointer { (c) throws(GrowthError) -> Double in
                try self.contributions(sectorGrowthPercent: g, into: c, groupContributions: nil)
            }
        }
    }

    /// Array form of `grdpGrowth(sectorGrowthPercent:)`. - Complexity: O(n), no allocation.
    public func grdpGrowth(sectorGrowthPercent growth: [Double]) throws(GrowthError) -> Double {
        try growth.withUnsafeBufferPointer { (g) throws(GrowthError) -> Double in try grdpGrowth(sectorGrowthPercent: g) }
    }
}
