import LinearAlgebra
import Testing

/// Every typed error is raised, with the details a user needs.
@Suite("Typed linear-algebra errors")
struct ErrorTests {
    @Test("Singular matrix reports the zero pivot")
    func singular() throws {
        // Second row is twice the first: elimination leaves U[2,2] = 0 (pivot 2, 1-based).
        let a = try Matrix(rows: [[1, 2], [2, 4]])
        #expect(throws: LinearAlgebraError.singular(pivot: 2)) { try LUFactorization(of: a) }
        #expect(throws: LinearAlgebraError.singular(pivot: 1)) { try LUFactorization(of: Matrix(rows: 3, columns: 3)) }
    }

    @Test("Not positive definite reports the failing column")
    func notPositiveDefinite() throws {
        // Leading minors: 1 > 0, 1·1 − 2·2 = −3 < 0: fails at order 2.
        let c = try Matrix(rows: [[1, 2, 0], [2, 1, 0], [0, 0, 1]])
        #expect(throws: LinearAlgebraError.notPositiveDefinite(column: 2)) { try CholeskyFactorization(of: c) }
    }

    @Test("Mismatched shapes report both shapes")
    func mismatch() throws {
        let a = Matrix(rows: 2, columns: 3), b = Matrix(rows: 2, columns: 3)
        #expect(throws: LinearAlgebraError.dimensionMismatch(
            operation: "matrix product", left: .init(rows: 2, columns: 3), right: .init(rows: 2, columns: 3))) {
            try a.multiplied(by: b)
        }
        #expect(throws: LinearAlgebraError.self) { try a.multiplied(by: [1, 2]) }
        #expect(throws: LinearAlgebraError.self) { try a.adding(Matrix(rows: 3, columns: 2)) }
        #expect(throws: LinearAlgebraError.notSquare(operation: "LU factorisation", shape: .init(rows: 2, columns: 3))) {
            try LUFactorization(of: a)
        }
        let lu = try LUFactorization(of: .identity(3))
        #expect(throws: LinearAlgebraError.self) { try lu.solve([1, 2]) }
        #expect(throws: LinearAlgebraError.storageSize(expected: 4, actual: 3)) {
            try Matrix(rows: 2, columns: 2, columnMajor: [1, 2, 3])
        }
        #expect(throws: LinearAlgebraError.self) { try Matrix(rows: [[1, 2], [3]]) }
    }

    @Test("NaN and infinite inputs are rejected with their position")
    func nonFinite() throws {
        var a = Matrix.identity(3)
        a[2, 1] = .nan
        #expect(throws: LinearAlgebraError.self) { try LUFactorization(of: a) }
        let error = #expect(throws: LinearAlgebraError.self) { try CholeskyFactorization(of: a) }
        if case let .nonFinite(row, column, value)? = error {
            #expect(row == 2 && column == 1 && value.isNaN)
        } else {
            Issue.record("expected nonFinite, got \(String(describing: error))")
        }
        a[2, 1] = .infinity
        #expect(throws: LinearAlgebraError.nonFinite(row: 2, column: 1, value: .infinity)) { try ProductivityCheck(a) }
        #expect(throws: LinearAlgebraError.self) { try a.spectralRadius() }
    }

    @Test("Productivity check needs a non-negative matrix")
    func negative() throws {
        let a = try Matrix(rows: [[0.1, -0.2], [0.1, 0.1]])
        #expect(throws: LinearAlgebraError.negativeEntry(row: 0, column: 1, value: -0.2)) { try ProductivityCheck(a) }
    }

    @Test("Error descriptions are one readable line")
    func descriptions() {
        let text = LinearAlgebraError.singular(pivot: 3).description
        #expect(text.contains("pivot") && text.contains("3") && !text.contains("\n"))
        #expect(LinearAlgebraError.dimensionMismatch(operation: "x", left: .init(rows: 2, columns: 3), right: .init(rows: 4, columns: 5)).description.contains("2×3"))
    }
}
