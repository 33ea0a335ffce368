/// The factorisation of `SmallLUFactorization` for order 7 (the Hanoi model's seven sectors),
/// forming the Leontief matrix I − A as it goes and keeping the column being factored in seven
/// locals.
///
/// Left-looking (column by column, as in Crout's ordering): column j of I − A is loaded, brought
/// up to date by the steps k = 0, …, j − 1 (mᵢⱼ −= lᵢₖ·uₖⱼ for i > k, skipped when uₖⱼ = 0), its
/// pivot is chosen among rows j…6, and its entries below the pivot are multiplied by 1/uⱼⱼ.
/// The right-looking `factor` applies the step-k update to all later columns at once instead,
/// but each entry goes through the same operations in the same order either way: the
/// subtractions in increasing k with the same products lₖ·u, the same skips of zero uₖⱼ, the
/// same pivot comparisons (the first largest |mᵢⱼ| wins; NaN never wins), the same row
/// interchanges of every column and the same reciprocal multiplied in. So the factors and
/// pivots are bit for bit those of forming I − A as `(i == j ? 1 : 0) − aᵢⱼ` and calling
/// `factor` (`SmallLUOrderSevenFactorTests`; a NaN's sign aside, which the compiler does not
/// keep on either path), and a zero pivot throws the same error. What
/// changes is that no entry is stored and reloaded after each step, and that no loop bound,
/// index or overflow is checked at run time.
///
/// Row interchanges, rare for I − A (its diagonal dominates its columns), take a slower path
/// through memory (`interchangeOrderSeven`).
/// - Complexity: 49 subtractions forming I − A, 91 multiply-subtracts, 7 divisions and 21
///   multiplications.
extension SmallLUFactorization {
    /// Factors I − A, with `technical` = A (7 × 7, column-major, not overlapping `factors`),
    /// into `factors` (unit-lower L and U, as `factor`) and `pivots` (as `factor`), and writes
    /// what `prepareOrderSeven` would compute from them: the pivots as a gather `permutation`
    /// and U's reciprocal diagonal `reciprocals`, for `solveOrderSeven`.
    /// - Throws: `singular(pivot:)` (1-based) when a pivot is exactly zero, as `factor`.
    package static func factorOrderSeven(
        identityMinus technical: UnsafePointer<Double>, factors a: UnsafeMutablePointer<Double>,
        pivots: UnsafeMutablePointer<Int>, permutation: UnsafeMutablePointer<Int>, reciprocals: UnsafeMutablePointer<Double>
    ) throws(LinearAlgebraError) {
        for i in 0..<7 { permutation[i] = i }
        // Whether the columns after the current one are already in `a` (formed and with the
        // interchanges so far applied): only after an interchange.
        var formed = false
        // One specialisation of the column step per column, in which j is a constant.
        try factorColumnOfSeven(ColumnOfSeven<0>(), technical: technical, a, pivots, permutation, reciprocals, formed: &formed)
        try factorColumnOfSeven(ColumnOfSeven<1>(), technical: technical, a, pivots, permutation, reciprocals, formed: &formed)
        try factorColumnOfSeven(ColumnOfSeven<2>(), technical: technical, a, pivots, permutation, reciprocals, formed: &formed)
        try factorColumnOfSeven(ColumnOfSeven<3>(), technical: technical, a, pivots, permutation, reciprocals, formed: &formed)
        try factorColumnOfSeven(ColumnOfSeven<4>(), technical: technical, a, pivots, permutation, reciprocals, formed: &formed)
        try factorColumnOfSeven(ColumnOfSeven<5>(), technical: technical, a, pivots, permutation, reciprocals, formed: &formed)
        try factorColumnOfSeven(ColumnOfSeven<6>(), technical: technical, a, pivots, permutation, reciprocals, formed: &formed)
    }

    /// Column j's step of `factorOrderSeven`.
    @inline(__always)
    static func factorColumnOfSeven<let j: Int>(
        _: ColumnOfSeven<j>, technical: UnsafePointer<Double>, _ a: UnsafeMutablePointer<Double>, _ pivots: UnsafeMutablePointer<Int>,
        _ permutation: UnsafeMutablePointer<Int>, _ reciprocals: UnsafeMutablePointer<Double>, formed: inout Bool
    ) throws(LinearAlgebraError) {
        var x = formed ? SevenEntries(loading: a + 7 * j) : SevenEntries(identityMinusColumn: j, of: technical)
        x.eliminate(steps: j, lower: a)
        let (p, largest) = x.pivot(from: j)
        pivots[j] = p
        guard largest != 0 else { throw .singular(pivot: j + 1) }
        if p != j {
            x.store(a + 7 * j)
            interchangeOrderSeven(rows: j, p, technical: technical, a, permutation, formed: formed)
            formed = true
            x = SevenEntries(loading: a + 7 * j)
        }
        let inverse = 1 / x[j]
        x.scale(below: j, by: inverse)
        x.store(a + 7 * j)
        reciprocals[j] = inverse
    }

