import LinearAlgebra
import TestSupport
import Testing

/// `SmallLUFactorization.factorOrderSeven` must give, bit for bit (tolerance: none, the bit
/// patterns are compared), the factors and pivots of forming I − A as `LeontiefFactors` did,
/// `(i == j ? 1 : 0) − aᵢⱼ`, and calling the general `factor`, and the permutation and
/// reciprocals of `prepareOrderSeven` on them; a singular I − A must throw the same error.
/// The matrices: random; a small diagonal (a row interchange at most steps); permutation-like
/// (an interchange at every step); Leontief-like (nonnegative A with column sums below 1, no
/// interchange: the model's case); sparse (exact zeros in U, which the updates skip); NaN and
/// infinite entries; and singular ones (a zero column, a zero row, a zero diagonal entry of an
/// upper-triangular matrix, I − A = 0). NaNs are compared as NaN, not by sign and payload (`bits`).
@Suite("Small-matrix LU, order-7 factorisation")
struct SmallLUOrderSevenFactorTests {
    enum Shape: CaseIterable {
        case random, smallDiagonal, permutationLike, leontiefLike, sparse, nonFinite
        case zeroColumn, zeroRow, zeroDiagonalUpperTriangular, identity
    }

    /// A matrix M of the shape and A = I − M (so that I − A is M up to rounding of the diagonal).
    static func technical(_ shape: Shape, seed: UInt64) -> [Double] {
        var rng = SplitMix64(seed: seed)
        var m = (0..<49).map { _ in Double.random(in: -1...1, using: &rng) }
        let c = Int(seed % 7)
        switch shape {
        case .random, .nonFinite: break
        case .smallDiagonal: for i in 0..<7 { m[i + 7 * i] *= 1e-3 }
        case .permutationLike:
            // a dominant entry in row (j + 3) mod 7 of column j, tiny elsewhere
            for j in 0..<7 { for i in 0..<7 { m[i + 7 * j] *= i == (j + 3) % 7 ? 10 : 1e-4 } }
        case .leontiefLike:
            let a = (0..<49).map { _ in Double.random(in: 0...0.13, using: &rng) }
            return a
        case .sparse: for k in 0..<49 where k % 8 != 0 && Bool.random(using: &rng) { m[k] = 0 }
        case .zeroColumn: for i in 0..<7 { m[i + 7 * c] = 0 }
        case .zeroRow: for j in 0..<7 { m[c + 7 * j] = 0 }
        case .zeroDiagonalUpperTriangular:
            for j in 0..<7 { for i in (j + 1)..<max(7, j + 1) { m[i + 7 * j] = 0 } }
            m[c + 7 * c] = 0
        case .identity: m = [Double](repeating: 0, count: 49)
        }
        var a = (0..<49).map { k in (k % 8 == 0 ? 1 : 0) - m[k] }
        if shape == .nonFinite {
            a[Int(seed % 49)] = .nan
            a[Int((seed * 13 + 5) % 49)] = seed % 2 == 0 ? .infinity : -.infinity
        }
        return a
    }

    /// The bit pattern, with every NaN as the canonical quiet NaN: which operand's NaN an
    /// operation returns (x86 returns the first's, and invalid operations a negative NaN) is
    /// not kept by the compiler, which treats multiplication as commutative, so the NaNs' signs
    /// differ between optimisation levels even for the general `factor` alone.
    static func bits(_ x: Double) -> UInt64 { x.isNaN ? Double.nan.bitPattern : x.bitPattern }

    struct Outcome: Equatable {
        var factors: [UInt64]
        var pivots: [Int]
        var permutation: [Int] = []
        var reciprocals: [UInt64] = []
        var error: LinearAlgebraError?
    }

    /// I − A formed as `LeontiefFactors` forms it, then the general `factor` and `prepareOrderSeven`.
    static func general(_ a: [Double]) -> Outcome {
        var m = (0..<49).map { k in (k % 7 == k / 7 ? 1 : 0) - a[k] }
        var pivots = [Int](repeating: -1, count: 7)
        var permutation = [Int](repeating: -1, count: 7)
        var reciprocals = [Double](repeating: 0, count: 7)
        var error: LinearAlgebraError?
        m.withUnsafeMutableBufferPointer { f in
            pivots.withUnsafeMutableBufferPointer { p in
                do throws(LinearAlgebraError) {
                    try SmallLUFactorization.factor(f.baseAddress!, order: 7, pivots: p.baseAddress!)
                    SmallLUFactorization.prepareOrderSeven(
                        factors: f.baseAddress!, pivots: p.baseAddress!, permutation: &permutation, reciprocals: &reciprocals)
                } catch let failure { error = failure }
            }
        }
        if let error { return Outcome(factors: [], pivots: pivots, error: error) }
        return Outcome(factors: m.map(Self.bits), pivots: pivots, permutation: permutation, reciprocals: reciprocals.map(Self.bits))
    }

    /// `factorOrderSeven` into a buffer holding stale values (as from a previous draw).
    static func orderSeven(_ a: [Double]) -> Outcome {
        var factors = (0..<49).map { Double($0) - 17.5 }
        var pivots = [Int](repeating: -1, count: 7)
        var permutation = [Int](repeating: -1, count: 7)
        var reciprocals = [Double](repeating: 0, count: 7)
        do {
            try SmallLUFactorization.factorOrderSeven(
                identityMinus: a, factors: &factors, pivots: &pivots, permutation: &permutation, reciprocals: &reciprocals)
        } catch { return Outcome(factors: [], pivots: pivots, error: error) }
        return Outcome(
            factors: factors.map(Self.bits), pivots: pivots, permutation: permutation, reciprocals: reciprocals.map(Self.bits))
    }

    @Test("Equals the general factorisation bit for bit", arguments: Shape.allCases)
    func equalsGeneralFactor(shape: Shape) {
        var interchanges = 0, failures = 0
        for seed in UInt64(1)...60 {
            let a = Self.technical(shape, seed: seed * 977)
            let expected = Self.general(a)
            #expect(Self.orderSeven(a) == expected, "seed \(seed)")
            interchanges += expected.pivots.enumerated().filter { $0.offset != $0.element && $0.element >= 0 }.count
            if expected.error != nil { failures += 1 }
        }
        // The shapes take the paths they are meant to (interchanges, none, singular).
        switch shape {
        case .smallDiagonal, .permutationLike: #expect(interchanges >= 60 * 3)
        case .leontiefLike: #expect(interchanges == 0)
        case .zeroColumn, .zeroRow, .zeroDiagonalUpperTriangular, .identity: #expect(failures == 60)
        case .random, .sparse, .nonFinite: #expect(failures < 60)
        }
    }

    @Test("A zero column throws the general path's pivot")
    func singularPivot() {
        let a = Self.technical(.zeroColumn, seed: 3)  // column 3 of I − A is zero
        #expect(Self.orderSeven(a).error == .singular(pivot: 4))
        #expect(Self.general(a).error == .singular(pivot: 4))
    }
}
