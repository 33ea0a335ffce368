import InputOutput
import LinearAlgebra
import Testing

/// RAS and GRAS against published worked examples, a closed form, references computed in
/// Python, and their error cases.
///
/// Python references: independent dense numpy implementations written from the papers'
/// formulas (RAS: rᵢ = uᵢ/(A s)ᵢ then sⱼ = vⱼ/(Aᵀ r)ⱼ; GRAS: rᵢ = (uᵢ + √(uᵢ² + 4 pᵢ(s) nᵢ(s⁻¹)))
/// / (2 pᵢ(s)), rᵢ = −nᵢ/uᵢ when pᵢ = 0, likewise sⱼ), rows then columns from r = s = 1,
/// iterated until the largest relative row and column residual is below 1e-15 (numpy 2.4,
/// float64). pymrio 0.7.0 has no RAS or GRAS, so it could not serve as the reference.
@Suite("RAS and GRAS balancing")
struct BalancingTests {
    // MARK: Miller & Blair (2009), §7.4.2: update A⁰ to the year-1 totals.

    /// A⁰ and the year-1 flows Z¹ of Miller & Blair's RAS example (as transcribed in the GAMS
    /// model library, IOBALANCE): u = Z¹·1 = (245, 136, 159), v = 1ᵀZ¹ = (251, 107, 182),
    /// x¹ = (421, 284, 283). The matrix balanced is Z⁰ = A⁰ x̂¹.
    static let millerBlairA0: [[Double]] = [[0.120, 0.100, 0.049], [0.210, 0.247, 0.265], [0.026, 0.249, 0.145]]
    static let millerBlairOutput: [Double] = [421, 284, 283]
    static let millerBlairRowTargets: [Double] = [245, 136, 159]
    static let millerBlairColumnTargets: [Double] = [251, 107, 182]
    static var millerBlairZ0: Matrix {
        get throws { try Matrix(rows: millerBlairA0).scalingColumns(by: millerBlairOutput) }
    }
    /// numpy RAS of Z⁰ (see the suite comment; 22 sweeps to residual < 1e-15).
    static let millerBlairBalanced: [[Double]] = [
        [165.21014820116213, 34.61360463947779, 45.17624715936011],
        [63.52861968216023, 18.78617795340145, 53.685202364438325],
        [22.261232116677633, 53.600217407120766, 83.13855047620156],
    ]
    static let millerBlairRowMultipliers = [2.4751141795584033, 0.5438634684202486, 1.5392728650246665]
    static let millerBlairColumnMultipliers = [1.3212291312763236, 0.4924172411204521, 1.3162318543535698]

    /// Run to tolerance 1e-13; the fixed point is well conditioned here (multipliers O(1)),
    /// so entries agree with the 1e-15 numpy reference to relative 1e-10. Multipliers are
    /// unique only up to r·c, s/c; both runs start from r = s = 1 with the same sweep order,
    /// so they agree too (relative 1e-10).
    @Test("RAS reproduces the Miller & Blair §7.4.2 example")
    func rasMillerBlair() throws {
        let result = try RASBalancing(tolerance: 1e-13).balance(
            try Self.millerBlairZ0, rowTargets: Self.millerBlairRowTargets, columnTargets: Self.millerBlairColumnTargets)
        expectClose(result.matrix, Self.millerBlairBalanced, relative: 1e-10)
        expectClose(result.rowMultipliers, Self.millerBlairRowMultipliers, relative: 1e-10)
        expectClose(result.columnMultipliers, Self.millerBlairColumnMultipliers, relative: 1e-10)
        #expect(result.report.converged)
        #expect(result.report.maxRelativeRowResidual < 1e-13)
        #expect(result.report.maxRelativeColumnResidual < 1e-13)
        #expect(result.report.iterations > 5 && result.report.iterations < 40)
        // The balanced coefficients A¹ = X (x̂¹)⁻¹, as Miller & Blair present them.
        let coefficients = try result.matrix.scalingColumns(by: Self.millerBlairOutput.map { 1 / $0 })
        expectClose(coefficients, [
            [0.39242315487211904, 0.12187888957562602, 0.1596333821885516],
            [0.1508993341619008, 0.06614851392042764, 0.1897003617117962],
            [0.0528770359065977, 0.18873315988422806, 0.29377579673569454],
        ], relative: 1e-10)
    }

