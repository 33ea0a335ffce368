import Foundation
import LinearAlgebra

/// GRAS, generalised RAS for matrices with negative entries (Junius & Oosterhaven 2003,
/// Economic Systems Research 15(1), pp. 87–96; objective corrected by Lenzen, Wood &
/// Gallego 2007, "Some comments on the GRAS method", ESR 19(4), pp. 461–465; zero-sum
/// cases and notation from Temurshoev, Miller & Bouwmeester 2013, "A note on the GRAS
/// method", ESR 25(3), pp. 361–367).
///
/// Split A = P − N with P = max(A, 0) and N = max(−A, 0). GRAS finds
///
///     X = r̂ P ŝ − r̂⁻¹ N ŝ⁻¹,   X·1 = u,   1ᵀX = v,
///
/// so positive entries are scaled by rᵢ sⱼ and negative ones by 1/(rᵢ sⱼ); every entry
/// keeps its sign. This minimises Σᵢⱼ |aᵢⱼ| zᵢⱼ ln(zᵢⱼ / e), zᵢⱼ = xᵢⱼ / aᵢⱼ, subject to the
/// totals: the Lagrangian's first-order condition |aᵢⱼ| ln zᵢⱼ = aᵢⱼ (λᵢ + τⱼ) gives
/// zᵢⱼ = rᵢ sⱼ for aᵢⱼ > 0 and zᵢⱼ = 1/(rᵢ sⱼ) for aᵢⱼ < 0, with rᵢ = e^λᵢ, sⱼ = e^τⱼ.
/// (Junius & Oosterhaven's objective lacked the "/ e", which breaks this derivation; that is
/// Lenzen et al.'s correction.)
///
/// Row i's constraint rᵢ pᵢ(s) − nᵢ(s⁻¹) / rᵢ = uᵢ, with pᵢ(s) = Σⱼ pᵢⱼ sⱼ and
/// nᵢ(s⁻¹) = Σⱼ nᵢⱼ / sⱼ, is the quadratic pᵢ rᵢ² − uᵢ rᵢ − nᵢ = 0, whose positive root is
///
///     rᵢ = [uᵢ + √(uᵢ² + 4 pᵢ(s) nᵢ(s⁻¹))] / (2 pᵢ(s))
///        = 2 nᵢ(s⁻¹) / [√(uᵢ² + 4 pᵢ(s) nᵢ(s⁻¹)) − uᵢ],
///
/// and likewise sⱼ from vⱼ, pⱼ(r) = Σᵢ pᵢⱼ rᵢ and nⱼ(r⁻¹) = Σᵢ nᵢⱼ / rᵢ. The first form is
/// used for uᵢ > 0, the second (the same number, without cancellation) for uᵢ < 0, where it
/// also covers pᵢ = 0 as rᵢ = −nᵢ / uᵢ (Temurshoev et al. 2013). With N = 0 the update is
/// rᵢ = uᵢ / pᵢ(s): GRAS reduces to RAS.
///
/// Iteration: r = s = 1; then rows, then columns, until the largest relative residual is
/// below `tolerance` (see `BalancingReport`).
///
/// ```swift
/// let balanced = try GRASBalancing().balance(a0, rowTargets: u, columnTargets: v)
/// balanced.matrix          // signs of a0 kept, row sums u, column sums v
/// ```
///
/// - Complexity: O(rows·columns) to read A and write X, plus O(iterations · nnz).
public struct GRASBalancing: Sendable, Equatable {
    /// Stop when the largest relative row and column residual is below this (> 0).
    public var tolerance: Double
    /// The most row-then-column sweeps to run (≥ 1).
    public var maxIterations: Int
    /// Throw `noConvergence` when the limit is hit (otherwise return the last iterate with
    /// `report.converged == false`).
    public var throwsOnNonConvergence: Bool

    public init(tolerance: Double = 1e-10, maxIterations: Int = 10_000, throwsOnNonConvergence: Bool = true) {
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.throwsOnNonConvergence = throwsOnNonConvergence
    }

    /// Balances `initial` (any signs) to `rowTargets` (u) and `columnTargets` (v).
    ///
    /// - Parameters:
    ///   - initial: A, m×n, finite.
    ///   - rowTargets: u, m finite values (any sign).
    ///   - columnTargets: v, n finite values, with Σv = Σu within `tolerance` relative to
    ///     max(Σ|u|, Σ|v|).
    /// - Throws: `dimensionMismatch` for target lengths; `invalidParameter` for a
    ///   non-finite entry or target, or a bad tolerance or iteration limit;
    ///   `inconsistentTargets` when Σu ≠ Σv; `infeasibleTarget` naming the row or column
    ///   whose target has a sign no surviving entry can produce (a positive target needs a
    ///   positive entry, a negative one a negative entry); `noConvergence` after
    ///   `maxIterations` sweeps (when `throwsOnNonConvergence`).
    /// - Complexity: O(rows·columns + iterations · nnz).
    public func balance(
        _ initial: Matrix, rowTargets: [Double], columnTargets: [Double]
    ) throws(InputOutputError) -> BalancedMatrix {
        var problem = try BiproportionalProblem(
            method: "GRAS", initial: initial, rowTargets: rowTargets, columnTargets: columnTargets,
            tolerance: tolerance, maxIterations: maxIterations)
        return try problem.solve(throwsOnNonConvergence: throwsOnNonConvergence)
    }
}

