import LinearAlgebra

/// The demand-driven Leontief model x = (I − A)⁻¹·f = L·f built once from a table:
/// technical coefficients A and the LU factors of I − A, reused for every solve.
///
/// Construction runs the productivity (Hawkins–Simon) check first, on the same LU
/// factors: ρ(A) < 1 ⇔ y = (I − A)⁻¹·1 > 0 (see `ProductivityCheck`), so an
/// unproductive table fails with a clear error before any result is computed.
///
/// Source: Miller & Blair (2009), *Input-Output Analysis*, 2nd ed., ch. 2.
/// - Complexity: O(n³) to build (one LU); O(n²) per solved demand vector; O(n³) for L.
public struct LeontiefModel: Sendable {
    public let table: IOTable
    /// A = Z·x̂⁻¹.
    public let technicalCoefficients: Matrix
    /// LU factors of I − A.
    public let factorization: LUFactorization
    /// Collatz–Wielandt bracket on ρ(A) from the productivity check.
    public let spectralRadiusBounds: ClosedRange<Double>

    public init(table: IOTable) throws(InputOutputError) {
        // A and I − A in one pass (`leontiefMatrices()`): the same matrices and errors as
        // `init(table:technicalCoefficients: table.technicalCoefficients())`.
        let (a, leontief, firstNegative) = try table.leontiefMatrices()
        if let (i, j) = firstNegative {
            throw .negativeIntermediateFlow(from: table.sectors[i], to: table.sectors[j], value: a[i, j])
        }
        try self.init(table: table, technicalCoefficients: a, factoring: consume leontief)
    }

    /// A model over given coefficients (e.g. after a technology change), keeping `table`
    /// for labels, final demand and primary inputs.
    public init(table: IOTable, technicalCoefficients a: Matrix) throws(InputOutputError) {
        guard a.rows == table.sectorCount, a.columns == table.sectorCount else {
            throw .dimensionMismatch(what: "technical coefficients", expected: table.sectorCount * table.sectorCount, actual: a.rows * a.columns)
        }
        for j in 0..<a.columns {
            for i in 0..<a.rows where a[i, j] < 0 {
                throw .negativeIntermediateFlow(from: table.sectors[i], to: table.sectors[j], value: a[i, j])
            }
        }
        try self.init(table: table, technicalCoefficients: a, factoring: try linearAlgebra { () throws(LinearAlgebraError) in try a.identityMinus() })
    }

    /// The model over coefficients `a` already checked (square, no negative entry), with
    /// `leontief` = I − A factored in its own storage.
    private init(table: IOTable, technicalCoefficients a: Matrix, factoring leontief: consuming Matrix) throws(InputOutputError) {
        let lu: LUFactorization
        do {
            lu = try LUFactorization(of: consume leontief)
        } catch .singular {
            throw .notProductive(spectralRadiusAtLeast: 1)
        } catch {
            throw .linearAlgebra(error)
        }
        let y = try linearAlgebra { () throws(LinearAlgebraError) in try lu.solve([Double](repeating: 1, count: a.rows)) }
        guard y.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw .notProductive(spectralRadiusAtLeast: try? a.spectralRadius())
        }
        self.table = table
        self.technicalCoefficients = a
        self.factorization = lu
        let lower = 1 - 1 / (y.min() ?? 1), upper = 1 - 1 / (y.max() ?? 1)
        self.spectralRadiusBounds = max(0, lower)...max(0, upper)
    }

    public var sectorCount: Int { table.sectorCount }

    /// L = (I − A)⁻¹ (dgetri on the kept factors). Form it only when all of it is needed.
    /// - Complexity: O(n³).
    public func leontiefInverse() throws(InputOutputError) -> Matrix {
        try linearAlgebra { () throws(LinearAlgebraError) in try factorization.inverse() }
    }

    /// x = L·f by one solve (no inverse). - Complexity: O(n²).
    public func totalOutput(for finalDemand: [Double]) throws(InputOutputError) -> [Double] {
        guard finalDemand.count == sectorCount else {
            throw .dimensionMismatch(what: "final demand vector", expected: sectorCount, actual: finalDemand.count)
        }
        return try linearAlgebra { () throws(LinearAlgebraError) in try factorization.solve(finalDemand) }
    }

    /// X = L·F for many demand vectors at once (one dgetrs call). - Complexity: O(n²·k).
    public func totalOutput(for finalDemands: Matrix) throws(InputOutputError) -> Matrix {
        guard finalDemands.rows == sectorCount else {
            throw .dimensionMismatch(what: "final demand matrix rows", expected: sectorCount, actual: finalDemands.rows)
        }
        return try linearAlgebra { () throws(LinearAlgebraError) in try factorization.solve(finalDemands) }
    }

    /// pᵀ = vᵀ·L, i.e. solves (I − A)ᵀ·p = v: the row-vector form used by the price
    /// model and value-added multipliers. - Complexity: O(n²).
    public func transposedSolve(_ rowVector: [Double]) throws(InputOutputError) -> [Double] {
        guard rowVector.count == sectorCount else {
            throw .dimensionMismatch(what: "row vector", expected: sectorCount, actual: rowVector.count)
        }
        return try linearAlgebra { () throws(LinearAlgebraError) in try factorization.solve(rowVector, transpose: .transposed) }
    }

    /// 1/κ₁(I − A); warn when it is below ~1e-12 (results have lost most digits).
    public var reciprocalConditionNumber: Double { factorization.reciprocalConditionNumber }
}
