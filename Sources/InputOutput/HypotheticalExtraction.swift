import LinearAlgebra

/// The output lost if a sector is hypothetically removed from the economy
/// (Miller & Lahr 2001, "A taxonomy of extractions"; Dietzenbacher & van der Linden 1997;
/// Miller & Blair 2009, §12.2.5), with x = L·f and f = x − Z·1 the table's net final demand:
///
/// - complete: drop row and column k from A and fₖ from f; loss = 1ᵀx − 1ᵀx̄
///   (includes the sector's own output);
/// - backward: sector k buys no intermediate inputs (column k of A zeroed, f kept);
///   loss = 1ᵀx − 1ᵀx̄, the output that depends on k's purchases;
/// - forward: sector k sells no intermediate output (row k of the Ghosh B zeroed,
///   primary inputs vᵀ = xᵀ − 1ᵀZ kept); loss = 1ᵀx − x̄ᵀ1.
///
/// Each extracted economy differs from the full one by a rank-one change or a deleted
/// row and column, so its solution follows from L without a new factorisation
/// (Sherman–Morrison for backward and forward, the inverse of a principal submatrix
/// L₋ₖ₋ₖ − L₋ₖ,ₖ·Lₖ,₋ₖ / lₖₖ for complete). With cₖ = Σᵢ lᵢₖ the output multiplier,
/// lₖₖ the diagonal entry and (Lx)ₖ = Σⱼ lₖⱼ·xⱼ:
///
///     complete loss = xₖ · cₖ / lₖₖ
///     backward loss = xₖ · (cₖ − 1) / lₖₖ
///     forward loss  = ((Lx)ₖ − xₖ) / lₖₖ      (Ghosh G = x̂⁻¹Lx̂, so gₖₖ = lₖₖ)
///
/// lₖₖ ≥ 1 for a productive A, so the divisions are safe. The tests check the closed forms
/// against re-solving each extracted economy.
///
/// - Complexity: O(n²) per sector from the kept LU factors (one column and one row of L);
///   O(n³) for all sectors (one inverse), where re-solving would be O(n⁴).
public struct ExtractionResult: Sendable, Equatable {
    public let sector: String
    public let completeLoss: Double
    public let backwardLoss: Double
    public let forwardLoss: Double
    /// Each loss as a share of total output 1ᵀx.
    public let completeShare: Double
    public let backwardShare: Double
    public let forwardShare: Double
}

public enum HypotheticalExtraction {
    /// Extraction results for every sector, from one Leontief inverse.
    public static func analyse(model: LeontiefModel) throws(InputOutputError) -> [ExtractionResult] {
        let leontief = try model.leontiefInverse()
        let x = model.table.output
        let outputMultipliers = leontief.columnSums
        let outputReached = try linearAlgebra { () throws(LinearAlgebraError) in try leontief.multiplied(by: x) }
        return (0..<model.sectorCount).map { k in
            result(model: model, sector: k, outputMultiplier: outputMultipliers[k],
                   diagonal: leontief[k, k], outputReached: outputReached[k])
        }
    }

    /// Extraction results for sector index `k`: column k of L by one solve, row k by one
    /// transposed solve.
    public static func analyse(model: LeontiefModel, sector k: Int) throws(InputOutputError) -> ExtractionResult {
        let n = model.sectorCount
        guard (0..<n).contains(k) else { throw .dimensionMismatch(what: "sector index", expected: n, actual: k) }
        var unit = [Double](repeating: 0, count: n)
        unit[k] = 1
        let column = try model.totalOutput(for: unit)
        let row = try model.transposedSolve(unit)
        let outputReached = zip(row, model.table.output).reduce(0) { $0 + $1.0 * $1.1 }
        return result(model: model, sector: k, outputMultiplier: column.reduce(0, +),
                      diagonal: column[k], outputReached: outputReached)
    }

    private static func result(model: LeontiefModel, sector k: Int, outputMultiplier: Double,
                               diagonal: Double, outputReached: Double) -> ExtractionResult {
        let x = model.table.output
        let totalOutput = x.reduce(0, +)
        let completeLoss = x[k] * outputMultiplier / diagonal
        let backwardLoss = x[k] * (outputMultiplier - 1) / diagonal
        let forwardLoss = (outputReached - x[k]) / diagonal
        return ExtractionResult(
            sector: model.table.sectors[k], completeLoss: completeLoss, backwardLoss: backwardLoss, forwardLoss: forwardLoss,
            completeShare: completeLoss / totalOutput, backwardShare: backwardLoss / totalOutput,
            forwardShare: forwardLoss / totalOutput)
    }
}
