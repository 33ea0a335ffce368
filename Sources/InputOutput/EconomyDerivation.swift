/// What the Monte Carlo engine needs from a dataset whose economy depends on assumptions it
/// samples: the assumptions' ids and, per worker, an `EconomyDrawing` that sets them from a
/// draw and re-derives the coefficients (A, v, w, m, x, VA, households' weights) and the
/// accounts lines' shares of GRDP.
///
/// The engine asks for one drawing per worker and calls it once per draw. The drawing is a
/// concrete class of the dataset, so the per-draw work runs in the dataset's own, specialised
/// code: the engine adds one dynamic call per draw and nothing else. The Hanoi kernel
/// (Datasets, `HanoiEconomyKernel`) is the one conforming type today.
public protocol EconomyDerivation: Sendable {
    /// One draw's values of the dataset's assumptions.
    associatedtype Assumptions: Sendable

    /// The ids of the assumptions the engine may sample, in the order `EconomyDrawing.derive`
    /// indexes them.
    var assumptionNames: [String] { get }
    /// A worker's own derivation state, starting at `central`: its own copies of the
    /// dataset's arrays and its own workspace, so parallel workers share no buffer.
    func makeDrawing(central: Assumptions) -> any EconomyDrawing
}

/// One worker's derivation of the economy (see `EconomyDerivation`): its current assumptions
/// and scratch arrays, kept across draws.
public protocol EconomyDrawing: AnyObject {
    /// Fills `economy` and `shares` (fractions of GRDP, one per accounts line; resized on first
    /// use) at the central assumptions.
    /// - Throws: the dataset's error when the central assumptions give no valid economy.
    func fillCentral(economy: inout EconomyCoefficients, shares: inout [Double]) throws
    /// Sets assumption `keys[a]` to `theta[parameters[a]]` for every a, then fills `economy`
    /// and `shares`. O(the dataset's derivation): about a microsecond for Hanoi.
    /// - Throws: the dataset's error for a value outside an assumption's domain or an
    ///   economy that cannot be derived.
    func derive(
        theta: UnsafeBufferPointer<Double>, keys: [Int], parameters: [Int],
        economy: inout EconomyCoefficients, shares: inout [Double]
    ) throws
}
