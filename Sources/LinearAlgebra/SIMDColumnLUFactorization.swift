/// LU factorisation with partial pivoting of orders 1…8 with each column in one
/// `SIMD8<Double>` (rows `order`…7 held at zero), for the Monte Carlo's per-draw factor and
/// solves of small input-output models (the embedded Hanoi model has 7 sectors).
///
/// The same floating-point operations, on the same operands and in the same order, as the
/// scalar `SmallLUFactorization` (LAPACK's `dgetf2`: right-looking Doolittle; the pivot of
/// column k is the first largest |a_ik|, i ≥ k, in row order), so that its factors and
/// solutions are bit for bit the same:
/// - the multipliers l_ik = a_ik·(1/u_kk) of column k and the update
///   a_ij ← a_ij − l_ik·u_kj of each column j > k are computed for all 8 rows at once and
///   kept in rows k < i < order only (a lane select); a column with u_kj = 0 is skipped, as
///   in the scalar code;
/// - the solves' substitutions x_i ← x_i − a_ij·x_j run one column of the factors at a
///   time over all rows (kept in i > j going forward, i < j going back), skipped when
///   x_j = 0; the back substitution multiplies by the same reciprocals 1/u_jj, which are
///   computed once here when factoring rather than once per solve;
/// - the transposed solve, a dot product per row, stays scalar and in the scalar order.
/// Swift does not contract a − b·c into a fused multiply-add, so each product and each
/// difference rounds on its own as in the scalar code. `SIMDColumnLUTests` checks the
/// factors and solutions against `SmallLUFactorization` bit for bit.
///
/// The factors live inline (no heap storage, no reference counting): an evaluator keeps
/// one and factors into it every draw.
/// - Complexity: n³/3 multiply-adds to factor, n² per right-hand side; done as about
///   n²/2 column operations of 8 lanes to factor and 2n per right-hand side.
public struct SIMDColumnLUFactorization: Sendable {
    /// One column of the factors or of a right-hand side: rows 0…7, those ≥ `order` zero.
    public typealias Column = SIMD8<Double>

    /// The largest order held (one `Column` per column).
    public static let maximumOrder = 8

    /// n, the matrix's order (1…8).
    public let order: Int
    /// Column j of the factors: U in rows ≤ j, L's multipliers in rows > j (L's unit
    /// diagonal implied), zeros in rows ≥ `order`.
    var columns: InlineArray<8, Column>
    /// The row swapped with row k at step k (0-based), as `SmallLUFactorization`'s pivots.
    var rowInterchanges: InlineArray<8, Int>
    /// 1/u_kk, the pivots' reciprocals.
    var reciprocalPivots: InlineArray<8, Double>

    /// Room for the factors of an `order × order` matrix; `factor` rejects an order outside
    /// 1…8 (`dimensionMismatch`), and the solves of such a factorisation do nothing.
    public init(order: Int) {
        self.order = order
        columns = InlineArray(repeating: .zero)
        rowInterchanges = InlineArray(repeating: 0)
        reciprocalPivots = InlineArray(repeating: 0)
    }

    /// Whether `order` is one the columns hold (1…8).
    var holdsOrder: Bool { order >= 1 && order <= Self.maximumOrder }

    /// The order the factorisation and the solves are compiled for with constant bounds (7
    /// sectors, the embedded Hanoi dataset); every order gives the same results either way.
    static let specialisedOrder = 7

    // MARK: Factoring

    /// Factors A (`order × order`, column-major at `a`): P·A = L·U.
    /// - Throws: `singular(pivot:)` (1-based) when a pivot is exactly zero.
    package mutating func factor(_ a: UnsafePointer<Double>) throws(LinearAlgebraError) {
        try factor(a, identityMinus: false)
    }

    /// Factors I − A for A (`order × order`, column-major at `a`), the Leontief matrix,
    /// forming each column δ_ij − a_ij straight into the factors' storage.
    /// - Throws: `singular(pivot:)` (1-based) when a pivot is exactly zero.
    package mutating func factorIdentityMinus(_ a: UnsafePointer<Double>) throws(LinearAlgebraError) {
        try factor(a, identityMinus: true)
    }

