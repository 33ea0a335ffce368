import InputOutput

/// One worker's Hanoi derivation (`EconomyDrawing`): the kernel (its own copy), the current
/// `DerivationParameters` and the kernel's workspace, kept across draws. Concrete, so each
/// draw runs the kernel's specialised code.
final class HanoiEconomyDrawing: EconomyDrawing {
    let kernel: HanoiEconomyKernel
    var assumptions: DerivationParameters
    var workspace = HanoiEconomyKernel.Workspace()

    init(kernel: HanoiEconomyKernel, assumptions: DerivationParameters) {
        self.kernel = kernel
        self.assumptions = assumptions
    }

    func fillCentral(economy: inout EconomyCoefficients, shares: inout [Double]) throws {
        try fill(&economy, shares: &shares, assumptions: assumptions)
    }

    /// Sets the sampled assumptions on a local copy (one access to the stored state), then
    /// fills. O(1): the kernel's ~500 flops.
    func derive(
        theta: UnsafeBufferPointer<Double>, keys: [Int], parameters: [Int],
        economy: inout EconomyCoefficients, shares: inout [Double]
    ) throws {
        var drawn = assumptions
        for a in 0..<keys.count { try drawn.set(keyIndex: keys[a], to: theta[parameters[a]]) }
        assumptions = drawn
        try fill(&economy, shares: &shares, assumptions: drawn)
    }

    /// The kernel's fill, then the structure's shares (%) as fractions.
    private func fill(_ economy: inout EconomyCoefficients, shares: inout [Double], assumptions p: DerivationParameters) throws {
        let structure = try kernel.fill(&economy, parameters: p, workspace: &workspace)
        if shares.count != structure.sharesPercent.count { shares = [Double](repeating: 0, count: structure.sharesPercent.count) }
        for i in shares.indices { shares[i] = structure.sharesPercent[i] / 100 }
    }
}
