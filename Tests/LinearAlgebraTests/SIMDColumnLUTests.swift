import LinearAlgebra
import TestSupport
import Testing

/// The SIMD column LU must give the scalar `SmallLUFactorization`'s factors, pivots and
/// solutions bit for bit (tolerance: none, the bit patterns are compared), for every order it
/// holds (1…8), on random diagonally dominant matrices (no row interchanges), on matrices
/// whose small diagonal forces interchanges at most steps, on matrices of small integers
/// (ties for the pivot, exact zeros that skip updates) and on Leontief matrices I − A.
@Suite("SIMD column LU")
struct SIMDColumnLUTests {
    enum Kind: CaseIterable { case wellConditioned, pivoting, ties, leontief }

    /// A random `n × n` matrix of the kind (column-major), and for `.leontief` A itself.
    static func matrix(_ kind: Kind, order n: Int, rng: inout SplitMix64) -> [Double] {
        var a = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            for i in 0..<n {
                switch kind {
                case .wellConditioned: a[i + n * j] = Double.random(in: -1...1, using: &rng) + (i == j ? Double(n) + 1 : 0)
                case .pivoting: a[i + n * j] = Double.random(in: -1...1, using: &rng) * (i == j ? 0.001 : 1)
                case .ties: a[i + n * j] = Double(Int.random(in: -2...2, using: &rng))
                case .leontief: a[i + n * j] = Double.random(in: 0...(0.8 / Double(n)), using: &rng) * (Int.random(in: 0..<4, using: &rng) == 0 ? 0 : 1)
                }
            }
        }
        return a
    }

    /// Factors `a` (or I − a) with both LUs; returns whether the scalar one succeeded.
    static func compare(_ a: [Double], order n: Int, identityMinus: Bool, rng: inout SplitMix64) throws -> Bool {
        var scalar = a
        if identityMinus { for j in 0..<n { for i in 0..<n { scalar[i + n * j] = (i == j ? 1 : 0) - a[i + n * j] } } }
        var pivots = [Int](repeating: 0, count: n)
        var simd = SIMDColumnLUFactorization(order: n)
        let scalarError: LinearAlgebraError?
        do {
            try scalar.withUnsafeMutableBufferPointer { f throws(LinearAlgebraError) in
                try pivots.withUnsafeMutableBufferPointer { p throws(LinearAlgebraError) in
                    try SmallLUFactorization.factor(f.baseAddress!, order: n, pivots: p.baseAddress!)
                }
            }
            scalarError = nil
        } catch { scalarError = error }
        let simdError: LinearAlgebraError?
        do {
            try a.withUnsafeBufferPointer { m throws(LinearAlgebraError) in
                if identityMinus { try simd.factorIdentityMinus(m.baseAddress!) } else { try simd.factor(m.baseAddress!) }
            }
            simdError = nil
        } catch { simdError = error }
        #expect(simdError == scalarError)
        guard scalarError == nil, simdError == nil else { return false }
        let (factors, simdPivots) = simd.factorsColumnMajor
        #expect(simdPivots == pivots)
        #expect(factors.map(\.bitPattern) == scalar.map(\.bitPattern))
        // Three right-hand sides, one with zero entries (the solves skip their updates).
        let columns = 3
        var b = (0..<(columns * n)).map { _ in Double.random(in: -2...2, using: &rng) }
        for i in stride(from: 0, to: n, by: 2) { b[2 * n + i] = 0 }
        for transpose in [Transpose.none, .transposed] {
            var x = b, y = b
            scalar.withUnsafeBufferPointer { f in
                pivots.withUnsafeBufferPointer { p in
                    x.withUnsafeMutableBufferPointer { xb in
                        SmallLUFactorization.solve(factors: f.baseAddress!, order: n, pivots: p.baseAddress!, xb.baseAddress!, columns: columns, transpose: transpose)
                    }
                }
            }
            y.withUnsafeMutableBufferPointer { simd.solve($0.baseAddress!, columns: columns, transpose: transpose) }
            #expect(y.map(\.bitPattern) == x.map(\.bitPattern), "order \(n), \(transpose)")
        }
        return true
    }

    @Test("Factors and solutions equal the scalar LU's bit for bit", arguments: 1...SIMDColumnLUFactorization.maximumOrder)
    func bitForBit(order n: Int) throws {
        var rng = SplitMix64(seed: 7919 &* UInt64(n))
        var factored = 0
        for kind in Kind.allCases {
            for _ in 0..<50 {
                let a = Self.matrix(kind, order: n, rng: &rng)
                if try Self.compare(a, order: n, identityMinus: kind == .leontief, rng: &rng) { factored += 1 }
            }
        }
        // Only some of the small-integer matrices may be singular.
        #expect(factored >= 150)
    }

    @Test("A pivoting-heavy matrix does interchange rows")
    func interchanges() throws {
        var rng = SplitMix64(seed: 12)
        let n = 7
        let a = Self.matrix(.pivoting, order: n, rng: &rng)
        var simd = SIMDColumnLUFactorization(order: n)
        try a.withUnsafeBufferPointer { m throws(LinearAlgebraError) in try simd.factor(m.baseAddress!) }
        let pivots = simd.factorsColumnMajor.pivots
        #expect(pivots.indices.filter { pivots[$0] != $0 }.count >= 3)
    }

    @Test("A singular matrix reports its pivot; an order outside 1…8 is refused")
    func refusals() {
        var simd = SIMDColumnLUFactorization(order: 2)
        let singular: [Double] = [1, 2, 2, 4]  // columns (1, 2) and (2, 4)
        #expect(throws: LinearAlgebraError.singular(pivot: 2)) {
            try singular.withUnsafeBufferPointer { m throws(LinearAlgebraError) in try simd.factor(m.baseAddress!) }
        }
        var tooLarge = SIMDColumnLUFactorization(order: 9)
        let identity = [Double](repeating: 0, count: 81)
        #expect(throws: LinearAlgebraError.self) {
            try identity.withUnsafeBufferPointer { m throws(LinearAlgebraError) in try tooLarge.factorIdentityMinus(m.baseAddress!) }
        }
    }
}