    /// Closed form: a positive rank-one matrix b cᵀ balances to the independence table
    /// u vᵀ / T (r̂ b cᵀ ŝ stays rank one, and the only rank-one matrix with these margins is
    /// u vᵀ/T). Entries O(10–100); tolerance relative 1e-12 at convergence tolerance 1e-14.
    @Test("RAS of a rank-one matrix is u vᵀ / T")
    func rasRankOne() throws {
        let b: [Double] = [1, 2, 3, 4], c: [Double] = [5, 1, 0.5]
        var a = Matrix(rows: 4, columns: 3)
        for j in 0..<3 { for i in 0..<4 { a[i, j] = b[i] * c[j] } }
        let u: [Double] = [10, 40, 25, 25], v: [Double] = [30, 30, 40]
        let result = try RASBalancing(tolerance: 1e-14).balance(a, rowTargets: u, columnTargets: v)
        let expected = u.map { ui in v.map { ui * $0 / 100 } }
        expectClose(result.matrix, expected, relative: 1e-12)
    }

    /// A matrix already at its targets needs no sweep: r = s = 1 exactly, X = A exactly.
    @Test("An already balanced matrix is returned unchanged")
    func alreadyBalanced() throws {
        let a = try Matrix(rows: [[1, 2], [3, 4]])
        for balancer in [{ try RASBalancing().balance(a, rowTargets: [3, 7], columnTargets: [4, 6]) },
                         { try GRASBalancing().balance(a, rowTargets: [3, 7], columnTargets: [4, 6]) }] {
            let result = try balancer()
            #expect(result.report.iterations == 0)
            #expect(result.matrix == a)
            #expect(result.rowMultipliers == [1, 1] && result.columnMultipliers == [1, 1])
        }
    }

    /// RAS keeps zeros, and a zero target zeroes its line with multiplier 0 (exact).
    @Test("Zeros stay zero; a zero target zeroes its row")
    func zerosAndZeroTargets() throws {
        let a = try Matrix(rows: [[4, 0, 2], [1, 3, 0], [2, 2, 2]])
        let result = try RASBalancing().balance(a, rowTargets: [6, 0, 9], columnTargets: [6, 4, 5])
        #expect(result.matrix[0, 1] == 0 && result.matrix[1, 2] == 0)
        #expect(result.matrix.row(1) == [0, 0, 0])
        #expect(result.rowMultipliers[1] == 0)
        #expect(result.report.converged)
        #expect(result.report.maxRelativeRowResidual < 1e-10 && result.report.maxRelativeColumnResidual < 1e-10)
    }

    // MARK: GRAS

    /// Temurshoev, Miller & Bouwmeester (2013), "A note on the GRAS method", ESR 25(3): the
    /// published 3×4 example with negative entries and a negative row and column target.
    static let temurshoevInitial: [[Double]] = [[7, 3, 5, -3], [2, 9, 8, 1], [-2, 0, 2, 1]]
    static let temurshoevRowTargets: [Double] = [15, 26, -1]
    static let temurshoevColumnTargets: [Double] = [9, 16, 17, -2]
    /// The result printed with the authors' code (R port by P. Horvat of U. Temurshoev's
    /// Matlab `gras`), 7 significant digits, stopped at |Δs| < 1e-6.
    static let temurshoevPublished: [[Double]] = [
        [8.976439, 3.743161, 5.721729, -3.4413294],
        [2.799334, 12.256841, 9.992313, 0.9515109],
        [-2.775776, 0, 1.285958, 0.4898178],
    ]
    /// numpy GRAS of the same problem to residual < 1e-15 (24 sweeps).
    static let temurshoevReference: [[Double]] = [
        [8.976440309989146, 3.7431602450133594, 5.721728439895225, -3.441328994897732],
        [2.799335403599825, 12.256839754986641, 9.992313662805557, 0.9515111786079797],
        [-2.7757757135889705, 0, 1.2859578972992183, 0.48981781628975224],
    ]
    static let temurshoevRowMultipliers = [1.1821910448394437, 1.2903469482042416, 0.6642432991172923]
    static let temurshoevColumnMultipliers = [1.084721984073982, 1.0554301583637657, 0.9679871057849718, 0.7374072375900025]

