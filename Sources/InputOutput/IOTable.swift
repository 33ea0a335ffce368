import LinearAlgebra

/// What a final-demand column is, so computations can find households (for Type II
/// closure), exports, investment, and the imports that close the row balance.
public enum FinalDemandKind: String, Sendable, CaseIterable, Codable {
    case households
    case government
    case grossFixedCapitalFormation = "gfcf"
    case inventories
    case exports
    /// Competitive imports, entered as negative numbers so that Z·1 + F·1 = x.
    case imports
    case other
}

/// What a primary-input (value-added block) row is.
public enum PrimaryInputKind: String, Sendable, CaseIterable, Codable {
    /// Compensation of employees (household income in the Type II closure).
    case compensation
    /// Taxes less subsidies on products: part of GDP, not of value added at basic prices.
    case productTaxes = "taxes_less_subsidies"
    /// Gross operating surplus and mixed income.
    case operatingSurplus = "operating_surplus"
    /// Other taxes less subsidies on production and other value-added items.
    case otherValueAdded = "other_value_added"
    /// A single value-added row (total). When present, component rows are its breakdown.
    case valueAdded = "value_added"
    /// Non-competitive imports of intermediate inputs, by using industry.
    case imports = "imported_inputs"
    /// Any other primary input (counted in the column balance only).
    case other

    /// Whether the row is a component of value added at basic prices.
    public var isValueAddedComponent: Bool {
        self == .compensation || self == .operatingSurplus || self == .otherValueAdded
    }
}

public struct FinalDemandColumn: Sendable, Equatable, Codable {
    public let label: String
    public let kind: FinalDemandKind
    public init(label: String, kind: FinalDemandKind) {
        self.label = label
        self.kind = kind
    }
}

public struct PrimaryInputRow: Sendable, Equatable, Codable {
    public let label: String
    public let kind: PrimaryInputKind
    public init(label: String, kind: PrimaryInputKind) {
        self.label = label
        self.kind = kind
    }
}

/// A symmetric input-output table (industry × industry or product × product) in the
/// layout of Miller & Blair (2009), ch. 2, and the OECD/GSO publications:
///
/// ```
///              sectors (j)    final demand (c)      total
/// sectors (i)  Z (n×n)        F (n×m), imports < 0  x
/// primary (r)  W (r×n)
/// output       xᵀ
/// satellite    E (s×n)        e.g. employment (persons)
/// ```
///
/// Row balance: Σⱼ zᵢⱼ + Σ_c fᵢc = xᵢ. Column balance: Σᵢ zᵢⱼ + Σ_r wᵣⱼ = xⱼ
/// (with a single value-added row, its components are memo items).
/// Construction checks shapes only; `balanceReport` and `validated` check the economics.
public struct IOTable: Sendable, Equatable {
    public let sectors: [String]
    /// Z: intermediate flows, zᵢⱼ = sales of sector i to sector j.
    public let intermediate: Matrix
    public let finalDemandColumns: [FinalDemandColumn]
    /// F: final demand, one column per `finalDemandColumns` entry.
    public let finalDemand: Matrix
    public let primaryInputRows: [PrimaryInputRow]
    /// W: primary inputs, one row per `primaryInputRows` entry.
    public let primaryInputs: Matrix
    /// x: gross output.
    public let output: [Double]
    public let satelliteRows: [String]
    /// E: satellite accounts (employment in persons, emissions, ...), one row each.
    public let satellites: Matrix

    public var sectorCount: Int { sectors.count }

