import LinearAlgebra

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
}

/// Normalised backward and forward linkages (Miller & Blair 2009, §12.2):
///
/// - backward: BLⱼ = n·Σᵢ lᵢⱼ / Σᵢⱼ lᵢⱼ (the power of dispersion, from the Leontief inverse);
/// - forward: FLᵢ = n·Σⱼ gᵢⱼ / Σᵢⱼ gᵢⱼ, from the Ghosh inverse G (the now-standard choice,
///   §12.2.2); the traditional Rasmussen row-sum version from L is kept as
///   `forwardFromLeontief` for comparison.
///
/// A value above 1 means above the economy's average. - Complexity: O(n³).
public struct Linkages: Sendable {
    public let sectors: [String]
    public let backward: [Double]
    public let forward: [Double]
    public let forwardFromLeontief: [Double]

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
    }

    /// Classification by whether each normalised linkage exceeds 1.
    public var classification: [KeySectorClass] {
        zip(backward, forward).map { b, f in
            switch (b > 1, f > 1) {
            case (true, true): .key
            case (true, false): .backwardOriented
            case (false, true): .forwardOriented
            case (false, false): .weak
            }
        }
    }
}