    private mutating func factor(_ a: UnsafePointer<Double>, identityMinus: Bool) throws(LinearAlgebraError) {
        let n = order
        guard holdsOrder else {
            throw .dimensionMismatch(
                operation: "the SIMD column LU (orders 1…\(Self.maximumOrder))", left: .init(rows: n, columns: n),
                right: .init(rows: Self.maximumOrder, columns: Self.maximumOrder))
        }
        try withUnsafeMutableBytes(of: &columns) { factors throws(LinearAlgebraError) in
            try withUnsafeMutableBytes(of: &rowInterchanges) { pivots throws(LinearAlgebraError) in
                try withUnsafeMutableBytes(of: &reciprocalPivots) { reciprocals throws(LinearAlgebraError) in
                    let storage = Storage(factors: factors.baseAddress!, pivots: pivots.baseAddress!, reciprocals: reciprocals.baseAddress!)
                    // The Hanoi model's order with the loops' bounds known: the same operations,
                    // unrolled and free of the generic loops' bookkeeping.
                    if n == Self.specialisedOrder {
                        Self.load(a, order: Self.specialisedOrder, identityMinus: identityMinus, into: storage)
                        try Self.factorBody(storage, order: Self.specialisedOrder)
                    } else {
                        Self.load(a, order: n, identityMinus: identityMinus, into: storage)
                        try Self.factorBody(storage, order: n)
                    }
                }
            }
        }
    }

    /// Raw views of the factors, the pivots and the reciprocals (raw loads and stores, so
    /// that a column is read as a `Column` and its entries as `Double`s).
    struct Storage {
        let factors: UnsafeMutableRawPointer
        let pivots: UnsafeMutableRawPointer
        let reciprocals: UnsafeMutableRawPointer

        @inline(__always) func column(_ j: Int) -> Column {
            factors.load(fromByteOffset: j * MemoryLayout<Column>.stride, as: Column.self)
        }
        @inline(__always) func setColumn(_ j: Int, _ value: Column) {
            factors.storeBytes(of: value, toByteOffset: j * MemoryLayout<Column>.stride, as: Column.self)
        }
        @inline(__always) func entry(_ i: Int, _ j: Int) -> Double {
            factors.load(fromByteOffset: (i + 8 * j) * MemoryLayout<Double>.stride, as: Double.self)
        }
        @inline(__always) func setEntry(_ i: Int, _ j: Int, _ value: Double) {
            factors.storeBytes(of: value, toByteOffset: (i + 8 * j) * MemoryLayout<Double>.stride, as: Double.self)
        }
        @inline(__always) func pivot(_ k: Int) -> Int {
            pivots.load(fromByteOffset: k * MemoryLayout<Int>.stride, as: Int.self)
        }
        @inline(__always) func setPivot(_ k: Int, _ row: Int) {
            pivots.storeBytes(of: row, toByteOffset: k * MemoryLayout<Int>.stride, as: Int.self)
        }
        @inline(__always) func reciprocal(_ k: Int) -> Double {
            reciprocals.load(fromByteOffset: k * MemoryLayout<Double>.stride, as: Double.self)
        }
        @inline(__always) func setReciprocal(_ k: Int, _ value: Double) {
            reciprocals.storeBytes(of: value, toByteOffset: k * MemoryLayout<Double>.stride, as: Double.self)
        }
    }

    /// The lanes k < i < n (below row k, above the padding).
    @inline(__always)
    static func rows(after k: Int, before n: Int) -> SIMDMask<SIMD8<Int64>> {
        let lane = SIMD8<Int64>(0, 1, 2, 3, 4, 5, 6, 7)
        return (lane .> Int64(k)) .& (lane .< Int64(n))
    }

    /// Copies A, or forms I − A (δ_ij − a_ij, the scalar code's operation), into the columns.
    @inline(__always)
    static func load(_ a: UnsafePointer<Double>, order n: Int, identityMinus: Bool, into storage: Storage) {
        for j in 0..<n {
            var column = Column.zero
            for i in 0..<n { column[i] = a[i + n * j] }
            if identityMinus {
                var identity = Column.zero
                identity[j] = 1
                column = identity - column
            }
            storage.setColumn(j, column)
        }
        for j in n..<maximumOrder { storage.setColumn(j, .zero) }
    }

