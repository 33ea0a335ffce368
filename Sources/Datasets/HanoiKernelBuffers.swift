/// The Hanoi kernel's numbers in flat blocks of doubles at fixed offsets, so that its per-draw
/// loops read and write through raw pointers: no array bounds or uniqueness checks, no
/// reference counting and no allocation in the Monte Carlo's hot path.
///
/// Two blocks: `KernelConstants` (the published inputs and `NationalGroups`, the national
/// coefficients of the 4 groups; read-only, fixed for a run), and `KernelScratch`, the
/// intermediate results of one derivation (written every draw; its contents on entry to
/// `HanoiEconomyKernel.fill` do not matter).

/// The national coefficients of the 4 groups (0 agriculture, 1 industry & construction,
/// 2 utilities, 3 services) the kernel starts from, in one block of `count` doubles.
struct NationalGroups {
    static let groupCount = 4
    static let count = 36
    let base: UnsafePointer<Double>

    /// Domestic technical coefficients aⁿ (4 × 4, column-major).
    var technical: UnsafePointer<Double> { base }
    /// Value added, compensation and imported inputs per unit of output.
    var valueAdded: UnsafePointer<Double> { base + 16 }
    var compensation: UnsafePointer<Double> { base + 20 }
    var importedInputs: UnsafePointer<Double> { base + 24 }
    /// Value-added levels.
    var valueAddedLevel: UnsafePointer<Double> { base + 28 }
    /// Household consumption (domestic and imported).
    var householdConsumption: UnsafePointer<Double> { base + 32 }
}

/// What the kernel's per-draw steps read and never write: the published inputs, the national
/// groups' coefficients and two scalars, as one small value of pointers and doubles (no copy
/// of `HanoiPublishedInputs` per draw). Valid while the `KernelConstantsBlock` it comes from lives.
struct KernelConstants {
    let inputs: UnsafePointer<HanoiPublishedInputs>
    let national: NationalGroups
    /// ν, value added / output of services in the national table.
    let servicesValueAddedRatio: Double
    /// Σ_g national value added of the groups.
    let nationalValueAddedTotal: Double
}

/// Owner of the storage of `KernelConstants`: written once in `init`, read-only afterwards
/// (hence `@unchecked Sendable`: no mutation after construction).
final class KernelConstantsBlock: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Double>
    private let inputs: UnsafeMutablePointer<HanoiPublishedInputs>
    let constants: KernelConstants

    /// The block from the published inputs and the per-group arrays (each of 4 entries,
    /// `technical` of 16). - Throws: `infeasible` when the national table does not aggregate
    /// to 4 groups.
    init(inputs published: HanoiPublishedInputs, servicesValueAddedRatio: Double, technical: [Double], valueAdded: [Double],
         compensation: [Double], importedInputs: [Double], valueAddedLevel: [Double], householdConsumption: [Double]) throws(DatasetError) {
        let g = NationalGroups.groupCount
        let rows = [valueAdded, compensation, importedInputs, valueAddedLevel, householdConsumption]
        guard technical.count == g * g, rows.allSatisfy({ $0.count == g }) else {
            throw .infeasible(step: "kernel set-up", reason: "the national table must aggregate to \(g) groups")
        }
        storage = UnsafeMutablePointer<Double>.allocate(capacity: NationalGroups.count)
        for (i, value) in (technical + rows.joined()).enumerated() { (storage + i).initialize(to: value) }
        inputs = UnsafeMutablePointer<HanoiPublishedInputs>.allocate(capacity: 1)
        inputs.initialize(to: published)
        constants = KernelConstants(
            inputs: UnsafePointer(inputs), national: NationalGroups(base: UnsafePointer(storage)),
            servicesValueAddedRatio: servicesValueAddedRatio,
            nationalValueAddedTotal: HanoiEconomyKernel.total(levels: valueAddedLevel, groups: g))
    }

    /// A block with the same numbers in storage of its own (for a parallel worker).
    init(copying other: KernelConstantsBlock) {
        storage = UnsafeMutablePointer<Double>.allocate(capacity: NationalGroups.count)
        storage.initialize(from: other.constants.national.base, count: NationalGroups.count)
        inputs = UnsafeMutablePointer<HanoiPublishedInputs>.allocate(capacity: 1)
        inputs.initialize(to: other.constants.inputs.pointee)
        constants = KernelConstants(
            inputs: UnsafePointer(inputs), national: NationalGroups(base: UnsafePointer(storage)),
            servicesValueAddedRatio: other.constants.servicesValueAddedRatio,
            nationalValueAddedTotal: other.constants.nationalValueAddedTotal)
    }

    deinit {
        storage.deallocate()
        inputs.deinitialize(count: 1)
        inputs.deallocate()
    }
}

/// The kernel's intermediate results for one derivation, in one block of `count` doubles.
struct KernelScratch {
    static let count = 152
    let base: UnsafeMutablePointer<Double>

    /// A zeroed block; the caller deallocates it (`deallocate()`).
    static func allocate() -> KernelScratch {
        let base = UnsafeMutablePointer<Double>.allocate(capacity: count)
        base.initialize(repeating: 0, count: count)
        return KernelScratch(base: base)
    }

    func deallocate() { base.deallocate() }

    /// Regional group coefficients (4 × 4, column-major).
    var regional: UnsafeMutablePointer<Double> { base }
    /// Output of each of the 8 parts, and its share of its group.
    var partOutput: UnsafeMutablePointer<Double> { base + 16 }
    var within: UnsafeMutablePointer<Double> { base + 24 }
    /// Part coefficients (8 × 8, column-major).
    var part: UnsafeMutablePointer<Double> { base + 32 }
    /// Value added, compensation and imported inputs per unit of output of each part.
    var partValueAdded: UnsafeMutablePointer<Double> { base + 96 }
    var partCompensation: UnsafeMutablePointer<Double> { base + 104 }
    var partImported: UnsafeMutablePointer<Double> { base + 112 }
    /// Output of each of the 7 sectors.
    var sectorOutput: UnsafeMutablePointer<Double> { base + 120 }
    /// The parts' and groups' shares of GRDP (%), and the groups' SLQ.
    var partShares: UnsafeMutablePointer<Double> { base + 128 }
    var groupShares: UnsafeMutablePointer<Double> { base + 136 }
    var slq: UnsafeMutablePointer<Double> { base + 140 }
    /// The structure's shares (%): the 7 sectors in `HanoiSector` order, then product taxes.
    var sharesPercent: UnsafeMutableBufferPointer<Double> {
        UnsafeMutableBufferPointer(start: base + 144, count: HanoiSector.count + 1)
    }
}

extension HanoiEconomyKernel {
    /// Scratch storage for `fill`: a caller that derives many economies keeps one, so that
    /// the derivation allocates nothing. A copy of a workspace shares its block until either
    /// is used, which then takes a block of its own (value semantics).
    public struct Workspace: Sendable {
        /// Owner of a `KernelScratch` block. `@unchecked Sendable`: the block is written only
        /// through `Workspace.uniqueScratch()`, i.e. by the one workspace that references it.
        final class Storage: @unchecked Sendable {
            let scratch = KernelScratch.allocate()
            deinit { scratch.deallocate() }
        }

        private var storage = Storage()

        public init() {}

        /// The scratch block, made this workspace's own first if a copy shares it.
        mutating func uniqueScratch() -> KernelScratch {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage() }
            return storage.scratch
        }
    }
}
