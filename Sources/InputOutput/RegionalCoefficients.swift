import LinearAlgebra

/// Regional technical coefficients estimated from national ones with location quotients
/// (Miller & Blair 2009, §8.3):
///
///     aʳᵢⱼ = aⁿᵢⱼ · min(1, LQᵢⱼ),
///
/// where min(1, LQᵢⱼ) is the regional purchase coefficient: the share of sector j's purchases
/// of i that the region supplies itself, the rest being imported from other regions or
/// abroad. A quotient ≥ 1 means the region is taken to be self-sufficient in i (no
/// adjustment, never an increase), so aʳᵢⱼ ≤ aⁿᵢⱼ always. A vector of quotients (SLQ)
/// applies to whole rows: aʳᵢⱼ = aⁿᵢⱼ · min(1, SLQᵢ).
public struct RegionalCoefficients: Sendable, Equatable {
    /// The method the quotients came from (`nil` when the caller supplied its own quotients).
    public let method: LocationQuotientMethod?
    /// LQᵢⱼ as an n×n matrix (SLQ repeated along rows).
    public let locationQuotients: Matrix
    /// min(1, LQᵢⱼ): the share of the regional use of i by j supplied within the region.
    public let regionalPurchaseCoefficients: Matrix
    /// Aʳ = Aⁿ ∘ min(1, LQ): the regional (domestic-to-the-region) technical coefficients.
    public let technicalCoefficients: Matrix

    /// Regionalises `nationalTechnicalCoefficients` with `quotients` (a vector applies row-wise).
    ///
    /// - Parameters:
    ///   - nationalTechnicalCoefficients: Aⁿ, n×n, finite and ≥ 0.
    ///   - quotients: n quotients (by selling sector) or an n×n matrix, finite and ≥ 0.
    ///   - method: recorded in the result; pass `nil` for quotients from elsewhere.
    /// - Throws: `dimensionMismatch` when the shapes differ; `invalidParameter` for a negative
    ///   or non-finite coefficient or quotient.
    /// - Complexity: O(n²).
    public static func regionalize(
        nationalTechnicalCoefficients: Matrix, with quotients: LocationQuotients,
        method: LocationQuotientMethod? = nil
    ) throws(InputOutputError) -> RegionalCoefficients {
        let national = nationalTechnicalCoefficients
        let n = national.rows
        guard national.columns == n else {
            throw .dimensionMismatch(what: "national technical coefficients (square)", expected: n * n, actual: national.rows * national.columns)
        }
        let quotientMatrix = quotients.matrix
        guard quotientMatrix.rows == n, quotientMatrix.columns == n else {
            let (expected, actual): (Int, Int)
            switch quotients {
            case let .bySellingSector(vector): (expected, actual) = (n, vector.count)
            case let .bySectorPair(matrix): (expected, actual) = (n * n, matrix.rows * matrix.columns)
            }
            throw .dimensionMismatch(what: "location quotients for \(n) sectors", expected: expected, actual: actual)
        }
        var purchaseCoefficients = Matrix(rows: n, columns: n)
        var regional = Matrix(rows: n, columns: n)
        for j in 0..<n {
            for i in 0..<n {
                let coefficient = national[i, j]
                guard coefficient.isFinite, coefficient >= 0 else {
                    throw .invalidParameter(name: "national technical coefficient [\(i), \(j)] (0-based)", value: coefficient,
                                            reason: "technical coefficients must be finite and ≥ 0")
                }
                let quotient = quotientMatrix[i, j]
                guard quotient.isFinite, quotient >= 0 else {
                    throw .invalidParameter(name: "location quotient [\(i), \(j)] (0-based)", value: quotient,
                                            reason: "location quotients must be finite and ≥ 0")
                }
                let share = min(1, quotient)
                purchaseCoefficients[i, j] = share
                regional[i, j] = coefficient * share
            }
        }
        return RegionalCoefficients(
            method: method, locationQuotients: quotientMatrix,
            regionalPurchaseCoefficients: purchaseCoefficients, technicalCoefficients: regional)
    }
}

/// Which national sector sizes an `IOTable` supplies to the location quotients. The
/// regional sizes passed alongside must be of the same measure and unit.
public enum SectorSizeMeasure: Sendable, Hashable {
    /// Gross output x.
    case output
    /// Value added at basic prices (`IOTable.valueAddedLevels`).
    case valueAdded
    /// A satellite row, e.g. `"employment"` (persons): the classic choice for FLQ work.
    case satellite(String)
}

extension IOTable {
    /// National sector sizes of `measure` from this table.
    /// - Throws: `missingValueAddedRow` naming a satellite row the table does not have.
    /// - Complexity: O(n).
    public func sectorSizes(_ measure: SectorSizeMeasure) throws(InputOutputError) -> [Double] {
        switch measure {
        case .output: return output
        case .valueAdded: return valueAddedLevels
        case let .satellite(label):
            guard let values = satellite(label) else { throw .missingValueAddedRow(label) }
            return values
        }
    }

    /// Regional technical coefficients from this national table:
    /// aʳᵢⱼ = aⁿᵢⱼ · min(1, LQᵢⱼ), with Aⁿ = `technicalCoefficients()` and the quotients of
    /// `method` computed from `regionalSizes` against this table's sizes of `measure`
    /// (see `RegionalSectorSizes`, `RegionalCoefficients`).
    ///
    /// ```swift
    /// let hanoi = try vietnam.regionalCoefficients(
    ///     regionalSizes: hanoiEmployment, measure: .satellite("employment"), method: .flq(delta: 0.3))
    /// ```
    /// - Throws: `zeroOutput` from the coefficients, and the errors of `RegionalSectorSizes`
    ///   and its quotients (lengths, signs, δ, units).
    /// - Complexity: O(n²).
    public func regionalCoefficients(
        regionalSizes: [Double], measure: SectorSizeMeasure, method: LocationQuotientMethod
    ) throws(InputOutputError) -> RegionalCoefficients {
        let sizes = try RegionalSectorSizes(regional: regionalSizes, national: try sectorSizes(measure), sectors: sectors)
        return try sizes.regionalCoefficients(nationalTechnicalCoefficients: try technicalCoefficients(), method: method)
    }
}
