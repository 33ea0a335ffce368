/// Entry-wise arithmetic. Shapes are checked and mismatches thrown, never trapped.
extension Matrix {
    /// A + B, entry-wise. - Complexity: O(rows · columns).
    public func adding(_ other: Matrix) throws(LinearAlgebraError) -> Matrix {
        try combined(with: other, operation: "addition", +)
    }

    /// A − B, entry-wise.
    public func subtracting(_ other: Matrix) throws(LinearAlgebraError) -> Matrix {
        try combined(with: other, operation: "subtraction", -)
    }

    /// The Hadamard (entry-wise) product A ∘ B.
    public func hadamard(_ other: Matrix) throws(LinearAlgebraError) -> Matrix {
        try combined(with: other, operation: "Hadamard product", *)
    }

    /// s·A.
    public func scaled(by factor: Double) -> Matrix {
        var m = self
        for k in m.values.indices { m.values[k] *= factor }
        return m
    }

    /// I − A for a square A (the Leontief matrix when A holds technical coefficients).
    public func identityMinus() throws(LinearAlgebraError) -> Matrix {
        guard isSquare else { throw .notSquare(operation: "I − A", shape: shape) }
        var m = scaled(by: -1)
        for i in 0..<rows { m.values[i + i * rows] += 1 }
        return m
    }

    /// diag(d)·A: row i scaled by d[i]. - Complexity: O(rows · columns).
    public func scalingRows(by factors: [Double]) throws(LinearAlgebraError) -> Matrix {
        guard factors.count == rows else {
            throw .dimensionMismatch(operation: "diag(d)·A", left: .init(rows: factors.count, columns: factors.count), right: shape)
        }
        var m = self
        for j in 0..<columns {
            for i in 0..<rows { m.values[i + j * rows] *= factors[i] }
        }
        return m
    }

    /// A·diag(d): column j scaled by d[j].
    public func scalingColumns(by factors: [Double]) throws(LinearAlgebraError) -> Matrix {
        guard factors.count == columns else {
            throw .dimensionMismatch(operation: "A·diag(d)", left: shape, right: .init(rows: factors.count, columns: factors.count))
        }
        var m = self
        for j in 0..<columns {
            for i in 0..<rows { m.values[i + j * rows] *= factors[j] }
        }
        return m
    }

    /// Largest |aᵢⱼ − bᵢⱼ|: the distance tests compare against a stated tolerance.
    public func maxAbsoluteDifference(to other: Matrix) throws(LinearAlgebraError) -> Double {
        try subtracting(other).maxAbsoluteEntry
    }

    private func combined(
        with other: Matrix, operation: String, _ op: (Double, Double) -> Double
    ) throws(LinearAlgebraError) -> Matrix {
        guard rows == other.rows, columns == other.columns else {
            throw .dimensionMismatch(operation: operation, left: shape, right: other.shape)
        }
        var m = self
        for k in m.values.indices { m.values[k] = op(m.values[k], other.values[k]) }
        return m
    }
}
