import LinearAlgebra

extension IOTable {
    /// The table in domestic-flow form, for a table with competitive imports (one imports
    /// column, negative, as statistical offices publish when there is no import matrix).
    ///
    /// Import proportionality (the standard assumption without an import-use matrix; e.g.
    /// OECD IOT estimation, Miller & Blair 2009 §2.8): every domestic user of product i
    /// imports the same share μᵢ = mᵢ / (Σⱼ zᵢⱼ + Σ_c fᵢc) of it, over domestic uses (all
    /// final-demand columns except exports and imports). Then
    /// Zᵈ = (I − μ̂)·Z, domestic final uses (I − μ̂)·F, exports unchanged, the imports column
    /// removed, and the imported inputs Σᵢ μᵢ·zᵢⱼ added as an `imported_inputs` row, so the
    /// table still balances by rows and columns.
    /// - Throws: `invalidParameter` when a product's imports are not less than its domestic use.
    /// - Complexity: O(n²).
    public func domesticFlows() throws(InputOutputError) -> IOTable {
        guard hasFinalDemand(.imports) else { return self }
        let n = sectorCount
        let imports = finalDemand(of: .imports).map { -$0 }
        let domesticUseColumns = finalDemandColumns.indices.filter {
            finalDemandColumns[$0].kind != .imports && finalDemandColumns[$0].kind != .exports
        }
        let intermediateUse = intermediate.rowSums
        var importShare = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let use = intermediateUse[i] + domesticUseColumns.reduce(0.0) { $0 + finalDemand[i, $1] }
            guard use > 0, imports[i] < use else {
                throw .invalidParameter(
                    name: "imports of '\(sectors[i])'", value: imports[i],
                    reason: "imports must be less than the domestic use of the product (\(use)) for import proportionality")
            }
            importShare[i] = imports[i] / use
        }
        let z = try linearAlgebra { () throws(LinearAlgebraError) in try intermediate.scalingRows(by: importShare.map { 1 - $0 }) }
        let keptColumns = finalDemandColumns.indices.filter { finalDemandColumns[$0].kind != .imports }
        var f = Matrix(rows: n, columns: keptColumns.count)
        for (c, original) in keptColumns.enumerated() {
            let scale = finalDemandColumns[original].kind == .exports
            for i in 0..<n { f[i, c] = finalDemand[i, original] * (scale ? 1 : 1 - importShare[i]) }
        }
        let importedInputs = (0..<n).map { j in (0..<n).reduce(0.0) { $0 + importShare[$1] * intermediate[$1, j] } }
        var rows = primaryInputRows
        var w: Matrix
        if let existing = primaryInputRows.firstIndex(where: { $0.kind == .imports }) {
            w = primaryInputs
            for j in 0..<n { w[existing, j] += importedInputs[j] }
        } else {
            rows.append(PrimaryInputRow(label: "imported_inputs", kind: .imports))
            w = Matrix(rows: rows.count, columns: n)
            for j in 0..<n {
                for r in 0..<primaryInputRows.count { w[r, j] = primaryInputs[r, j] }
                w[rows.count - 1, j] = importedInputs[j]
            }
        }
        return try IOTable(
            sectors: sectors, intermediate: z, finalDemandColumns: keptColumns.map { finalDemandColumns[$0] }, finalDemand: f,
            primaryInputRows: rows, primaryInputs: w, output: output, satelliteRows: satelliteRows, satellites: satellites)
    }
}
