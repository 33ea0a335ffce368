import LinearAlgebra

/// The supply-driven Ghosh model xᵀ = vᵀ·(I − B)⁻¹ = vᵀ·G with allocation coefficients
/// B = x̂⁻¹·Z (Ghosh 1958; Miller & Blair 2009, ch. 12). G = x̂⁻¹·L·x̂ (eq. 12.9), which
/// the tests check. Used for forward linkages and forward hypothetical extraction; as a
/// causal model it is implausible (Oosterhaven 1988), which is why grdp does not
/// simulate with it.
/// - Complexity: O(n³).
public struct GhoshModel: Sendable {
    public let allocationCoefficients: Matrix
    public let factorization: LUFactorization

    public init(table: IOTable) throws(InputOutputError) {
        let b = try table.allocationCoefficients()
        self.allocationCoefficients = b
        self.factorization = try linearAlgebra { () throws(LinearAlgebraError) in try LUFactorization(of: b.identityMinus()) }
    }

    /// G = (I − B)⁻¹.
    public func ghoshInverse() throws(InputOutputError) -> Matrix {
        try linearAlgebra { () throws(LinearAlgebraError) in try factorization.inverse() }
    }

    /// xᵀ = vᵀ·G for a row vector of primary inputs v (solves (I − B)ᵀ·x = v).
    public func totalOutput(forPrimaryInputs primaryInputs: [Double]) throws(InputOutputError) -> [Double] {
        try linearAlgebra { () throws(LinearAlgebraError) in try factorization.solve(primaryInputs, transpose: .transposed) }
    }
}