    /// - Throws: `dimensionMismatch` when a block's shape does not fit the sector list.
    public init(
        sectors: [String], intermediate: Matrix,
        finalDemandColumns: [FinalDemandColumn], finalDemand: Matrix,
        primaryInputRows: [PrimaryInputRow], primaryInputs: Matrix,
        output: [Double], satelliteRows: [String] = [], satellites: Matrix? = nil
    ) throws(InputOutputError) {
        let n = sectors.count
        guard intermediate.rows == n, intermediate.columns == n else {
            throw .dimensionMismatch(what: "intermediate flows Z", expected: n * n, actual: intermediate.rows * intermediate.columns)
        }
        guard finalDemand.rows == n, finalDemand.columns == finalDemandColumns.count else {
            throw .dimensionMismatch(what: "final demand F", expected: n * finalDemandColumns.count, actual: finalDemand.rows * finalDemand.columns)
        }
        guard primaryInputs.columns == n, primaryInputs.rows == primaryInputRows.count else {
            throw .dimensionMismatch(what: "primary inputs W", expected: n * primaryInputRows.count, actual: primaryInputs.rows * primaryInputs.columns)
        }
        guard output.count == n else { throw .dimensionMismatch(what: "gross output x", expected: n, actual: output.count) }
        let satelliteMatrix = satellites ?? Matrix(rows: satelliteRows.count, columns: n)
        guard satelliteMatrix.columns == n, satelliteMatrix.rows == satelliteRows.count else {
            throw .dimensionMismatch(what: "satellite accounts", expected: n * satelliteRows.count, actual: satelliteMatrix.rows * satelliteMatrix.columns)
        }
        self.sectors = sectors
        self.intermediate = intermediate
        self.finalDemandColumns = finalDemandColumns
        self.finalDemand = finalDemand
        self.primaryInputRows = primaryInputRows
        self.primaryInputs = primaryInputs
        self.output = output
        self.satelliteRows = satelliteRows
        self.satellites = satelliteMatrix
    }

    /// Index of a sector by label.
    /// - Throws: `unknownSector` listing the known labels.
    public func sectorIndex(_ label: String) throws(InputOutputError) -> Int {
        guard let index = sectors.firstIndex(of: label) else { throw .unknownSector(label, known: sectors) }
        return index
    }

    /// Sum of the final-demand columns of `kind` (zeros when there is none).
    public func finalDemand(of kind: FinalDemandKind) -> [Double] {
        var total = [Double](repeating: 0, count: sectorCount)
        for (c, column) in finalDemandColumns.enumerated() where column.kind == kind {
            for i in 0..<sectorCount { total[i] += finalDemand[i, c] }
        }
        return total
    }

    /// Whether the table has a final-demand column of `kind`.
    public func hasFinalDemand(_ kind: FinalDemandKind) -> Bool {
        finalDemandColumns.contains { $0.kind == kind }
    }

    /// Sum of the primary-input rows of `kind` (zeros when there is none).
    public func primaryInput(of kind: PrimaryInputKind) -> [Double] {
        var total = [Double](repeating: 0, count: sectorCount)
        for (r, row) in primaryInputRows.enumerated() where row.kind == kind {
            for j in 0..<sectorCount { total[j] += primaryInputs[r, j] }
        }
        return total
    }

    public func hasPrimaryInput(_ kind: PrimaryInputKind) -> Bool {
        primaryInputRows.contains { $0.kind == kind }
    }

    /// Value added at basic prices by sector: the single value-added row when the table
    /// has one, otherwise the sum of compensation, operating surplus and other value added.
    public var valueAddedLevels: [Double] {
        if hasPrimaryInput(.valueAdded) { return primaryInput(of: .valueAdded) }
        var total = [Double](repeating: 0, count: sectorCount)
        for (r, row) in primaryInputRows.enumerated() where row.kind.isValueAddedComponent {
            for j in 0..<sectorCount { total[j] += primaryInputs[r, j] }
        }
        return total
    }

    /// Σ_c fᵢc over all final-demand columns, imports included (negative): the net final
    /// demand that, with Z, balances x.
    public var netFinalDemand: [Double] { finalDemand.rowSums }

    /// Final demand without the imports column: the demand the Leontief model is driven by
    /// when imports are competitive (Z holds domestic and imported inputs alike).
    public var finalDemandExcludingImports: [Double] {
        var total = [Double](repeating: 0, count: sectorCount)
        for (c, column) in finalDemandColumns.enumerated() where column.kind != .imports {
            for i in 0..<sectorCount { total[i] += finalDemand[i, c] }
        }
        return total
    }

    /// The primary inputs that close a column: all rows, except value-added components
    /// when a single value-added row is also present (they are its breakdown).
    var columnClosingInputs: [Double] {
        let hasTotal = hasPrimaryInput(.valueAdded)
        var total = [Double](repeating: 0, count: sectorCount)
        for (r, row) in primaryInputRows.enumerated() where !(hasTotal && row.kind.isValueAddedComponent) {
            for j in 0..<sectorCount { total[j] += primaryInputs[r, j] }
        }
        return total
    }

    /// Satellite row by label (e.g. "employment").
    public func satellite(_ label: String) -> [Double]? {
        satelliteRows.firstIndex(of: label).map { satellites.row($0) }
    }
}
