
/// Per-sector balance residuals of a table.
public struct BalanceReport: Sendable, Equatable {
    /// Row balance: (Σⱼ zᵢⱼ + Σ_c fᵢc) − xᵢ, per sector.
    public let rowResiduals: [InputOutputError.SectorResidual]
    /// Column balance: (Σᵢ zᵢⱼ + Σ_r wᵣⱼ) − xⱼ, per sector; empty when the table has no
    /// primary-input rows (then the column balance cannot be checked).
    public let columnResiduals: [InputOutputError.SectorResidual]

    public var largestRelativeRowResidual: Double { rowResiduals.map { abs($0.relative) }.max() ?? 0 }
    public var largestRelativeColumnResidual: Double { columnResiduals.map { abs($0.relative) }.max() ?? 0 }
}

extension IOTable {
    /// Row and column residuals relative to stated gross output. - Complexity: O(n²).
    public var balanceReport: BalanceReport {
        let rowTotals = zip(intermediate.rowSums, netFinalDemand).map(+)
        let rows = (0..<sectorCount).map { i in
            InputOutputError.SectorResidual(
                sector: sectors[i], residual: rowTotals[i] - output[i],
                relative: output[i] == 0 ? 0 : (rowTotals[i] - output[i]) / output[i])
        }
        guard !primaryInputRows.isEmpty else { return BalanceReport(rowResiduals: rows, columnResiduals: []) }
        let columnTotals = zip(intermediate.columnSums, columnClosingInputs).map(+)
        let columns = (0..<sectorCount).map { j in
            InputOutputError.SectorResidual(
                sector: sectors[j], residual: columnTotals[j] - output[j],
                relative: output[j] == 0 ? 0 : (columnTotals[j] - output[j]) / output[j])
        }
        return BalanceReport(rowResiduals: rows, columnResiduals: columns)
    }

    /// Checks the economics of the table, in this order: no negative intermediate flow,
    /// every sector has positive output, rows balance and columns balance within
    /// `tolerance` (relative to output).
    ///
    /// - Parameters:
    ///   - tolerance: largest accepted |residual| / output (default 1e-6).
    ///   - acceptImbalance: when true, imbalances are returned in the report instead of
    ///     thrown (the CLI's `--accept-imbalance`); other defects still throw.
    /// - Returns: the balance report, for the caller to print as a warning.
    /// A residual that is not finite (row or column sums overflowing double precision) is
    /// `nonFiniteTotal`, even with `acceptImbalance`: NaN compares false with any tolerance
    /// and would otherwise pass.
    /// - Throws: `negativeIntermediateFlow`, `zeroOutput`, `nonFiniteTotal`, `imbalance`
    ///   (worst sectors first).
    @discardableResult
    public func validate(tolerance: Double = 1e-6, acceptImbalance: Bool = false) throws(InputOutputError) -> BalanceReport {
        for j in 0..<sectorCount {
            for i in 0..<sectorCount where intermediate[i, j] < 0 {
                throw .negativeIntermediateFlow(from: sectors[i], to: sectors[j], value: intermediate[i, j])
            }
        }
        for j in 0..<sectorCount where !(output[j] > 0) { throw .zeroOutput(sector: sectors[j]) }
        let report = balanceReport
        for (kind, residuals) in [(InputOutputError.BalanceKind.rows, report.rowResiduals), (.columns, report.columnResiduals)] {
            if let bad = residuals.first(where: { !$0.residual.isFinite || !$0.relative.isFinite }) {
                throw .nonFiniteTotal(kind: kind, sector: bad.sector)
            }
        }
        guard !acceptImbalance else { return report }
        for (kind, residuals) in [(InputOutputError.BalanceKind.rows, report.rowResiduals), (.columns, report.columnResiduals)] {
            let failing = residuals.filter { !(abs($0.relative) <= tolerance) }.sorted { abs($0.relative) > abs($1.relative) }
            if !failing.isEmpty { throw .imbalance(kind: kind, residuals: failing, tolerance: tolerance) }
        }
        return report
    }
}
