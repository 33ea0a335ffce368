/// LU factorisation with partial pivoting for small matrices (n ≤ `maximumOrder`), on
/// caller-owned column-major buffers, in Swift.
///
/// Same algorithm as LAPACK's unblocked `dgetf2` (right-looking Doolittle, row interchanges
/// chosen by the largest pivot), for the Monte Carlo's per-draw re-solves of a 7-sector
/// model: there OpenBLAS's call overhead (argument checks, buffer locks, blocking set-up)
/// costs several times the ≈ n³/3 flops themselves (measured: about 1 µs per call against
/// 0.1 µs for n = 7). Larger matrices go to LAPACK (`LUFactorization`). The tests check both
/// give the same solutions.
/// The solves multiply by the pivots' reciprocals (computed once per call) rather than
/// divide by the pivots, which can move results in the last bit.
/// - Complexity: n³/3 multiply-adds to factor, n² per right-hand side.
public enum SmallLUFactorization {
    public static let maximumOrder = 32

    /// Factors `a` (n × n, column-major) in place into unit-lower L and U; `pivots[k]` is
    /// the row swapped with row k (0-based).
    /// - Throws: `singular(pivot:)` (1-based) when a pivot is exactly zero.
    package static func factor(_ a: UnsafeMutablePointer<Double>, order n: Int, pivots: UnsafeMutablePointer<Int>) throws(LinearAlgebraError) {
        // The Hanoi model's order, with the loops' bounds known: the same operations in the
        // same order, unrolled and free of the generic loops' bookkeeping.
        if n == specialisedOrder {
            try factorBody(a, order: specialisedOrder, pivots: pivots)
        } else {
            try factorBody(a, order: n, pivots: pivots)
        }
    }

    /// The order the factorisation and the solves are compiled for with constant bounds (7
    /// sectors, the embedded Hanoi dataset); every order gives the same results either way.
    static let specialisedOrder = 7

    @inline(__always)
    static func factorBody(_ a: UnsafeMutablePointer<Double>, order n: Int, pivots: UnsafeMutablePointer<Int>) throws(LinearAlgebraError) {
        for k in 0..<n {
            var p = k
            var largest = abs(a[k + n * k])
            for i in (k + 1)..<max(n, k + 1) where abs(a[i + n * k]) > largest {
                largest = abs(a[i + n * k])
                p = i
            }
            pivots[k] = p
            guard largest != 0 else { throw .singular(pivot: k + 1) }
            if p != k {
                for j in 0..<n { (a[k + n * j], a[p + n * j]) = (a[p + n * j], a[k + n * j]) }
            }
            let inverse = 1 / a[k + n * k]
            for i in (k + 1)..<max(n, k + 1) { a[i + n * k] *= inverse }
            for j in (k + 1)..<max(n, k + 1) {
                let pivotRow = a[k + n * j]
                if pivotRow == 0 { continue }
                for i in (k + 1)..<n { a[i + n * j] -= a[i + n * k] * pivotRow }
            }
        }
    }

    /// Solves A·x = b (or Aᵀ·x = b) in place for `columns` right-hand sides at `b`.
    package static func solve(
        factors a: UnsafePointer<Double>, order n: Int, pivots: UnsafePointer<Int>,
        _ b: UnsafeMutablePointer<Double>, columns: Int, transpose: Transpose = .none
    ) {
        if n == specialisedOrder {
            solveBody(factors: a, order: specialisedOrder, pivots: pivots, b, columns: columns, transpose: transpose)
        } else {
            solveBody(factors: a, order: n, pivots: pivots, b, columns: columns, transpose: transpose)
        }
    }

    @inline(__always)
    static func solveBody(
        factors a: UnsafePointer<Double>, order n: Int, pivots: UnsafePointer<Int>,
        _ b: UnsafeMutablePointer<Double>, columns: Int, transpose: Transpose
    ) {
        // Reciprocal pivots, once for all the right-hand sides: a multiplication per entry
        // instead of a division.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: n) { reciprocal in
            for j in 0..<n { reciprocal[j] = 1 / a[j + n * j] }
            for c in 0..<columns {
                let x = b + n * c
                if transpose == .none {
                    for k in 0..<n where pivots[k] != k { (x[k], x[pivots[k]]) = (x[pivots[k]], x[k]) }
                    for j in 0..<n {  // L y = Pb (unit lower), column-oriented
                        let value = x[j]
                        if value != 0 { for i in (j + 1)..<max(n, j + 1) { x[i] -= a[i + n * j] * value } }
                    }
                    var j = n - 1
                    while j >= 0 {  // U x = y
                        x[j] *= reciprocal[j]
                        let value = x[j]
                        if value != 0 { for i in 0..<j { x[i] -= a[i + n * j] * value } }
                        j -= 1
                    }
                } else {
                    for j in 0..<n {  // Uᵀ y = b
                        var sum = x[j]
                        for i in 0..<j { sum -= a[i + n * j] * x[i] }
                        x[j] = sum * reciprocal[j]
                    }
                    var j = n - 1
                    while j >= 0 {  // Lᵀ z = y
                        var sum = x[j]
                        for i in (j + 1)..<max(n, j + 1) { sum -= a[i + n * j] * x[i] }
                        x[j] = sum
                        j -= 1
                    }
                    var k = n - 1
                    while k >= 0 {  // x = Pᵀ z
                        if pivots[k] != k { (x[k], x[pivots[k]]) = (x[pivots[k]], x[k]) }
                        k -= 1
                    }
                }
            }
        }
    }
}