/// The shared engine of RAS and GRAS: P and N as coordinate lists of their nonzeros, the
/// multipliers, and the state of each line.
struct BiproportionalProblem {
    /// What happens to a row or column.
    enum LineState: Equatable {
        /// Scaled by its multiplier.
        case active
        /// Zero target and only positive surviving entries: multiplier 0.
        case zeroedPositive
        /// Zero target and only negative surviving entries: multiplier +∞.
        case zeroedNegative
        /// Zero target and no surviving entry: multiplier 1, nothing to scale.
        case empty

        var multiplier: Double {
            switch self {
            case .active, .empty: return 1
            case .zeroedPositive: return 0
            case .zeroedNegative: return .infinity
            }
        }
    }

    /// Coordinate list of one sign's nonzeros (magnitudes).
    struct Entries {
        var rows: [Int] = []
        var columns: [Int] = []
        var magnitudes: [Double] = []
        var count: Int { rows.count }

        mutating func append(_ i: Int, _ j: Int, _ magnitude: Double) {
            rows.append(i)
            columns.append(j)
            magnitudes.append(magnitude)
        }

        func filtered(_ keep: (Int, Int) -> Bool) -> Entries {
            var kept = Entries()
            for k in 0..<count where keep(rows[k], columns[k]) { kept.append(rows[k], columns[k], magnitudes[k]) }
            return kept
        }
    }

    let method: String
    let rowCount: Int
    let columnCount: Int
    let rowTargets: [Double]
    let columnTargets: [Double]
    let tolerance: Double
    let maxIterations: Int
    var positive = Entries()
    var negative = Entries()
    var rowStates: [LineState]
    var columnStates: [LineState]

    init(
        method: String, initial: Matrix, rowTargets: [Double], columnTargets: [Double],
        tolerance: Double, maxIterations: Int
    ) throws(InputOutputError) {
        guard tolerance.isFinite, tolerance > 0, tolerance < 1 else {
            throw .invalidParameter(name: "\(method) tolerance", value: tolerance, reason: "the tolerance must lie in (0, 1); 1e-10 is the default")
        }
        guard maxIterations >= 1 else {
            throw .invalidParameter(name: "\(method) maxIterations", value: Double(maxIterations), reason: "at least one iteration is needed")
        }
        guard rowTargets.count == initial.rows else {
            throw .dimensionMismatch(what: "\(method) row targets", expected: initial.rows, actual: rowTargets.count)
        }
        guard columnTargets.count == initial.columns else {
            throw .dimensionMismatch(what: "\(method) column targets", expected: initial.columns, actual: columnTargets.count)
        }
        for (axis, targets) in [(BalancingAxis.row, rowTargets), (.column, columnTargets)] {
            if let k = targets.firstIndex(where: { !$0.isFinite }) {
                throw .invalidParameter(name: "\(method) \(axis.rawValue) target [\(k)] (0-based)", value: targets[k], reason: "targets must be finite")
            }
        }
        for j in 0..<initial.columns {
            for i in 0..<initial.rows {
                let a = initial[i, j]
                guard a.isFinite else {
                    throw .invalidParameter(name: "\(method) initial matrix entry [\(i), \(j)] (0-based)", value: a, reason: "entries must be finite")
                }
                if a > 0 { positive.append(i, j, a) } else if a < 0 { negative.append(i, j, -a) }
            }
        }
        let rowSum = rowTargets.reduce(0, +)
        let columnSum = columnTargets.reduce(0, +)
        let scale = max(rowTargets.reduce(0) { $0 + abs($1) }, columnTargets.reduce(0) { $0 + abs($1) })
        guard abs(rowSum - columnSum) <= tolerance * scale else {
            throw .inconsistentTargets(method: method, rowTotal: rowSum, columnTotal: columnSum, tolerance: tolerance)
        }
        self.method = method
        self.rowCount = initial.rows
        self.columnCount = initial.columns
        self.rowTargets = rowTargets
        self.columnTargets = columnTargets
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.rowStates = Array(repeating: .active, count: initial.rows)
        self.columnStates = Array(repeating: .active, count: initial.columns)
        try settleZeroedLines()
    }