    /// Against the published digits: absolute 5e-6 (their stopping rule |Δs| < 1e-6 leaves
    /// differences up to 1.4e-6 from the converged solution, as the numpy run shows).
    /// Against the converged numpy reference: relative 1e-10 at tolerance 1e-13.
    @Test("GRAS reproduces the Temurshoev–Miller–Bouwmeester example")
    func grasTemurshoev() throws {
        let initial = try Matrix(rows: Self.temurshoevInitial)
        let result = try GRASBalancing(tolerance: 1e-13).balance(
            initial, rowTargets: Self.temurshoevRowTargets, columnTargets: Self.temurshoevColumnTargets)
        expectClose(result.matrix, Self.temurshoevPublished, absolute: 5e-6)
        expectClose(result.matrix, Self.temurshoevReference, relative: 1e-10)
        expectClose(result.rowMultipliers, Self.temurshoevRowMultipliers, relative: 1e-10)
        expectClose(result.columnMultipliers, Self.temurshoevColumnMultipliers, relative: 1e-10)
        expectSignsKept(initial, result.matrix)
        #expect(result.report.converged && result.report.maxRelativeRowResidual < 1e-13 && result.report.maxRelativeColumnResidual < 1e-13)
    }

    /// A 4×5 table with a negative (subsidies-like) row, a negative (inventory-like) column
    /// and negative targets for both. numpy GRAS to residual < 1e-15 (18 sweeps); relative
    /// tolerance 1e-10 at convergence tolerance 1e-13.
    @Test("GRAS with negative entries matches the numpy reference and keeps signs")
    func grasNegativeEntries() throws {
        let initial = try Matrix(rows: [
            [30, 12, 5, 40, -3],
            [8, 25, 14, 22, 4],
            [6, 9, 18, 30, -6],
            [-2, -4, -1, 5, 0],
        ])
        let u: [Double] = [90, 80, 50, -1], v: [Double] = [45, 40, 35, 100, -1]
        let result = try GRASBalancing(tolerance: 1e-13).balance(initial, rowTargets: u, columnTargets: v)
        expectClose(result.matrix, [
            [32.37171917133781, 11.57365215479218, 5.192379665392007, 42.932789265379235, -2.070540256901221],
            [9.004863611725478, 25.15195984800098, 15.165862518039535, 24.631702872463993, 6.045611149770016],
            [5.389024532328299, 7.225137054896462, 15.559059514183575, 26.80184979146045, -4.9750708928687954],
            [-1.7656073153915792, -3.9507490576896234, -0.9173016976151208, 5.633658070696323, 0],
        ], relative: 1e-10)
        expectSignsKept(initial, result.matrix)
        expectClose(result.matrix.rowSums, u, relative: 1e-12)
        expectClose(result.matrix.columnSums, v, relative: 1e-12)
    }

    /// GRAS's update with N = 0 is rᵢ = uᵢ/pᵢ(s), RAS's; both sweep rows then columns from
    /// r = s = 1, so the results agree to rounding: relative 1e-13. (The two share one
    /// engine here, so GRAS is also checked against the independent numpy RAS reference:
    /// relative 1e-9 at convergence tolerance 1e-12.)
    @Test("GRAS on a non-negative matrix equals RAS")
    func grasEqualsRAS() throws {
        let z0 = try Self.millerBlairZ0
        let ras = try RASBalancing(tolerance: 1e-12).balance(z0, rowTargets: Self.millerBlairRowTargets, columnTargets: Self.millerBlairColumnTargets)
        let gras = try GRASBalancing(tolerance: 1e-12).balance(z0, rowTargets: Self.millerBlairRowTargets, columnTargets: Self.millerBlairColumnTargets)
        expectClose(gras.matrix, ras.matrix.rowArrays, relative: 1e-13)
        expectClose(gras.matrix, Self.millerBlairBalanced, relative: 1e-9)
        expectClose(gras.rowMultipliers, ras.rowMultipliers, relative: 1e-13)
        #expect(gras.report.iterations == ras.report.iterations)
    }

    /// A zero-target row with both signs (net taxes that cancel) stays active with
    /// rᵢ = √(nᵢ/pᵢ) at each sweep; a zero-target row with only negative entries is zeroed
    /// (multiplier +∞, aᵢⱼ/(rᵢ sⱼ) = 0). Residuals below the 1e-12 tolerance.
    @Test("GRAS zero targets: mixed-sign row balances, one-signed row is zeroed")
    func grasZeroTargets() throws {
        let initial = try Matrix(rows: [
            [10, 4, 6],
            [3, -2, 1],
            [0, -1, -2],
            [5, 8, 2],
        ])
        let result = try GRASBalancing(tolerance: 1e-12).balance(
            initial, rowTargets: [22, 0, 0, 16], columnTargets: [20, 9, 9])
        #expect(result.report.converged)
        expectClose(result.matrix.rowSums, [22, 0, 0, 16], relative: 0, absolute: 1e-10)
        expectClose(result.matrix.columnSums, [20, 9, 9], relative: 1e-12)
        #expect(result.matrix.row(2) == [0, 0, 0])
        #expect(result.rowMultipliers[2] == .infinity)
        expectSignsKept(initial, result.matrix, allowZeroing: [2])
    }

