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
/// - Complexity: one O(n³) factorisation per sector and kind, O(n⁴) for all sectors.
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
    /// Extraction results for every sector.
    public static func analyse(model: LeontiefModel) throws(InputOutputError) -> [ExtractionResult] {
        try (0..<model.sectorCount).map { k throws(InputOutputError) in try analyse(model: model, sector: k) }
    }

    /// Extraction results for sector index `k`.
    public static func analyse(model: LeontiefModel, sector k: Int) throws(InputOutputError) -> ExtractionResult {
        let table = model.table
        let n = table.sectorCount
        guard (0..<n).contains(k) else { throw .dimensionMismatch(what: "sector index", expected: n, actual: k) }
        let a = model.technicalCoefficients
        let x = table.output
        let totalOutput = x.reduce(0, +)
        let f = zip(x, table.intermediate.rowSums).map { $0 - $1 }

        // Complete: the (n−1)-sector economy without k.
        let kept = (0..<n).filter { $0 != k }
        var reduced = Matrix(rows: n - 1, columns: n - 1)
        for (jj, j) in kept.enumerated() { for (ii, i) in kept.enumerated() { reduced[ii, jj] = a[i, j] } }
        let reducedOutput = try solveLeontief(reduced, kept.map { f[$0] })
        let completeLoss = totalOutput - reducedOutput.reduce(0, +)

        // Backward: column k of A set to zero.
        var noPurchases = a
        for i in 0..<n { noPurchases[i, k] = 0 }
        let backwardLoss = totalOutput - (try solveLeontief(noPurchases, f)).reduce(0, +)

        // Forward: row k of B set to zero; xᵀ = vᵀ(I − B̄)⁻¹.
        var b = try table.allocationCoefficients()
        for j in 0..<n { b[k, j] = 0 }
        let primary = zip(x, table.intermediate.columnSums).map { $0 - $1 }
        let lu = try linearAlgebra { () throws(LinearAlgebraError) in try LUFactorization(of: b.identityMinus()) }
        let forwardOutput = try linearAlgebra { () throws(LinearAlgebraError) in try lu.solve(primary, transpose: .transposed) }
        let forwardLoss = totalOutput - forwardOutput.reduce(0, +)

        return ExtractionResult(
            sector: table.sectors[k], completeLoss: completeLoss, backwardLoss: backwardLoss, forwardLoss: forwardLoss,
            completeShare: completeLoss / totalOutput, backwardShare: backwardLoss / totalOutput,
            forwardShare: forwardLoss / totalOutput)
    }

    private static func solveLeontief(_ a: Matrix, _ f: [Double]) throws(InputOutputError) -> [Double] {
        guard a.rows > 0 else { return [] }
        return try linearAlgebra { () throws(LinearAlgebraError) in try LUFactorization(of: a.identityMinus()).solve(f) }
    }
}