    @inline(__always)
    static func factorBody(_ s: Storage, order n: Int) throws(LinearAlgebraError) {
        for k in 0..<n {
            // The pivot: the first largest |a_ik|, i ≥ k (scalar, in row order).
            var p = k
            var largest = abs(s.entry(k, k))
            for i in (k + 1)..<max(n, k + 1) where abs(s.entry(i, k)) > largest {
                largest = abs(s.entry(i, k))
                p = i
            }
            s.setPivot(k, p)
            guard largest != 0 else { throw .singular(pivot: k + 1) }
            if p != k {
                for j in 0..<n {
                    let (upper, lower) = (s.entry(k, j), s.entry(p, j))
                    s.setEntry(k, j, lower)
                    s.setEntry(p, j, upper)
                }
            }
            let inverse = 1 / s.entry(k, k)
            s.setReciprocal(k, inverse)
            let below = rows(after: k, before: n)
            var multipliers = s.column(k)
            multipliers.replace(with: multipliers * inverse, where: below)
            s.setColumn(k, multipliers)
            for j in (k + 1)..<max(n, k + 1) {
                let pivotRow = s.entry(k, j)
                if pivotRow == 0 { continue }
                var column = s.column(j)
                column.replace(with: column - multipliers * pivotRow, where: below)
                s.setColumn(j, column)
            }
        }
    }

    // MARK: Solving

    /// Solves A·x = b (or Aᵀ·x = b) in place for `columns` right-hand sides of `order`
    /// entries each, one after the other at `b` (column-major).
    package func solve(_ b: UnsafeMutablePointer<Double>, columns count: Int, transpose: Transpose = .none) {
        let n = order
        guard holdsOrder else { return }
        withUnsafeBytes(of: columns) { factors in
            withUnsafeBytes(of: rowInterchanges) { pivots in
                withUnsafeBytes(of: reciprocalPivots) { reciprocals in
                    // Read only: the solves never store through these.
                    let storage = Storage(
                        factors: UnsafeMutableRawPointer(mutating: factors.baseAddress!),
                        pivots: UnsafeMutableRawPointer(mutating: pivots.baseAddress!),
                        reciprocals: UnsafeMutableRawPointer(mutating: reciprocals.baseAddress!))
                    if n == Self.specialisedOrder {
                        Self.solveBody(storage, order: Self.specialisedOrder, b, columns: count, transpose: transpose)
                    } else {
                        Self.solveBody(storage, order: n, b, columns: count, transpose: transpose)
                    }
                }
            }
        }
    }

    @inline(__always)
    static func solveBody(_ s: Storage, order n: Int, _ b: UnsafeMutablePointer<Double>, columns count: Int, transpose: Transpose) {
        for c in 0..<count {
            let x = b + n * c
            if transpose == .none {
                for k in 0..<n where s.pivot(k) != k { (x[k], x[s.pivot(k)]) = (x[s.pivot(k)], x[k]) }
                var v = Column.zero
                for i in 0..<n { v[i] = x[i] }
                for j in 0..<n {  // L y = Pb (unit lower), column by column
                    let value = v[j]
                    if value != 0 { v.replace(with: v - s.column(j) * value, where: rows(after: j, before: n)) }
                }
                var j = n - 1
                while j >= 0 {  // U x = y
                    v[j] *= s.reciprocal(j)
                    let value = v[j]
                    if value != 0 { v.replace(with: v - s.column(j) * value, where: rows(after: -1, before: j)) }
                    j -= 1
                }
                for i in 0..<n { x[i] = v[i] }
            } else {
                for j in 0..<n {  // Uᵀ y = b
                    var sum = x[j]
                    for i in 0..<j { sum -= s.entry(i, j) * x[i] }
                    x[j] = sum * s.reciprocal(j)
                }
                var j = n - 1
                while j >= 0 {  // Lᵀ z = y
                    var sum = x[j]
                    for i in (j + 1)..<max(n, j + 1) { sum -= s.entry(i, j) * x[i] }
                    x[j] = sum
                    j -= 1
                }
                var k = n - 1
                while k >= 0 {  // x = Pᵀ z
                    if s.pivot(k) != k { (x[k], x[s.pivot(k)]) = (x[s.pivot(k)], x[k]) }
                    k -= 1
                }
            }
        }
    }

    // MARK: Reading the factors

    /// The factors as `SmallLUFactorization` leaves them: column-major `order × order`
    /// (L's multipliers below the diagonal, U on and above it), and the 0-based pivots.
    package var factorsColumnMajor: (factors: [Double], pivots: [Int]) {
        let n = holdsOrder ? order : 0
        var factors = [Double](repeating: 0, count: n * n)
        for j in 0..<n { for i in 0..<n { factors[i + n * j] = columns[j][i] } }
        return (factors, (0..<n).map { rowInterchanges[$0] })
    }
}
