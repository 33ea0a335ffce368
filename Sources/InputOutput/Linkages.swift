
/// Rasmussen (1956) – Hirschman (1958) linkage classification of a sector.
public enum KeySectorClass: String, Sendable, CaseIterable {
    /// Backward and forward linkages both above average.
    case key
    /// Strong backward linkage only: a big buyer from the rest of the economy.
    case backwardOriented = "backward-oriented"
    /// Strong forward linkage only: a big supplier to the rest of the economy.
    case forwardOriented = "forward-oriented"
    /// Both below average.
    case weak
    /// A linkage within the threshold of the average (|index − 1| < 0.05 by default): the
    /// index does not separate the sector from the average, so no class is given.
    case nearAverage = "near average"
}

/// Normalised backward and forward linkages (Miller & Blair 2009, §12.2):
///
/// - backward: BLⱼ = n·Σᵢ lᵢⱼ / Σᵢⱼ lᵢⱼ (the power of dispersion, from the Leontief inverse);
/// - forward: FLᵢ = n·Σⱼ gᵢⱼ / Σᵢⱼ gᵢⱼ, from the Ghosh inverse G (the now-standard choice,
///   §12.2.2); the traditional Rasmussen row-sum version from L is kept as
///   `forwardFromLeontief` for comparison.
///
/// A value above 1 means above the economy's average. The output-weighted variants divide by
/// the output-weighted mean instead of the simple one (Miller & Blair 2009, §12.2.4):
/// BLʷⱼ = Σᵢ lᵢⱼ / Σₖ wₖ Σᵢ lᵢₖ and FLʷᵢ = Σⱼ gᵢⱼ / Σₖ wₖ Σⱼ gₖⱼ with wₖ = xₖ / Σx, so that
/// a small sector's index does not count as much as a large one's in the average.
/// - Complexity: O(n³).
public struct Linkages: Sendable {
    public let sectors: [String]
    public let backward: [Double]
    public let forward: [Double]
    public let forwardFromLeontief: [Double]
    /// BLʷ: backward linkage over the output-weighted average.
    public let backwardOutputWeighted: [Double]
    /// FLʷ: forward (Ghosh) linkage over the output-weighted average.
    public let forwardOutputWeighted: [Double]
    /// The default band around 1 inside which no class is given.
    public static let defaultClassThreshold = 0.05

    public init(model: LeontiefModel) throws(InputOutputError) {
        let l = try model.leontiefInverse()
        let g = try GhoshModel(table: model.table).ghoshInverse()
        let n = Double(model.sectorCount)
        func normalised(_ sums: [Double]) -> [Double] {
            let total = sums.reduce(0, +)
            return sums.map { n * $0 / total }
        }
        self.sectors = model.table.sectors
        self.backward = normalised(l.columnSums)
        self.forward = normalised(g.rowSums)
        self.forwardFromLeontief = normalised(l.rowSums)
        let output = model.table.output
        let totalOutput = output.reduce(0, +)
        func weighted(_ sums: [Double]) -> [Double] {
            let mean = zip(sums, output).reduce(0.0) { $0 + $1.0 * $1.1 } / totalOutput
            return sums.map { $0 / mean }
        }
        self.backwardOutputWeighted = weighted(l.columnSums)
        self.forwardOutputWeighted = weighted(g.rowSums)
    }

    /// Classification by whether each normalised linkage exceeds 1 (no threshold).
    public var classification: [KeySectorClass] { classification(threshold: 0) }

    /// Classification where both linkages differ from 1 by at least `threshold`; a sector
    /// with either index inside the band is `.nearAverage`.
    public func classification(threshold: Double) -> [KeySectorClass] {
        zip(backward, forward).map { b, f in
            if threshold > 0, abs(b - 1) < threshold || abs(f - 1) < threshold { return .nearAverage }
            return switch (b > 1, f > 1) {
            case (true, true): .key
            case (true, false): .backwardOriented
            case (false, true): .forwardOriented
            case (false, false): .weak
            }
        }
    }
}
