import CBLASLapack
import Foundation

extension Matrix {
    /// ρ(A) = maxᵢ |λᵢ|, from all eigenvalues by LAPACK `dgeev` (Hessenberg QR).
    ///
    /// Exact up to rounding but O(n³) with a large constant (≈ 10n³ flops, several
    /// times an LU factorisation): for the yes/no productivity question use
    /// `ProductivityCheck`, which needs one solve.
    /// - Throws: `notSquare`, `nonFinite`, `noConvergence`.
    public func spectralRadius() throws(LinearAlgebraError) -> Double {
        guard isSquare else { throw .notSquare(operation: "spectral radius", shape: shape) }
        try checkFinite()
        let n = rows
        guard n > 0 else { return 0 }
        var a = values
        var realParts = [Double](repeating: 0, count: n)
        var imaginaryParts = [Double](repeating: 0, count: n)
        var leftVectors = 0.0, rightVectors = 0.0  // not referenced: jobvl = jobvr = 'N'
        var query = 0.0
        let order = LapackInt(n)
        _ = LAPACKE_dgeev_work(LAPACK_COL_MAJOR, 78, 78, order, &a, order, &realParts, &imaginaryParts, &leftVectors, 1, &rightVectors, 1, &query, -1)
        var work = [Double](repeating: 0, count: max(Int(query), 4 * n))
        let info = LAPACKE_dgeev_work(
            LAPACK_COL_MAJOR, 78 /* N */, 78, order, &a, order, &realParts, &imaginaryParts,
            &leftVectors, 1, &rightVectors, 1, &work, LapackInt(work.count))
        if info < 0 { throw .lapackArgument(routine: "dgeev", position: Int(-info)) }
        if info > 0 { throw .noConvergence(routine: "dgeev", info: Int(info)) }
        return zip(realParts, imaginaryParts).reduce(0.0) { max($0, hypot($1.0, $1.1)) }
    }
}

/// The Hawkins–Simon productivity test for a non-negative square matrix A:
/// ρ(A) < 1 ⇔ (I − A) is a non-singular M-matrix ⇔ y = (I − A)⁻¹·1 exists and y > 0.
///
/// Proof sketch: if ρ(A) < 1 then (I − A)⁻¹ = Σₖ Aᵏ ≥ I, so y ≥ 1. Conversely, if y > 0
/// solves (I − A)y = 1 then A·y = y − 1, and the Collatz–Wielandt bound gives
/// ρ(A) ≤ maxᵢ (Ay)ᵢ/yᵢ = 1 − 1/max(y) < 1. The same identity brackets ρ(A):
/// 1 − 1/min(y) ≤ ρ(A) ≤ 1 − 1/max(y) (Berman & Plemmons 1994, ch. 6; Miller & Blair
/// 2009, §2.9 and Appendix A for the input-output reading).
///
/// - Complexity: one LU factorisation, O(n³/3)·2 flops, and one O(n²) solve.
public struct ProductivityCheck: Sendable, Equatable {
    /// Whether ρ(A) < 1 (the economy can deliver any non-negative final demand).
    public let isProductive: Bool
    /// Collatz–Wielandt bracket on ρ(A); `nil` when A is not productive.
    public let spectralRadiusBounds: ClosedRange<Double>?
    /// y = (I − A)⁻¹·1, the total output needed for one unit of every final demand.
    public let outputForUnitDemand: [Double]?

    /// Runs the test.
    /// - Throws: `notSquare`, `nonFinite`, or `negativeEntry` (the test needs A ≥ 0).
    public init(_ a: Matrix) throws(LinearAlgebraError) {
        guard a.isSquare else { throw .notSquare(operation: "productivity check", shape: a.shape) }
        try a.checkFinite()
        for j in 0..<a.columns {
            for i in 0..<a.rows where a[i, j] < 0 { throw .negativeEntry(row: i, column: j, value: a[i, j]) }
        }
        let n = a.rows
        let y: [Double]
        do {
            y = try LUFactorization(of: a.identityMinus()).solve([Double](repeating: 1, count: n))
        } catch .singular {
            self.init(isProductive: false, bounds: nil, y: nil)
            return
        }
        guard y.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            self.init(isProductive: false, bounds: nil, y: nil)
            return
        }
        let lower = 1 - 1 / (y.min() ?? 1)
        let upper = 1 - 1 / (y.max() ?? 1)
        self.init(isProductive: true, bounds: max(0, lower)...max(0, upper), y: y)
    }

    private init(isProductive: Bool, bounds: ClosedRange<Double>?, y: [Double]?) {
        self.isProductive = isProductive
        self.spectralRadiusBounds = bounds
        self.outputForUnitDemand = y
    }
}
