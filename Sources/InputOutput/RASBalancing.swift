import LinearAlgebra

/// A line of a matrix being balanced: a row or a column.
public enum BalancingAxis: String, Sendable, Hashable {
    case row
    case column
}

/// How a balancing run ended.
///
/// The relative residual of row i is |Σⱼ xᵢⱼ − uᵢ| / |uᵢ|, and for a zero target
/// |Σⱼ xᵢⱼ| / maxₖ |uₖ| (1 when every target is zero); columns likewise with v.
public struct BalancingReport: Sendable, Equatable {
    /// Completed row-then-column sweeps.
    public let iterations: Int
    /// The largest relative row residual of the returned matrix.
    public let maxRelativeRowResidual: Double
    /// The largest relative column residual of the returned matrix.
    public let maxRelativeColumnResidual: Double
    /// Whether both residuals fell below `tolerance` within the iteration limit.
    public let converged: Bool
    /// The tolerance the run was asked for.
    public let tolerance: Double
}

/// A balanced matrix X = r̂ A ŝ (RAS) or X = r̂ P ŝ − r̂⁻¹ N ŝ⁻¹ (GRAS), its multipliers and
/// the convergence report.
///
/// A zero-target line whose surviving entries all have one sign is set to zero: its
/// multiplier is 0 when those entries are positive and +∞ when they are negative (so that
/// aᵢⱼ / (rᵢ sⱼ) = 0). A line with no surviving entry keeps the multiplier 1.
public struct BalancedMatrix: Sendable, Equatable {
    /// X: the initial matrix scaled to the row and column targets.
    public let matrix: Matrix
    /// r: one multiplier per row.
    public let rowMultipliers: [Double]
    /// s: one multiplier per column.
    public let columnMultipliers: [Double]
    public let report: BalancingReport
}

/// RAS, bi-proportional balancing (Stone 1961; Miller & Blair 2009, §7.4): scale the rows
/// and columns of a non-negative matrix A so that its row sums become u and its column sums v,
///
///     X = r̂ A ŝ,   X·1 = u,   1ᵀX = v,
///
/// by alternating row scaling rᵢ ← uᵢ / Σⱼ aᵢⱼ sⱼ and column scaling sⱼ ← vⱼ / Σᵢ rᵢ aᵢⱼ
/// (r = s = 1 at the start) until the largest relative row and column residual is below
/// `tolerance`. The fixed point minimises the information distance Σ xᵢⱼ ln(xᵢⱼ / aᵢⱼ)
/// subject to the totals (Bacharach 1970), so RAS changes A as little as possible in that
/// sense and keeps its zeros.
///
/// ```swift
/// let balanced = try RASBalancing().balance(z0, rowTargets: u, columnTargets: v)
/// balanced.matrix                     // r̂ z0 ŝ with row sums u and column sums v
/// balanced.report.iterations
/// ```
///
/// For matrices with negative entries (subsidies, inventory changes) use `GRASBalancing`;
/// on non-negative input it gives the same result.
///
/// - Complexity: O(rows·columns) to read A and write X, plus O(iterations · nnz) for the
///   sweeps, nnz being the number of nonzero entries.
public struct RASBalancing: Sendable, Equatable {
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

    /// Balances `initial` to `rowTargets` (u) and `columnTargets` (v).
    ///
    /// - Parameters:
    ///   - initial: A, m×n, finite and ≥ 0.
    ///   - rowTargets: u, m finite values ≥ 0.
    ///   - columnTargets: v, n finite values ≥ 0, with Σv = Σu within `tolerance` (relative).
    /// - Throws: `dimensionMismatch` for target lengths; `invalidParameter` for a negative or
    ///   non-finite entry or target, or a bad tolerance or iteration limit;
    ///   `inconsistentTargets` when Σu ≠ Σv; `infeasibleTarget` naming the row or column
    ///   that has a positive target but no nonzero entry that can carry it (all zeros, or
    ///   all in lines whose target is zero); `noConvergence` after `maxIterations` sweeps
    ///   (when `throwsOnNonConvergence`).
    /// - Complexity: O(rows·columns + iterations · nnz).
    public func balance(
        _ initial: Matrix, rowTargets: [Double], columnTargets: [Double]
    ) throws(InputOutputError) -> BalancedMatrix {
        for j in 0..<initial.columns {
            for i in 0..<initial.rows where initial[i, j] < 0 {
                throw .invalidParameter(
                    name: "RAS initial matrix entry [\(i), \(j)] (0-based)", value: initial[i, j],
                    reason: "RAS needs a non-negative matrix; use GRAS for matrices with negative entries")
            }
        }
        for (axis, targets) in [(BalancingAxis.row, rowTargets), (.column, columnTargets)] {
            if let k = targets.firstIndex(where: { $0 < 0 }) {
                throw .invalidParameter(
                    name: "RAS \(axis.rawValue) target [\(k)] (0-based)", value: targets[k],
                    reason: "RAS needs non-negative targets; use GRAS when a target is negative")
            }
        }
        var problem = try BiproportionalProblem(
            method: "RAS", initial: initial, rowTargets: rowTargets, columnTargets: columnTargets,
            tolerance: tolerance, maxIterations: maxIterations)
        return try problem.solve(throwsOnNonConvergence: throwsOnNonConvergence)
    }
}
