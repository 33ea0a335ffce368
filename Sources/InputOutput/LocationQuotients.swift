import Foundation
import LinearAlgebra

/// Which location-quotient formula regionalises national coefficients: the one choice the
/// CLI exposes (`--lq slq|cilq|flq:0.3|aflq:0.3`).
///
/// - `slq`: simple location quotient, one number per selling sector, applied row-wise.
/// - `cilq`: cross-industry location quotient SLQᵢ / SLQⱼ (1 on the diagonal).
/// - `flq(delta:)`: Flegg's formula, CILQ scaled by the regional-size factor λ* (SLQᵢ·λ* on the diagonal).
/// - `aflq(delta:)`: augmented FLQ, FLQ raised for specialised purchasing sectors (SLQⱼ > 1).
///
/// δ must lie in [0, 1). Flegg & Webber (1997) suggested δ ≈ 0.3; later work (e.g. Flegg &
/// Tohmo 2013, Regional Studies 47(5), pp. 703–721, for Finland) finds that the best δ
/// varies by region, so scenarios should treat it as uncertain.
public enum LocationQuotientMethod: Sendable, Hashable, CustomStringConvertible {
    case slq
    case cilq
    case flq(delta: Double)
    case aflq(delta: Double)

    /// "slq", "cilq", "flq(δ=0.3)", "aflq(δ=0.3)".
    public var description: String {
        switch self {
        case .slq: return "slq"
        case .cilq: return "cilq"
        case let .flq(delta): return "flq(δ=\(delta))"
        case let .aflq(delta): return "aflq(δ=\(delta))"
        }
    }
}

/// Location quotients in the shape their formula produces: one per selling sector (SLQ) or
/// one per sector pair (CILQ, FLQ, AFLQ; entry (i, j) for sales of i to j).
public enum LocationQuotients: Sendable, Equatable {
    /// SLQᵢ by selling sector i; regionalisation applies it to the whole row i.
    case bySellingSector([Double])
    /// LQᵢⱼ by (selling sector i, purchasing sector j).
    case bySectorPair(Matrix)

    /// The n×n matrix form: a vector is repeated along each row (entry (i, j) = SLQᵢ).
    /// - Complexity: O(n²).
    public var matrix: Matrix {
        switch self {
        case let .bySectorPair(quotients):
            return quotients
        case let .bySellingSector(quotients):
            let n = quotients.count
            var expanded = Matrix(rows: n, columns: n)
            for j in 0..<n { for i in 0..<n { expanded[i, j] = quotients[i] } }
            return expanded
        }
    }
}

/// Sector sizes of a region and of the nation it belongs to, in one measure the caller
/// chooses (gross output, employment or value added) and one unit for both, the input of
/// every location-quotient formula (Miller & Blair 2009, §8.3).
///
/// Notation: xʳᵢ and xⁿᵢ are the regional and national sizes of sector i, xʳ = Σᵢ xʳᵢ and
/// xⁿ = Σᵢ xⁿᵢ their totals.
///
/// ```swift
/// let sizes = try RegionalSectorSizes(regional: [20, 30, 50], national: [400, 300, 300])
/// sizes.simpleLocationQuotients                      // [0.5, 1.0, 5/3]
/// let regional = try sizes.regionalCoefficients(
///     nationalTechnicalCoefficients: nationalA, method: .flq(delta: 0.3))
/// regional.technicalCoefficients                      // aʳᵢⱼ = aⁿᵢⱼ·min(1, FLQᵢⱼ)
/// ```
///
/// The SLQ and CILQ are invariant to the unit; the FLQ's regional-size factor λ* is not
/// (it uses xʳ/xⁿ), so both vectors must be in the same unit, and the region should be a
/// part of the nation (xʳ ≤ xⁿ, checked when λ* is computed).
public struct RegionalSectorSizes: Sendable, Equatable {
    /// xʳᵢ, by sector.
    public let regional: [Double]
    /// xⁿᵢ, by sector.
    public let national: [Double]
    /// Sector labels for error messages (empty when none were given).
    public let sectors: [String]

