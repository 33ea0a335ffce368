
extension IOTable {
    /// Every monetary block (Z, F, W, x) multiplied by `factor`, e.g. to change units or to
    /// rescale a table to a region's published size; satellites (persons) are unchanged.
    /// Coefficients and multipliers are invariant. - Complexity: O(n²).
    public func scaled(by factor: Double) throws(InputOutputError) -> IOTable {
        guard factor.isFinite, factor > 0 else {
            throw .invalidParameter(name: "scale factor", value: factor, reason: "must be finite and positive")
        }
        return try IOTable(
            sectors: sectors, intermediate: intermediate.scaled(by: factor), finalDemandColumns: finalDemandColumns,
            finalDemand: finalDemand.scaled(by: factor), primaryInputRows: primaryInputRows,
            primaryInputs: primaryInputs.scaled(by: factor), output: output.map { $0 * factor },
            satelliteRows: satelliteRows, satellites: satellites)
    }

    /// A copy with sectors relabelled (same order and count).
    public func relabelled(_ labels: [String]) throws(InputOutputError) -> IOTable {
        guard labels.count == sectorCount else { throw .dimensionMismatch(what: "sector labels", expected: sectorCount, actual: labels.count) }
        return try IOTable(
            sectors: labels, intermediate: intermediate, finalDemandColumns: finalDemandColumns, finalDemand: finalDemand,
            primaryInputRows: primaryInputRows, primaryInputs: primaryInputs, output: output,
            satelliteRows: satelliteRows, satellites: satellites)
    }
}
