import InputOutput

/// A dataset's per-draw economy (`EconomyDerivation`) at the central values of its
/// assumptions: what `EconomySource.sampled` carries. The dataset's type is erased here, once,
/// when the scenario is compiled; each worker asks for its own `EconomyDrawing`.
public struct SampledEconomy: Sendable {
    /// The ids of the assumptions the derivation can sample.
    public let assumptionNames: [String]
    private let makeDrawing: @Sendable () -> any EconomyDrawing

    public init<Derivation: EconomyDerivation>(_ derivation: Derivation, central: Derivation.Assumptions) {
        assumptionNames = derivation.assumptionNames
        makeDrawing = { derivation.makeDrawing(central: central) }
    }

    /// A worker's own derivation state (copied arrays, its own workspace).
    func drawing() -> any EconomyDrawing { makeDrawing() }
}
