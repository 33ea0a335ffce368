
/// One family of multipliers, per sector (column) j.
public struct MultiplierFamily: Sendable, Equatable {
    public let name: String
    /// Simple (Type I, direct + indirect) multiplier: Σᵢ cᵢ·lᵢⱼ, with c the coefficient
    /// (1 for output, vᵢ for value added, wᵢ for income, eᵢ for employment).
    public let simple: [Double]
    /// Type I ratio multiplier: simple / cⱼ (nil for output, where it equals simple).
    public let typeI: [Double]?
    /// Total (Type II, with induced household spending) multiplier: Σᵢ≤ₙ cᵢ·l̄ᵢⱼ, or l̄ₙ₊₁,ⱼ for income.
    public let total: [Double]?
    /// Type II ratio multiplier: total / cⱼ.
    public let typeII: [Double]?
}

/// Output, value-added, income and employment multipliers (Miller & Blair 2009, ch. 6;
/// the ratio multipliers are RIMS II's and IMPLAN's "Type I/Type II" multipliers).
///
/// Output multipliers are the column sums of L. A sector's value-added multiplier is the
/// value added generated in the whole economy per unit of its final demand; it equals 1
/// for every sector (vᵀL = 1ᵀ, since vᵀ = 1ᵀ(I − A)) when there are no imported inputs or
/// product taxes, and falls short of 1 by the leakage otherwise. Type II families need compensation and a households column;
/// employment needs an "employment" satellite row; they are nil otherwise.
/// - Complexity: O(n²) for each family after the model's O(n³) LU (no inverse is formed).
public struct Multipliers: Sendable {
    public let sectors: [String]
    public let output: MultiplierFamily
    public let valueAdded: MultiplierFamily
    public let income: MultiplierFamily?
    public let employment: MultiplierFamily?

    /// Each family is a row vector times L (and times L̄ for Type II): cᵀL by one
    /// transposed solve on the model's LU factors, cᵀL̄ by bordering on that same row
    /// (`HouseholdClosureRows`), so neither inverse is formed and each family takes one solve. - Complexity: O(n²) per
    /// family after the model's LU.
    public init(model: LeontiefModel) throws(InputOutputError) {
        let table = model.table
        let n = table.sectorCount
        // Type II needs households closed: a compensation row and a households column. A table
        // without them has no Type II families; any other failure to close is an error.
        let closure = table.hasPrimaryInput(.compensation) && table.hasFinalDemand(.households)
            ? try HouseholdClosureRows(model: model) : nil

        func family(_ name: String, coefficients c: [Double]?, ratio: Bool, incomeRow: Bool = false) throws(InputOutputError) -> MultiplierFamily {
            let weights = c ?? [Double](repeating: 1, count: n)
            let simple = try model.transposedSolve(weights)
            // Σᵢ≤ₙ cᵢ·l̄ᵢⱼ = ([c; 0]ᵀL̄)ⱼ from cᵀL (the simple row, no second solve); the income
            // row l̄ₙ₊₁,ⱼ = (eₙ₊₁ᵀL̄)ⱼ, whose open part is 0ᵀL = 0.
            let total = closure.map { c in
                incomeRow ? c.rowTimesClosedInverse(openSolution: [Double](repeating: 0, count: n), households: 1).sectors
                    : c.rowTimesClosedInverse(openSolution: simple, households: 0).sectors
            }
            func divided(_ values: [Double]) -> [Double] { (0..<n).map { weights[$0] == 0 ? 0 : values[$0] / weights[$0] } }
            return MultiplierFamily(
                name: name, simple: simple, typeI: ratio ? divided(simple) : nil,
                total: total, typeII: ratio ? total.map(divided) : nil)
        }
        self.sectors = table.sectors
        self.output = try family("output", coefficients: nil, ratio: false)
        self.valueAdded = try family("value added", coefficients: try table.valueAddedCoefficients(), ratio: true)
        self.income = table.hasPrimaryInput(.compensation)
            ? try family("income", coefficients: try table.compensationCoefficients(), ratio: true, incomeRow: true) : nil
        self.employment = table.satellite("employment") == nil
            ? nil : try family("employment", coefficients: try table.satelliteCoefficients("employment"), ratio: true)
    }

    /// All available families in a fixed order: output, value added, income, employment.
    public var families: [MultiplierFamily] { [output, valueAdded] + [income, employment].compactMap { $0 } }
}
