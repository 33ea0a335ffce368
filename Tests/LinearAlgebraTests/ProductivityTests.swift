import LinearAlgebra
import Testing

/// Hawkins–Simon check: ρ((c/n)·J) = c exactly, so the Collatz–Wielandt bracket from
/// y = (I − A)⁻¹1 must contain c (here it collapses to c: y is constant).
@Suite("Productivity (Hawkins–Simon)")
struct ProductivityTests {
    @Test("Productive uniform matrix: bracket contains ρ = c", arguments: [0.1, 0.6, 0.95])
    func productive(c: Double) throws {
        let a = Matrix(rows: 6, columns: 6, repeating: c / 6)
        let check = try ProductivityCheck(a)
        #expect(check.isProductive)
        let bounds = try #require(check.spectralRadiusBounds)
        #expect(bounds.lowerBound - 1e-12 <= c && c <= bounds.upperBound + 1e-12)
    }

    @Test("Unproductive matrices are recognised", arguments: [1.0, 1.3])
    func unproductive(c: Double) throws {
        let check = try ProductivityCheck(Matrix(rows: 4, columns: 4, repeating: c / 4))
        #expect(!check.isProductive)
        #expect(check.spectralRadiusBounds == nil)
    }

    /// A reducible, non-symmetric matrix: ρ = max diagonal block radius = 0.7.
    @Test("Bracket on a triangular matrix contains its spectral radius")
    func triangular() throws {
        let a = try Matrix(rows: [[0.7, 0.2, 0.1], [0, 0.3, 0.5], [0, 0, 0.2]])
        let check = try ProductivityCheck(a)
        let bounds = try #require(check.spectralRadiusBounds)
        let rho = try a.spectralRadius()
        #expect(abs(rho - 0.7) < 1e-12)
        #expect(bounds.contains(rho))
    }
}