    /// - Parameters:
    ///   - regional: xʳᵢ ≥ 0 by sector (a sector absent from the region has 0).
    ///   - national: xⁿᵢ > 0 by sector (a sector absent from the nation must be dropped or merged).
    ///   - sectors: optional labels (same length) used in error messages.
    /// - Throws: `dimensionMismatch` for unequal lengths or an empty list; `invalidParameter`
    ///   for a non-finite or negative size, a zero national size, or a zero total.
    /// - Complexity: O(n).
    public init(regional: [Double], national: [Double], sectors: [String] = []) throws(InputOutputError) {
        guard !national.isEmpty else {
            throw .dimensionMismatch(what: "national sector sizes", expected: max(regional.count, 1), actual: 0)
        }
        guard regional.count == national.count else {
            throw .dimensionMismatch(what: "regional sector sizes", expected: national.count, actual: regional.count)
        }
        guard sectors.isEmpty || sectors.count == national.count else {
            throw .dimensionMismatch(what: "sector labels for location quotients", expected: national.count, actual: sectors.count)
        }
        func name(_ what: String, _ i: Int) -> String {
            sectors.isEmpty ? "\(what) of sector \(i) (0-based)" : "\(what) of sector '\(sectors[i])'"
        }
        for i in national.indices {
            guard regional[i].isFinite, regional[i] >= 0 else {
                throw .invalidParameter(name: name("regional size", i), value: regional[i],
                                        reason: "sector sizes must be finite and ≥ 0")
            }
            guard national[i].isFinite, national[i] > 0 else {
                throw .invalidParameter(name: name("national size", i), value: national[i],
                                        reason: "national sector sizes must be finite and > 0 (location quotients divide by them); drop or merge the sector")
            }
        }
        let regionalTotal = regional.reduce(0, +)
        guard regionalTotal > 0, regionalTotal.isFinite else {
            throw .invalidParameter(name: "regional total", value: regionalTotal,
                                    reason: "the regional sector sizes must have a positive, finite sum")
        }
        guard national.reduce(0, +).isFinite else {
            throw .invalidParameter(name: "national total", value: national.reduce(0, +),
                                    reason: "the national sector sizes must have a finite sum")
        }
        self.regional = regional
        self.national = national
        self.sectors = sectors
    }

    public var sectorCount: Int { national.count }
    /// xʳ = Σᵢ xʳᵢ.
    public var regionalTotal: Double { regional.reduce(0, +) }
    /// xⁿ = Σᵢ xⁿᵢ.
    public var nationalTotal: Double { national.reduce(0, +) }

    /// Simple location quotients SLQᵢ = (xʳᵢ / xʳ) / (xⁿᵢ / xⁿ): the sector's share of the
    /// regional economy over its share of the national one (Miller & Blair 2009, §8.3.1).
    /// SLQᵢ < 1 reads as "the region cannot supply all its own needs for i".
    /// - Complexity: O(n).
    public var simpleLocationQuotients: [Double] {
        let regionalTotal = self.regionalTotal
        let nationalTotal = self.nationalTotal
        return zip(regional, national).map { (r, n) in (r / regionalTotal) / (n / nationalTotal) }
    }

    /// Cross-industry location quotients CILQᵢⱼ = SLQᵢ / SLQⱼ = (xʳᵢ/xⁿᵢ) / (xʳⱼ/xⁿⱼ)
    /// (Miller & Blair 2009, §8.3.3): selling sector i relative to purchasing sector j. The
    /// diagonal is 1 by the formula; `RegionalSectorSizes.fleggLocationQuotients(delta:)` uses
    /// SLQᵢ there instead, following Flegg, Webber & Elliott (1995).
    /// - Throws: `invalidParameter` when a purchasing sector j has xʳⱼ = 0 (the quotient
    ///   divides by SLQⱼ): drop or merge the sector, or use SLQ.
    /// - Complexity: O(n²).
    public func crossIndustryLocationQuotients() throws(InputOutputError) -> Matrix {
        let slq = simpleLocationQuotients
        try requirePresentInRegion(slq, formula: "CILQ")
        let n = sectorCount
        var quotients = Matrix(rows: n, columns: n)
        for j in 0..<n {
            for i in 0..<n { quotients[i, j] = i == j ? 1 : slq[i] / slq[j] }
        }
        return quotients
    }

    /// Flegg's regional-size factor λ* = [log₂(1 + xʳ/xⁿ)]^δ (Flegg, Webber & Elliott 1995,
    /// Regional Studies 29(6), pp. 547–561; Flegg & Webber 1997, Regional Studies 31(8),
    /// pp. 795–805). It lies in
    /// (0, 1] for xʳ ≤ xⁿ and shrinks with the region's size: small regions import more.
    /// λ* = 1 for δ = 0 (no size adjustment, FLQ = CILQ off the diagonal).
    /// - Throws: `invalidParameter` for δ outside [0, 1) or xʳ > xⁿ (different units, or a
    ///   "region" larger than its nation).
    /// - Complexity: O(n) (the totals).
    public func regionalSizeFactor(delta: Double) throws(InputOutputError) -> Double {
        guard delta.isFinite, delta >= 0, delta < 1 else {
            throw .invalidParameter(name: "FLQ δ", value: delta, reason: "δ must lie in [0, 1); Flegg & Webber (1997) suggest about 0.3")
        }
        let regionalTotal = self.regionalTotal
        let nationalTotal = self.nationalTotal
        guard regionalTotal <= nationalTotal else {
            throw .invalidParameter(
                name: "regional total", value: regionalTotal,
                reason: "exceeds the national total \(nationalTotal); FLQ's regional-size factor needs both in the same unit and the region inside the nation")
        }
        return pow(log2(1 + regionalTotal / nationalTotal), delta)
    }

