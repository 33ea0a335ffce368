
/// The coefficients a simulation needs of a regional economy, in flat column-major
/// arrays so that a Monte Carlo worker can refill them for every draw without
/// allocating (see the Hanoi kernel in Datasets):
///
/// - `technical`: A (n × n), `valueAddedRatios`: v, `compensation`: w, `importedInputs`: m per unit
///   of output; `output`: x and `valueAddedLevel`: VA = v ∘ x in the table's units;
/// - `consumerWeights`: household-consumption weights for the CPI reading of price shocks.
public struct EconomyCoefficients: Sendable, Equatable {
    public let sectorCount: Int
    public var technical: [Double]
    public var valueAddedRatios: [Double]
    public var compensation: [Double]
    public var importedInputs: [Double]
    public var output: [Double]
    public var valueAddedLevel: [Double]
    public var consumerWeights: [Double]

    public init(sectorCount n: Int) {
        sectorCount = n
        technical = [Double](repeating: 0, count: n * n)
        valueAddedRatios = [Double](repeating: 0, count: n)
        compensation = [Double](repeating: 0, count: n)
        importedInputs = [Double](repeating: 0, count: n)
        output = [Double](repeating: 0, count: n)
        valueAddedLevel = [Double](repeating: 0, count: n)
        consumerWeights = [Double](repeating: 0, count: n)
    }

    /// The coefficients of a table (consumer weights: its households column, negatives as 0).
    public init(table: IOTable) throws(InputOutputError) {
        let n = table.sectorCount
        self.init(sectorCount: n)
        technical = try table.technicalCoefficients().columnMajor
        valueAddedRatios = try table.valueAddedCoefficients()
        compensation = table.hasPrimaryInput(.compensation) ? try table.compensationCoefficients() : [Double](repeating: 0, count: n)
        importedInputs = zip(table.primaryInput(of: .imports), table.output).map { $0 / $1 }
        output = table.output
        valueAddedLevel = table.valueAddedLevels
        consumerWeights = table.finalDemand(of: .households).map { max($0, 0) }
    }

    /// aᵢⱼ.
    @inlinable public func coefficient(_ i: Int, _ j: Int) -> Double { technical[i + j * sectorCount] }
}
