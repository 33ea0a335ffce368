import InputOutput

/// One worker's Hanoi derivation (`EconomyDrawing`): the kernel (its own copy), the current
/// `DerivationParameters` and blocks of its own, allocated once and kept across draws: the
/// kernel's scratch (`KernelScratch`) and the assumptions as slots with their domains
/// (`DerivationParameters.slotCount`, `domain(keyIndex:)`). Concrete, so each draw runs the
/// kernel's specialised code; a draw allocates nothing and counts no references.
final class HanoiEconomyDrawing: EconomyDrawing {
    let kernel: HanoiEconomyKernel
    var assumptions: DerivationParameters
    private let constants: KernelConstants
    private let scratch: KernelScratch
    /// Slot values (`slotCount`), then each slot's lowest and highest accepted value.
    private let slots: UnsafeMutablePointer<Double>

    init(kernel: HanoiEconomyKernel, assumptions: DerivationParameters) {
        self.kernel = kernel
        self.assumptions = assumptions
        constants = kernel.constantsBlock.constants
        scratch = KernelScratch.allocate()
        let n = DerivationParameters.slotCount
        slots = UnsafeMutablePointer<Double>.allocate(capacity: 3 * n)
        slots.initialize(repeating: 0, count: 3 * n)
        assumptions.write(slots: slots)
        for key in 0..<n { (slots[n + key], slots[2 * n + key]) = DerivationParameters.domain(keyIndex: key) }
    }

    deinit {
        scratch.deallocate()
        slots.deallocate()
    }

    func fillCentral(economy: inout EconomyCoefficients, shares: inout [Double]) throws {
        try fill(&economy, shares: &shares, assumptions: assumptions)
    }

    /// Sets the sampled assumptions in their slots (one store and two comparisons each), then
    /// fills. A value outside its domain, or a key outside `DerivationParameters.Key.all`, takes
    /// `deriveCheckingEachKey`, which throws `set(keyIndex:to:)`'s error. O(1): the kernel's
    /// ~500 flops.
    func derive(
        theta: UnsafeBufferPointer<Double>, keys: [Int], parameters: [Int],
        economy: inout EconomyCoefficients, shares: inout [Double]
    ) throws {
        let accepted = keys.withUnsafeBufferPointer { keys in
            parameters.withUnsafeBufferPointer { parameters in assign(theta: theta, keys: keys, parameters: parameters) }
        }
        guard accepted else {
            try deriveCheckingEachKey(theta: theta, keys: keys, parameters: parameters, economy: &economy, shares: &shares)
            return
        }
        let drawn = DerivationParameters(slots: slots)
        assumptions = drawn
        try fill(&economy, shares: &shares, assumptions: drawn)
    }

    /// Stores `theta[parameters[a]]` in slot `keys[a]` for every a; false if a key is not a
    /// slot or a value lies outside its slot's domain (the slots are then to be restored).
    @inline(__always)
    private func assign(theta: UnsafeBufferPointer<Double>, keys: UnsafeBufferPointer<Int>, parameters: UnsafeBufferPointer<Int>) -> Bool {
        let n = DerivationParameters.slotCount
        guard keys.count == parameters.count else { return false }
        var inside = true
        for a in 0..<keys.count {
            let key = keys[a]
            guard UInt(bitPattern: key) < UInt(n) else { return false }
            let value = theta[parameters[a]]
            inside = inside && slots[n + key] <= value && value <= slots[2 * n + key]
            slots[key] = value
        }
        return inside
    }

    /// The general path: restores the slots from the assumptions of the last draw, then sets
    /// each sampled value with `set(keyIndex:to:)` (which throws for the first value or key
    /// it does not accept) and fills.
    private func deriveCheckingEachKey(
        theta: UnsafeBufferPointer<Double>, keys: [Int], parameters: [Int],
        economy: inout EconomyCoefficients, shares: inout [Double]
    ) throws {
        assumptions.write(slots: slots)
        var drawn = assumptions
        for a in 0..<keys.count { try drawn.set(keyIndex: keys[a], to: theta[parameters[a]]) }
        assumptions = drawn
        drawn.write(slots: slots)
        try fill(&economy, shares: &shares, assumptions: drawn)
    }

    /// The kernel's fill, then the structure's shares (%) as fractions.
    private func fill(_ economy: inout EconomyCoefficients, shares: inout [Double], assumptions p: DerivationParameters) throws {
        _ = try HanoiEconomyKernel.fill(&economy, parameters: p, constants: constants, scratch: scratch)
        let percent = scratch.sharesPercent
        if shares.count != percent.count { shares = [Double](repeating: 0, count: percent.count) }
        shares.withUnsafeMutableBufferPointer { shares in
            for i in 0..<percent.count { shares[i] = percent[i] / 100 }
        }
    }
}