    /// Flegg location quotients (Flegg, Webber & Elliott 1995; Flegg & Webber 1997):
    ///
    ///     FLQᵢⱼ = CILQᵢⱼ · λ*   for i ≠ j,
    ///     FLQᵢᵢ = SLQᵢ · λ*,     λ* = [log₂(1 + xʳ/xⁿ)]^δ, 0 ≤ δ < 1.
    ///
    /// - Throws: `invalidParameter` for δ outside [0, 1), xʳ > xⁿ, or a sector with xʳⱼ = 0.
    /// - Complexity: O(n²).
    public func fleggLocationQuotients(delta: Double) throws(InputOutputError) -> Matrix {
        let lambda = try regionalSizeFactor(delta: delta)
        let slq = simpleLocationQuotients
        try requirePresentInRegion(slq, formula: "FLQ")
        let n = sectorCount
        var quotients = Matrix(rows: n, columns: n)
        for j in 0..<n {
            for i in 0..<n { quotients[i, j] = (i == j ? slq[i] : slq[i] / slq[j]) * lambda }
        }
        return quotients
    }

    /// Augmented Flegg location quotients (Flegg & Webber 2000, Regional Studies 34(6),
    /// pp. 563–569, after McCann & Dewhurst 1998, Regional Studies 32(5), pp. 435–444): a specialised purchasing sector
    /// buys more of its inputs locally, so
    ///
    ///     AFLQᵢⱼ = FLQᵢⱼ · log₂(1 + SLQⱼ)   when SLQⱼ > 1,
    ///     AFLQᵢⱼ = FLQᵢⱼ                     otherwise,
    ///
    /// for every i, the diagonal included. Since log₂(1 + SLQⱼ) > 1 when SLQⱼ > 1, AFLQ ≥ FLQ.
    /// - Throws: as `fleggLocationQuotients(delta:)`.
    /// - Complexity: O(n²).
    public func augmentedFleggLocationQuotients(delta: Double) throws(InputOutputError) -> Matrix {
        var quotients = try fleggLocationQuotients(delta: delta)
        let slq = simpleLocationQuotients
        for j in 0..<sectorCount where slq[j] > 1 {
            let specialisation = log2(1 + slq[j])
            for i in 0..<sectorCount { quotients[i, j] *= specialisation }
        }
        return quotients
    }

    /// The quotients of `method`, as a vector (SLQ) or a matrix (the others). The single
    /// entry point the CLI calls.
    /// - Complexity: O(n) for SLQ, O(n²) otherwise.
    public func locationQuotients(_ method: LocationQuotientMethod) throws(InputOutputError) -> LocationQuotients {
        switch method {
        case .slq: return .bySellingSector(simpleLocationQuotients)
        case .cilq: return .bySectorPair(try crossIndustryLocationQuotients())
        case let .flq(delta): return .bySectorPair(try fleggLocationQuotients(delta: delta))
        case let .aflq(delta): return .bySectorPair(try augmentedFleggLocationQuotients(delta: delta))
        }
    }

    /// Regional technical coefficients aʳᵢⱼ = aⁿᵢⱼ · min(1, LQᵢⱼ) from national ones, with the
    /// location quotients of `method` (see `RegionalCoefficients`).
    /// - Throws: the quotients' errors, and `regionalize(nationalTechnicalCoefficients:with:)`'s.
    /// - Complexity: O(n²).
    public func regionalCoefficients(
        nationalTechnicalCoefficients: Matrix, method: LocationQuotientMethod
    ) throws(InputOutputError) -> RegionalCoefficients {
        let quotients = try locationQuotients(method)
        return try RegionalCoefficients.regionalize(
            nationalTechnicalCoefficients: nationalTechnicalCoefficients, with: quotients, method: method)
    }

    /// CILQ, FLQ and AFLQ divide by SLQⱼ: every sector must be present in the region.
    private func requirePresentInRegion(_ slq: [Double], formula: String) throws(InputOutputError) {
        if let j = slq.firstIndex(where: { $0 <= 0 }) {
            let label = sectors.isEmpty ? "sector \(j) (0-based)" : "sector '\(sectors[j])'"
            throw .invalidParameter(
                name: "regional size of \(label)", value: regional[j],
                reason: "\(formula) divides by the purchasing sector's SLQ, which is 0 for a sector absent from the region; drop or merge the sector, or use SLQ")
        }
    }
}