    // MARK: Errors

    @Test("Targets with different sums are refused")
    func inconsistentTargets() throws {
        let a = try Matrix(rows: [[1, 2], [3, 4]])
        #expect(throws: InputOutputError.inconsistentTargets(method: "RAS", rowTotal: 10, columnTotal: 11, tolerance: 1e-10)) {
            _ = try RASBalancing().balance(a, rowTargets: [4, 6], columnTargets: [5, 6])
        }
        #expect(throws: InputOutputError.inconsistentTargets(method: "GRAS", rowTotal: 10, columnTotal: 11, tolerance: 1e-10)) {
            _ = try GRASBalancing().balance(a, rowTargets: [4, 6], columnTargets: [5, 6])
        }
    }

    @Test("A zero row with a positive target is infeasible, and the error says which row")
    func zeroRowInfeasible() throws {
        let a = try Matrix(rows: [[1, 2, 0], [0, 0, 0], [3, 0, 1]])
        for balance in [{ try RASBalancing().balance(a, rowTargets: [3, 2, 4], columnTargets: [4, 2, 3]) },
                        { try GRASBalancing().balance(a, rowTargets: [3, 2, 4], columnTargets: [4, 2, 3]) }] {
            #expect {
                _ = try balance()
            } throws: { error in
                guard case let .infeasibleTarget(_, axis, index, target, reason) = error as? InputOutputError else { return false }
                return axis == .row && index == 1 && target == 2 && reason.contains("no positive entry")
            }
        }
        // Column 2's only entry sits in row 1, whose target is 0: column 2 cannot reach 3.
        let b = try Matrix(rows: [[1, 2, 0], [0, 1, 5], [3, 0, 0]])
        #expect {
            _ = try RASBalancing().balance(b, rowTargets: [6, 0, 3], columnTargets: [4, 2, 3])
        } throws: { error in
            guard case let .infeasibleTarget(_, axis, index, _, reason) = error as? InputOutputError else { return false }
            return axis == .column && index == 2 && reason.contains("must be zero")
        }
        // GRAS: a positive target on a row with only negative entries.
        let c = try Matrix(rows: [[4, 1], [-1, -2]])
        #expect {
            _ = try GRASBalancing().balance(c, rowTargets: [3, 1], columnTargets: [2, 2])
        } throws: { error in
            guard case let .infeasibleTarget(method, axis, index, _, _) = error as? InputOutputError else { return false }
            return method == "GRAS" && axis == .row && index == 1
        }
    }

    @Test("RAS refuses negative entries and targets; both refuse non-finite input")
    func invalidInputs() throws {
        let negative = try Matrix(rows: [[1, -2], [3, 4]])
        #expect {
            _ = try RASBalancing().balance(negative, rowTargets: [1, 1], columnTargets: [1, 1])
        } throws: { error in
            guard case let .invalidParameter(name, value, reason) = error as? InputOutputError else { return false }
            return name.contains("[0, 1]") && value == -2 && reason.contains("GRAS")
        }
        let a = try Matrix(rows: [[1, 2], [3, 4]])
        #expect(throws: InputOutputError.self) { _ = try RASBalancing().balance(a, rowTargets: [-1, 11], columnTargets: [5, 5]) }
        #expect(throws: InputOutputError.self) { _ = try GRASBalancing().balance(a, rowTargets: [.nan, 1], columnTargets: [5, 5]) }
        var nonFinite = a
        nonFinite[1, 1] = .infinity
        #expect(throws: InputOutputError.self) { _ = try GRASBalancing().balance(nonFinite, rowTargets: [3, 7], columnTargets: [4, 6]) }
        #expect(throws: InputOutputError.dimensionMismatch(what: "RAS row targets", expected: 2, actual: 3)) {
            _ = try RASBalancing().balance(a, rowTargets: [3, 7, 0], columnTargets: [4, 6])
        }
        #expect(throws: InputOutputError.dimensionMismatch(what: "GRAS column targets", expected: 2, actual: 1)) {
            _ = try GRASBalancing().balance(a, rowTargets: [3, 7], columnTargets: [10])
        }
        for tolerance in [0, -1e-10, 1, .nan] {
            #expect(throws: InputOutputError.self) {
                _ = try RASBalancing(tolerance: tolerance).balance(a, rowTargets: [3, 7], columnTargets: [4, 6])
            }
        }
        #expect(throws: InputOutputError.self) {
            _ = try GRASBalancing(maxIterations: 0).balance(a, rowTargets: [3, 7], columnTargets: [4, 6])
        }
    }

    /// The Miller & Blair example needs ~20 sweeps for 1e-13: two are not enough. With
    /// `throwsOnNonConvergence: false` the last iterate comes back flagged.
    @Test("Non-convergence is reported")
    func nonConvergence() throws {
        let z0 = try Self.millerBlairZ0
        #expect {
            _ = try RASBalancing(tolerance: 1e-13, maxIterations: 2).balance(
                z0, rowTargets: Self.millerBlairRowTargets, columnTargets: Self.millerBlairColumnTargets)
        } throws: { error in
            guard case let .noConvergence(method, iterations, residual) = error as? InputOutputError else { return false }
            return method == "RAS" && iterations == 2 && residual > 1e-13
        }
        let partial = try RASBalancing(tolerance: 1e-13, maxIterations: 2, throwsOnNonConvergence: false).balance(
            z0, rowTargets: Self.millerBlairRowTargets, columnTargets: Self.millerBlairColumnTargets)
        #expect(!partial.report.converged && partial.report.iterations == 2)
        #expect(partial.report.maxRelativeRowResidual > 1e-13)
        // After a column sweep the columns are met to rounding.
        #expect(partial.report.maxRelativeColumnResidual < 1e-14)
    }

    /// diag(1, 1) cannot have row sums (1, 2) and column sums (2, 1): every line passes the
    /// zero-pattern check, but the multipliers double and halve each sweep. Within a small
    /// limit that is non-convergence; with the default limit a multiplier leaves the range of
    /// Double (2^1024) and the error names that line.
    @Test("Structurally infeasible targets fail cleanly")
    func structurallyInfeasible() throws {
        let a = Matrix.identity(2)
        #expect {
            _ = try RASBalancing(maxIterations: 50).balance(a, rowTargets: [1, 2], columnTargets: [2, 1])
        } throws: { error in
            guard case .noConvergence = error as? InputOutputError else { return false }
            return true
        }
        #expect {
            _ = try RASBalancing().balance(a, rowTargets: [1, 2], columnTargets: [2, 1])
        } throws: { error in
            guard case .infeasibleTarget = error as? InputOutputError else { return false }
            return true
        }
    }
}

