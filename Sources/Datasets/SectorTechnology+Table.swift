import InputOutput
import LinearAlgebra

extension SectorTechnology {
    /// The same re-specification as the kernel's (`HanoiEconomyKernel.respecify`) on a table of
    /// flows: sector `sector` keeps its value added and takes the value-added ratio `ratio`, so
    /// its output becomes VA / ratio; its input column is the old one per unit of output times
    /// σ = (1 − ratio) / (1 − v) with `mix` applied to the domestic coefficients; its
    /// compensation and operating surplus keep their levels. Every other sector keeps its
    /// output: what it sells more (less) to `sector` comes out of (goes to) its exports, and
    /// `sector`'s own change of output goes to its exports too (its sales are re-specified next
    /// by `SalesStructure`). A ratio of 0 returns the table unchanged.
    /// - Complexity: O(n·(n + k)) for n sectors and k final-demand columns.
    func respecify(
        _ table: IOTable, sector: String, ratio: Double, mix: (SectorTechnology, inout [Double], Parts) throws(DatasetError) -> Void
    ) throws -> IOTable {
        guard ratio > 0 else { return table }
        let k = try table.sectorIndex(sector), n = table.sectorCount
        let x = table.output[k], valueAdded = table.valueAddedLevels[k]
        let sigma = try Self.inputScale(parentRatio: valueAdded / x, ratio: ratio)
        let newOutput = valueAdded / ratio
        let parts = Parts(
            agriculture: try table.sectorIndex("agriculture"), manufacturing: try table.sectorIndex("manufacturing"),
            services: [try table.sectorIndex("trade"), try table.sectorIndex("tourism"), try table.sectorIndex("other_services")])
        var column = (0..<n).map { table.intermediate[$0, k] / x * sigma }
        try mix(self, &column, parts)
        guard let exports = table.finalDemandColumns.firstIndex(where: { $0.kind == .exports }) else {
            throw DatasetError.infeasible(step: "\(sector) technology", reason: "the table lacks an exports column")
        }
        var z = table.intermediate, f = table.finalDemand, w = table.primaryInputs, output = table.output
        for i in 0..<n {
            z[i, k] = column[i] * newOutput
            f[i, exports] -= z[i, k] - table.intermediate[i, k]
        }
        f[k, exports] += newOutput - x
        for (r, row) in table.primaryInputRows.enumerated() where !row.kind.isValueAddedComponent && row.kind != .valueAdded {
            w[r, k] = table.primaryInputs[r, k] / x * sigma * newOutput
        }
        output[k] = newOutput
        return try IOTable(
            sectors: table.sectors, intermediate: z, finalDemandColumns: table.finalDemandColumns, finalDemand: f,
            primaryInputRows: table.primaryInputRows, primaryInputs: w, output: output,
            satelliteRows: table.satelliteRows, satellites: table.satellites)
    }
}
