
/// The effect of a change in final demand Δf, sector by sector (Miller & Blair 2009,
/// §2.3 and §6.2): Δx = L·Δf (one solve), induced value added v̂·Δx, income ŵ·Δx and
/// employment ê·Δx; with households closed, the total (direct + indirect + induced)
/// effects from L̄ and the induced part as their difference.
public struct DemandImpact: Sendable {
    public let sectors: [String]
    public let demandChange: [Double]
    /// Direct + indirect (Type I).
    public let output: [Double]
    public let valueAddedChanges: [Double]
    public let income: [Double]?
    public let employment: [Double]?
    /// Direct + indirect + induced (Type II); nil when the table has no compensation row or no
    /// households column, or `includeInduced` is false.
    public let outputWithInduced: [Double]?
    public let valueAddedChangesWithInduced: [Double]?

    /// - Throws: what `HouseholdClosure(model:)` throws for a table that has a compensation row
    ///   and a households column but cannot be closed (`invalidParameter` for zero household
    ///   income, `notProductive`).
    /// - Complexity: O(n²) given the model's factors (plus O(n³) once for the closure).
    public init(model: LeontiefModel, demandChange: [Double], includeInduced: Bool = true) throws(InputOutputError) {
        let table = model.table
        let n = table.sectorCount
        let dx = try model.totalOutput(for: demandChange)
        let v = try table.valueAddedCoefficients()
        self.sectors = table.sectors
        self.demandChange = demandChange
        self.output = dx
        self.valueAddedChanges = (0..<n).map { v[$0] * dx[$0] }
        self.income = table.hasPrimaryInput(.compensation) ? zip(try table.compensationCoefficients(), dx).map(*) : nil
        self.employment = table.satellite("employment") == nil ? nil : zip(try table.satelliteCoefficients("employment"), dx).map(*)
        // Induced effects need households closed: a compensation row and a households column. A
        // table without them has none (as `Multipliers` has no Type II families); any other failure
        // to close (no household income, an unproductive closed model) is an error.
        if includeInduced, table.hasPrimaryInput(.compensation), table.hasFinalDemand(.households) {
            let closure = try HouseholdClosure(model: model)
            let closedOutput = Array(try closure.totalOutputAndIncome(for: demandChange).prefix(n))
            self.outputWithInduced = closedOutput
            self.valueAddedChangesWithInduced = (0..<n).map { v[$0] * closedOutput[$0] }
        } else {
            self.outputWithInduced = nil
            self.valueAddedChangesWithInduced = nil
        }
    }
}