// MARK: - Helpers

private func expectSignsKept(_ initial: Matrix, _ balanced: Matrix, allowZeroing rows: Set<Int> = [],
                             sourceLocation: SourceLocation = #_sourceLocation) {
    for j in 0..<initial.columns {
        for i in 0..<initial.rows {
            let a = initial[i, j], x = balanced[i, j]
            let kept = rows.contains(i) && x == 0 ? true : (a > 0 && x > 0) || (a < 0 && x < 0) || (a == 0 && x == 0)
            #expect(kept, "sign changed at [\(i), \(j)]: \(a) → \(x)", sourceLocation: sourceLocation)
        }
    }
}

private func expectClose(_ actual: [Double], _ expected: [Double], relative: Double, absolute: Double = 0,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, sourceLocation: sourceLocation)
    for (a, e) in zip(actual, expected) {
        #expect(abs(a - e) <= max(absolute, relative * abs(e)), "\(a) vs \(e)", sourceLocation: sourceLocation)
    }
}

private func expectClose(_ actual: Matrix, _ expected: [[Double]], relative: Double = 0, absolute: Double = 0,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.rows == expected.count && actual.columns == (expected.first?.count ?? 0), sourceLocation: sourceLocation)
    for (i, row) in expected.enumerated() where i < actual.rows {
        for (j, e) in row.enumerated() where j < actual.columns {
            let a = actual[i, j]
            #expect(abs(a - e) <= max(absolute, relative * abs(e)), "[\(i), \(j)]: \(a) vs \(e)", sourceLocation: sourceLocation)
        }
    }
}
