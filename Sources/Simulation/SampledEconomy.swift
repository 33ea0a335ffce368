import InputOutput

/// A dataset's per-draw economy (`EconomyDerivation`) with the central values of its
/// assumptions: what `EconomySource.sampled` carries. The dataset's type is erased here,
/// once, when the scenario is compiled; each worker opens it into a `DerivedEconomyDraw<D>`,
/// whose per-draw work is specialised for the dataset.
public struct SampledEconomy: Sendable {
    /// The ids of the assumptions the derivation can sample.
    public let assumptionNames: [String]
    private let makeDraw: @Sendable () -> any EconomyDrawing

    public init<Derivation: EconomyDerivation>(_ derivation: Derivation, central: Derivation.Assumptions) {
        assumptionNames = derivation.assumptionNames
        makeDraw = { DerivedEconomyDraw(derivation: derivation.independentCopy(), assumptions: central) }
    }

    /// A worker's own derivation state (copied arrays, its own workspace).
    func draw() -> any EconomyDrawing { makeDraw() }
}

/// Step 1 of a draw (`DrawEvaluator`): set the sampled assumptions from θ and re-derive the
/// economy and the lines' shares. A class, so that the evaluator holding it stays a loadable
/// struct (an `any` of a value type would make it address-only).
protocol EconomyDrawing: AnyObject {
    /// Fills `economy` and `shares` at the central assumptions (when the evaluator is made).
    /// - Throws: `invalidModel` with the dataset's reason.
    func fillCentral(economy: inout EconomyCoefficients, shares: inout [Double]) throws(SimulationError)
    /// Sets assumption `keys[a]` to `theta[parameters[a]]` for every a, then fills `economy`
    /// and `shares`. O(the dataset's derivation), about a microsecond for Hanoi.
    /// - Throws: `evaluationFailed(draw:reason:)` with the dataset's reason.
    func derive(
        theta: UnsafeBufferPointer<Double>, keys: [Int], parameters: [Int],
        economy: inout EconomyCoefficients, shares: inout [Double], draw: Int
    ) throws(SimulationError)
}

/// `EconomyDrawing` for one dataset type: the derivation, the current assumptions and the
/// kept workspace; generic, so the calls into the dataset are direct.
final class DerivedEconomyDraw<Derivation: EconomyDerivation>: EconomyDrawing {
    let derivation: Derivation
    var assumptions: Derivation.Assumptions
    var workspace: Derivation.Workspace

    init(derivation: Derivation, assumptions: Derivation.Assumptions) {
        self.derivation = derivation
        self.assumptions = assumptions
        self.workspace = derivation.makeWorkspace()
    }

    func fillCentral(economy: inout EconomyCoefficients, shares: inout [Double]) throws(SimulationError) {
        do { try derivation.fill(&economy, assumptions: assumptions, workspace: &workspace, shares: &shares) } catch {
            throw .invalidModel(error.description)
        }
    }

    func derive(
        theta: UnsafeBufferPointer<Double>, keys: [Int], parameters: [Int],
        economy: inout EconomyCoefficients, shares: inout [Double], draw: Int
    ) throws(SimulationError) {
        do {
            for a in 0..<keys.count { try derivation.set(&assumptions, index: keys[a], to: theta[parameters[a]]) }
            try derivation.fill(&economy, assumptions: assumptions, workspace: &workspace, shares: &shares)
        } catch {
            throw .evaluationFailed(draw: draw, reason: error.description)
        }
    }
}