    /// Marks zero-target lines whose surviving entries have one sign as zeroed (they can
    /// only be met by zeroing the line), repeating until nothing changes since zeroing a
    /// line removes entries from the crossing lines; then checks that every remaining
    /// target's sign can be produced. Afterwards every active line with uᵢ > 0 has a
    /// surviving positive entry, with uᵢ < 0 a negative one, with uᵢ = 0 one of each, so
    /// the updates never divide by zero.
    /// - Complexity: O(nnz · (number of zeroed lines + 1)).
    private mutating func settleZeroedLines() throws(InputOutputError) {
        var changed = true
        while changed {
            changed = false
            var rowPositive = [Int](repeating: 0, count: rowCount), rowNegative = rowPositive
            var columnPositive = [Int](repeating: 0, count: columnCount), columnNegative = columnPositive
            for (entries, isPositive) in [(positive, true), (negative, false)] {
                for k in 0..<entries.count {
                    let i = entries.rows[k], j = entries.columns[k]
                    guard rowStates[i] == .active, columnStates[j] == .active else { continue }
                    if isPositive { rowPositive[i] += 1; columnPositive[j] += 1 } else { rowNegative[i] += 1; columnNegative[j] += 1 }
                }
            }
            for (axis, targets) in [(BalancingAxis.row, rowTargets), (.column, columnTargets)] {
                for k in targets.indices {
                    let state = axis == .row ? rowStates[k] : columnStates[k]
                    guard state == .active else { continue }
                    let positives = axis == .row ? rowPositive[k] : columnPositive[k]
                    let negatives = axis == .row ? rowNegative[k] : columnNegative[k]
                    let target = targets[k]
                    var newState = LineState.active
                    if target > 0, positives == 0 {
                        throw infeasible(axis, k, target, needing: "positive", hasAny: hasEntry(axis, k, positive: true))
                    } else if target < 0, negatives == 0 {
                        throw infeasible(axis, k, target, needing: "negative", hasAny: hasEntry(axis, k, positive: false))
                    } else if target == 0 {
                        switch (positives > 0, negatives > 0) {
                        case (true, true): newState = .active
                        case (true, false): newState = .zeroedPositive
                        case (false, true): newState = .zeroedNegative
                        case (false, false): newState = .empty
                        }
                    }
                    if newState != .active {
                        if axis == .row { rowStates[k] = newState } else { columnStates[k] = newState }
                        changed = changed || newState != .empty
                    }
                }
            }
        }
        let isLive = { (i: Int, j: Int) in self.rowStates[i] == .active && self.columnStates[j] == .active }
        positive = positive.filtered(isLive)
        negative = negative.filtered(isLive)
    }

    private func hasEntry(_ axis: BalancingAxis, _ k: Int, positive isPositive: Bool) -> Bool {
        let entries = isPositive ? positive : negative
        let lines = axis == .row ? entries.rows : entries.columns
        return lines.contains(k)
    }

    private func infeasible(
        _ axis: BalancingAxis, _ k: Int, _ target: Double, needing sign: String, hasAny: Bool
    ) -> InputOutputError {
        let other = axis == .row ? "columns" : "rows"
        let reason = hasAny
            ? "its \(sign) entries all lie in \(other) that must be zero (zero targets), so it cannot reach a \(sign) total"
            : "the initial matrix has no \(sign) entry in it, so it cannot reach a \(sign) total"
        return .infeasibleTarget(method: method, axis: axis, index: k, target: target, reason: reason)
    }

    /// The positive root of p·m² − t·m − n = 0 (see `GRASBalancing`), for the target t with
    /// p = Σ positive entries × the other side's multipliers and n = Σ negative entries ÷ them.
    static func multiplier(target t: Double, positive p: Double, negative n: Double) -> Double {
        if n == 0 { return t / p }  // RAS; also exact when p, n come from a one-signed line.
        let root = hypot(t, 2 * p.squareRoot() * n.squareRoot())  // √(t² + 4pn) without overflow
        if t > 0 { return (t + root) / (2 * p) }
        if t < 0 { return 2 * n / (root - t) }
        return (n / p).squareRoot()
    }

    /// pᵢ and nᵢ by row for column multipliers s (or by column for row multipliers r).
    /// - Complexity: O(nnz).
    private func weightedSums(along axis: BalancingAxis, multipliers: [Double]) -> (positive: [Double], negative: [Double]) {
        let count = axis == .row ? rowCount : columnCount
        var p = [Double](repeating: 0, count: count)
        var n = [Double](repeating: 0, count: count)
        let (pLine, pOther) = axis == .row ? (positive.rows, positive.columns) : (positive.columns, positive.rows)
        for k in 0..<positive.count { p[pLine[k]] += positive.magnitudes[k] * multipliers[pOther[k]] }
        let (nLine, nOther) = axis == .row ? (negative.rows, negative.columns) : (negative.columns, negative.rows)
        for k in 0..<negative.count { n[nLine[k]] += negative.magnitudes[k] / multipliers[nOther[k]] }
        return (p, n)
    }

