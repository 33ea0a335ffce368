import LinearAlgebra

extension IOTable {
    /// Technical (input) coefficients A = Z·x̂⁻¹, aᵢⱼ = zᵢⱼ / xⱼ: the input from i per unit
    /// of j's output (Miller & Blair 2009, eq. 2.4). - Complexity: O(n²).
    /// - Throws: `zeroOutput` for a sector without positive output.
    public func technicalCoefficients() throws(InputOutputError) -> Matrix {
        try requirePositiveOutput()
        return try linearAlgebra { () throws(LinearAlgebraError) in try intermediate.scalingColumns(by: output.map { 1 / $0 }) }
    }

    /// Allocation (output) coefficients of the Ghosh model B = x̂⁻¹·Z, bᵢⱼ = zᵢⱼ / xᵢ: the share
    /// of i's output sold to j (Miller & Blair 2009, eq. 12.1). - Complexity: O(n²).
    public func allocationCoefficients() throws(InputOutputError) -> Matrix {
        try requirePositiveOutput()
        return try linearAlgebra { () throws(LinearAlgebraError) in try intermediate.scalingRows(by: output.map { 1 / $0 }) }
    }

    /// Value added per unit of output, vⱼ = VAⱼ / xⱼ.
    public func valueAddedCoefficients() throws(InputOutputError) -> [Double] {
        try requirePositiveOutput()
        return zip(valueAddedLevels, output).map { $0 / $1 }
    }

    /// All primary inputs per unit of output (value added, product taxes, imported
    /// inputs...): the cost shares that the Leontief price model carries, vᶜⱼ = Σ_r wᵣⱼ / xⱼ.
    public func primaryInputCoefficients() throws(InputOutputError) -> [Double] {
        try requirePositiveOutput()
        return zip(columnClosingInputs, output).map { $0 / $1 }
    }

    /// Compensation of employees per unit of output (household income coefficients).
    /// - Throws: `missingValueAddedRow` when the table has no compensation row.
    public func compensationCoefficients() throws(InputOutputError) -> [Double] {
        guard hasPrimaryInput(.compensation) else { throw .missingValueAddedRow(PrimaryInputKind.compensation.rawValue) }
        try requirePositiveOutput()
        return zip(primaryInput(of: .compensation), output).map { $0 / $1 }
    }

    /// Satellite intensity per unit of output (e.g. jobs per billion VND).
    public func satelliteCoefficients(_ label: String) throws(InputOutputError) -> [Double] {
        guard let values = satellite(label) else { throw .missingValueAddedRow(label) }
        try requirePositiveOutput()
        return zip(values, output).map { $0 / $1 }
    }

    func requirePositiveOutput() throws(InputOutputError) {
        for j in 0..<sectorCount where !(output[j] > 0) { throw .zeroOutput(sector: sectors[j]) }
    }
}
