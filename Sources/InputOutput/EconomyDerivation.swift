/// What the Monte Carlo engine needs from a dataset whose economy depends on assumptions it
/// samples: the assumptions' ids, a way to set one of them from a draw, and the per-draw
/// derivation of the coefficients (A, v, w, m, x, VA, households' weights) and of the
/// accounts lines' shares of GRDP.
///
/// The engine opens a conforming value once per worker and then calls it through generic,
/// specialised code, so a dataset adds no dispatch of its own to the per-draw cost. The Hanoi
/// kernel (Datasets, `HanoiEconomyKernel`) is the one conforming type today.
public protocol EconomyDerivation: Sendable {
    /// One draw's values of the dataset's assumptions.
    associatedtype Assumptions: Sendable
    /// Scratch storage a worker keeps across draws, so that `fill` does not allocate.
    associatedtype Workspace
    /// The typed error of the dataset's module.
    associatedtype Failure: Error & CustomStringConvertible

    /// The ids of the assumptions the engine may sample, in the order `set(_:index:to:)` uses.
    var assumptionNames: [String] { get }
    /// A fresh workspace for `fill`.
    func makeWorkspace() -> Workspace
    /// A copy with its own array storage, so that parallel workers do not share buffers.
    func independentCopy() -> Self
    /// Sets assumption `assumptionNames[index]` to `value` in `assumptions`.
    /// - Throws: `Failure` for an index outside `assumptionNames` or a value outside the
    ///   assumption's domain.
    func set(_ assumptions: inout Assumptions, index: Int, to value: Double) throws(Failure)
    /// Fills `economy` for `assumptions` and writes each accounts line's share of GRDP
    /// (a fraction; `shares` is resized on first use), using `workspace` for intermediates.
    func fill(
        _ economy: inout EconomyCoefficients, assumptions: Assumptions, workspace: inout Workspace, shares: inout [Double]
    ) throws(Failure)
}