    /// max over lines of |Σ − target| / scale, the scale being |target| or, for a zero
    /// target, the largest |target| (1 when all are zero).
    static func maxRelativeResidual(sums: [Double], targets: [Double]) -> Double {
        let largest = targets.reduce(0) { max($0, abs($1)) }
        let zeroScale = largest > 0 ? largest : 1
        var worst = 0.0
        for k in targets.indices {
            let scale = targets[k] != 0 ? abs(targets[k]) : zeroScale
            worst = max(worst, abs(sums[k] - targets[k]) / scale)
        }
        return worst
    }

    /// Runs the row-then-column sweeps and assembles the result.
    /// - Complexity: O(rows·columns + iterations · nnz).
    mutating func solve(throwsOnNonConvergence: Bool) throws(InputOutputError) -> BalancedMatrix {
        var r = [Double](repeating: 1, count: rowCount)
        var s = [Double](repeating: 1, count: columnCount)
        var columnWeights = weightedSums(along: .column, multipliers: r)
        var iterations = 0
        var converged = false
        var residual = Double.infinity
        while true {
            let rowWeights = weightedSums(along: .row, multipliers: s)
            let rowSums = rowCount == 0 ? [] : (0..<rowCount).map { i in
                rowStates[i] == .active ? r[i] * rowWeights.positive[i] - rowWeights.negative[i] / r[i] : rowTargets[i]
            }
            let columnSums = columnCount == 0 ? [] : (0..<columnCount).map { j in
                columnStates[j] == .active ? s[j] * columnWeights.positive[j] - columnWeights.negative[j] / s[j] : columnTargets[j]
            }
            residual = max(
                Self.maxRelativeResidual(sums: rowSums, targets: rowTargets),
                Self.maxRelativeResidual(sums: columnSums, targets: columnTargets))
            if residual < tolerance { converged = true; break }
            if iterations == maxIterations { break }
            for i in 0..<rowCount where rowStates[i] == .active {
                r[i] = Self.multiplier(target: rowTargets[i], positive: rowWeights.positive[i], negative: rowWeights.negative[i])
                guard r[i].isFinite, r[i] > 0 else { throw diverged(.row, i, iterations) }
            }
            columnWeights = weightedSums(along: .column, multipliers: r)
            for j in 0..<columnCount where columnStates[j] == .active {
                s[j] = Self.multiplier(target: columnTargets[j], positive: columnWeights.positive[j], negative: columnWeights.negative[j])
                guard s[j].isFinite, s[j] > 0 else { throw diverged(.column, j, iterations) }
            }
            iterations += 1
        }
        if !converged, throwsOnNonConvergence {
            throw .noConvergence(method: method, iterations: iterations, residual: residual)
        }
        // X from the multipliers; the report measures the matrix actually returned.
        var balanced = Matrix(rows: rowCount, columns: columnCount)
        for k in 0..<positive.count {
            let i = positive.rows[k], j = positive.columns[k]
            balanced[i, j] = r[i] * positive.magnitudes[k] * s[j]
        }
        for k in 0..<negative.count {
            let i = negative.rows[k], j = negative.columns[k]
            balanced[i, j] = -negative.magnitudes[k] / (r[i] * s[j])
        }
        let report = BalancingReport(
            iterations: iterations,
            maxRelativeRowResidual: Self.maxRelativeResidual(sums: balanced.rowSums, targets: rowTargets),
            maxRelativeColumnResidual: Self.maxRelativeResidual(sums: balanced.columnSums, targets: columnTargets),
            converged: converged, tolerance: tolerance)
        for i in 0..<rowCount where rowStates[i] != .active { r[i] = rowStates[i].multiplier }
        for j in 0..<columnCount where columnStates[j] != .active { s[j] = columnStates[j].multiplier }
        return BalancedMatrix(matrix: balanced, rowMultipliers: r, columnMultipliers: s, report: report)
    }

    private func diverged(_ axis: BalancingAxis, _ k: Int, _ iterations: Int) -> InputOutputError {
        let target = axis == .row ? rowTargets[k] : columnTargets[k]
        return .infeasibleTarget(
            method: method, axis: axis, index: k, target: target,
            reason: "its multiplier left the range of Double (0 or ∞) after \(iterations) iterations, so the zero pattern of the initial matrix cannot carry the targets")
    }
}
