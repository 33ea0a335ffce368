
extension IOTable {
    /// The table with its intermediate block Z rebalanced to new row and column totals: RAS
    /// (biproportional scaling, Miller & Blair 2009 §7.4) when Z and the targets are
    /// non-negative, else GRAS (Junius & Oosterhaven 2003, for negative entries). Final demand
    /// and primary inputs are kept; output becomes Z·1 + net final demand. Returns the
    /// balancing result (iterations, residuals) with the table.
    /// - Complexity: O(iterations · n²).
    /// - Throws: the balancing's `InputOutputError` (no convergence, inconsistent totals), or
    ///   the rebuilt table's.
    public func rebalanced(rowTargets: [Double], columnTargets: [Double]) throws -> (IOTable, BalancedMatrix) {
        let hasNegative = intermediate.columnMajor.contains { $0 < 0 } || (rowTargets + columnTargets).contains { $0 < 0 }
        let result = hasNegative
            ? try GRASBalancing().balance(intermediate, rowTargets: rowTargets, columnTargets: columnTargets)
            : try RASBalancing().balance(intermediate, rowTargets: rowTargets, columnTargets: columnTargets)
        let output = zip(result.matrix.rowSums, netFinalDemand).map(+)
        let rebuilt = try IOTable(
            sectors: sectors, intermediate: result.matrix, finalDemandColumns: finalDemandColumns,
            finalDemand: finalDemand, primaryInputRows: primaryInputRows, primaryInputs: primaryInputs,
            output: output, satelliteRows: satelliteRows, satellites: satellites)
        return (rebuilt, result)
    }
}
