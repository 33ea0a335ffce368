import LinearAlgebra

extension IOTable {
    /// A regional table estimated from this national table by location quotients, the
    /// non-survey method of Miller & Blair (2009, §8.3) completed into a balanced table:
    ///
    /// 1. Aʳ = Aⁿ ∘ min(1, LQ) with LQ by `method` from regional and national sizes in `measure`.
    /// 2. Regional output xʳ: the sizes themselves for `output`; otherwise xʳⱼ = sizeʳⱼ·xⁿⱼ/sizeⁿⱼ
    ///    (the nation's output per unit of the measure).
    /// 3. Zʳ = Aʳ·x̂ʳ; inputs bought outside the region, ((Aⁿ − Aʳ)·x̂ʳ) summed by column, become
    ///    an `imported_inputs` primary-input row; other primary inputs and satellites keep
    ///    their national coefficients: Wʳ = W·x̂ⁿ⁻¹·x̂ʳ.
    /// 4. Final demand for regional output is the remainder fʳ = xʳ − Zʳ·1, split into
    ///    local uses (each national domestic category's row scaled by the region's size
    ///    share s = Σxʳ/Σxⁿ and by the local supply share min(1, SLQᵢ)) and exports (the rest:
    ///    sales abroad and to the rest of the country). When local uses would exceed fʳᵢ
    ///    they are scaled down and exports are zero. National imports columns are dropped:
    ///    the regional table is in the "domestic flows" form, balanced by construction.
    ///
    /// Assumptions, stated: regional technology equals national technology; the region's
    /// final-demand pattern by product equals the nation's.
    /// - Throws: `dimensionMismatch`, `invalidParameter` (the quotient formulas' checks),
    ///   `missingValueAddedRow` (employment measure without an employment row), and
    ///   `invalidParameter` when a regional final demand would be negative.
    /// - Complexity: O(n²).
    public func regionalized(
        regionalSizes: [Double], measure: SectorSizeMeasure, method: LocationQuotientMethod
    ) throws(InputOutputError) -> IOTable {
        let n = sectorCount
        guard regionalSizes.count == n else { throw .dimensionMismatch(what: "regional sector sizes", expected: n, actual: regionalSizes.count) }
        let nationalSizes = try sectorSizes(measure)
        let sizes = try RegionalSectorSizes(regional: regionalSizes, national: nationalSizes, sectors: sectors)
        let nationalA = try technicalCoefficients()
        let regional = try sizes.regionalCoefficients(nationalTechnicalCoefficients: nationalA, method: method)
        let a = regional.technicalCoefficients
        let isOutput = if case .output = measure { true } else { false }
        let x: [Double] = (0..<n).map { j in
            isOutput ? regionalSizes[j] : (nationalSizes[j] > 0 ? regionalSizes[j] * output[j] / nationalSizes[j] : 0)
        }
        let z = try linearAlgebra { () throws(LinearAlgebraError) in try a.scalingColumns(by: x) }
        let scale = (0..<n).map { output[$0] > 0 ? x[$0] / output[$0] : 0 }
        var w = Matrix(rows: primaryInputRows.count + 1, columns: n)
        for j in 0..<n {
            for r in 0..<primaryInputRows.count { w[r, j] = primaryInputs[r, j] * scale[j] }
            var bought = 0.0
            for i in 0..<n { bought += (nationalA[i, j] - a[i, j]) * x[j] }
            w[primaryInputRows.count, j] = bought
        }
        // Merge into an existing imported-inputs row when the national table has one.
        var rows = primaryInputRows + [PrimaryInputRow(label: "imported_inputs", kind: .imports)]
        if let existing = primaryInputRows.firstIndex(where: { $0.kind == .imports }) {
            for j in 0..<n { w[existing, j] += w[primaryInputRows.count, j] }
            var trimmed = Matrix(rows: primaryInputRows.count, columns: n)
            for j in 0..<n { for r in 0..<primaryInputRows.count { trimmed[r, j] = w[r, j] } }
            w = trimmed
            rows = primaryInputRows
        }
        var e = satellites
        for j in 0..<n { for s in 0..<satelliteRows.count { e[s, j] *= scale[j] } }

        // Final demand: local categories scaled, exports the remainder.
        let localColumns = finalDemandColumns.enumerated().filter { $0.element.kind != .imports && $0.element.kind != .exports }
        var columns = localColumns.map(\.element)
        columns.append(FinalDemandColumn(label: "exports", kind: .exports))
        let sizeShare = x.reduce(0, +) / output.reduce(0, +)
        let slq = sizes.simpleLocationQuotients
        var f = Matrix(rows: n, columns: columns.count)
        let intermediateSales = z.rowSums
        for i in 0..<n {
            let remainder = x[i] - intermediateSales[i]
            guard remainder >= -1e-9 * max(x[i], 1) else {
                throw .invalidParameter(
                    name: "regional final demand for '\(sectors[i])'", value: remainder,
                    reason: "regional intermediate use exceeds regional output; the quotients or sizes are inconsistent (try another method or check the sizes)")
            }
            let local = localColumns.map { max(0, finalDemand[i, $0.offset]) * sizeShare * min(1, slq[i]) }
            let localTotal = local.reduce(0, +)
            let factor = localTotal > remainder && localTotal > 0 ? max(remainder, 0) / localTotal : 1
            for c in local.indices { f[i, c] = local[c] * factor }
            f[i, columns.count - 1] = max(remainder, 0) - localTotal * factor
        }
        return try IOTable(
            sectors: sectors, intermediate: z, finalDemandColumns: columns, finalDemand: f,
            primaryInputRows: rows, primaryInputs: w, output: x, satelliteRows: satelliteRows, satellites: e)
    }
}