    /// Interchanges rows j and p of all seven columns in `a` (forming columns j + 1…6 of I − A
    /// there first, unless `formed`) and of `permutation`; column j must be stored in `a`.
    @inline(never)
    static func interchangeOrderSeven(
        rows j: Int, _ p: Int, technical: UnsafePointer<Double>, _ a: UnsafeMutablePointer<Double>,
        _ permutation: UnsafeMutablePointer<Int>, formed: Bool
    ) {
        if !formed {
            for c in (j + 1)..<max(7, j + 1) {
                for i in 0..<7 { a[i + 7 * c] = (i == c ? 1 : 0) - technical[i + 7 * c] }
            }
        }
        for c in 0..<7 { (a[j + 7 * c], a[p + 7 * c]) = (a[p + 7 * c], a[j + 7 * c]) }
        (permutation[j], permutation[p]) = (permutation[p], permutation[j])
    }
}

/// A column index of a 7 × 7 matrix as a type: `factorColumnOfSeven` is compiled once for each
/// column with the index a constant, so that its row indices and bounds are constants too. (A
/// value argument would leave one copy of the step with run-time bounds once the optimiser
/// stops inlining into the caller.)
struct ColumnOfSeven<let index: Int> {}

/// One column of a 7 × 7 matrix in seven stored properties, which the optimiser keeps in
/// registers when every index is a constant (as in each specialisation of `factorColumnOfSeven`).
struct SevenEntries {
    var e0, e1, e2, e3, e4, e5, e6: Double

    @inline(__always)
    init(loading column: UnsafePointer<Double>) {
        (e0, e1, e2, e3, e4, e5, e6) = (column[0], column[1], column[2], column[3], column[4], column[5], column[6])
    }

    @inline(__always)
    init(loading column: UnsafeMutablePointer<Double>) { self.init(loading: UnsafePointer(column)) }

    /// Column j of I − A, each entry `(i == j ? 1 : 0) − aᵢⱼ` as `LeontiefFactors` forms it.
    @inline(__always)
    init(identityMinusColumn j: Int, of technical: UnsafePointer<Double>) {
        let c = technical + 7 * j
        e0 = (j == 0 ? 1 : 0) - c[0]
        e1 = (j == 1 ? 1 : 0) - c[1]
        e2 = (j == 2 ? 1 : 0) - c[2]
        e3 = (j == 3 ? 1 : 0) - c[3]
        e4 = (j == 4 ? 1 : 0) - c[4]
        e5 = (j == 5 ? 1 : 0) - c[5]
        e6 = (j == 6 ? 1 : 0) - c[6]
    }

    @inline(__always)
    func store(_ column: UnsafeMutablePointer<Double>) {
        (column[0], column[1], column[2], column[3], column[4], column[5], column[6]) = (e0, e1, e2, e3, e4, e5, e6)
    }

    @inline(__always)
    subscript(i: Int) -> Double {
        switch i {
        case 0: e0
        case 1: e1
        case 2: e2
        case 3: e3
        case 4: e4
        case 5: e5
        default: e6
        }
    }

    /// The updates of steps k = 0…`steps` − 1 (eᵢ −= lᵢₖ·eₖ for i > k, skipped when eₖ = 0), with
    /// L's columns at `lower` (column-major, 7 rows).
    @inline(__always)
    mutating func eliminate(steps j: Int, lower l: UnsafePointer<Double>) {
        if j > 0, e0 != 0 { e1 -= l[1] * e0; e2 -= l[2] * e0; e3 -= l[3] * e0; e4 -= l[4] * e0; e5 -= l[5] * e0; e6 -= l[6] * e0 }
        if j > 1, e1 != 0 { e2 -= l[9] * e1; e3 -= l[10] * e1; e4 -= l[11] * e1; e5 -= l[12] * e1; e6 -= l[13] * e1 }
        if j > 2, e2 != 0 { e3 -= l[17] * e2; e4 -= l[18] * e2; e5 -= l[19] * e2; e6 -= l[20] * e2 }
        if j > 3, e3 != 0 { e4 -= l[25] * e3; e5 -= l[26] * e3; e6 -= l[27] * e3 }
        if j > 4, e4 != 0 { e5 -= l[33] * e4; e6 -= l[34] * e4 }
        if j > 5, e5 != 0 { e6 -= l[41] * e5 }
    }

    @inline(__always)
    mutating func eliminate(steps j: Int, lower l: UnsafeMutablePointer<Double>) { eliminate(steps: j, lower: UnsafePointer(l)) }

    /// The pivot of rows j…6 as `factor` chooses it: the first row with the largest |eᵢ| (a
    /// later row only when strictly larger, so NaN never wins), and that magnitude.
    @inline(__always)
    func pivot(from j: Int) -> (row: Int, magnitude: Double) {
        var p = j
        var largest = abs(self[j])
        if j < 1, abs(e1) > largest { largest = abs(e1); p = 1 }
        if j < 2, abs(e2) > largest { largest = abs(e2); p = 2 }
        if j < 3, abs(e3) > largest { largest = abs(e3); p = 3 }
        if j < 4, abs(e4) > largest { largest = abs(e4); p = 4 }
        if j < 5, abs(e5) > largest { largest = abs(e5); p = 5 }
        if j < 6, abs(e6) > largest { largest = abs(e6); p = 6 }
        return (p, largest)
    }

    /// Multiplies the entries below row j by `inverse`.
    @inline(__always)
    mutating func scale(below j: Int, by inverse: Double) {
        if j < 1 { e1 *= inverse }
        if j < 2 { e2 *= inverse }
        if j < 3 { e3 *= inverse }
        if j < 4 { e4 *= inverse }
        if j < 5 { e5 *= inverse }
        if j < 6 { e6 *= inverse }
    }
}
