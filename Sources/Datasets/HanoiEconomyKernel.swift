import Foundation
import InputOutput

/// The Hanoi derivation (`HanoiTableDerivation`) at the level of coefficients, for the
/// Monte Carlo: when the dataset's assumptions are sampled, every draw needs its own
/// A, v and base value added, and building `IOTable`s costs about 70 µs a draw; this
/// kernel computes the same numbers from the pre-read national coefficients in about a
/// microsecond, and with a kept `Workspace` (or in `HanoiEconomyDrawing`) allocates nothing
/// but the structure it returns (the drawing not even that). The `IOTable` pipeline stays the
/// reference: a test checks that both agree to 1e-10 at the centre and at every corner of the assumption box.
///
/// Steps (see `HanoiTableDerivation` for the economics): structure → group value-added
/// sizes → FLQ on the 4 national groups → proportional split into 8 parts (agriculture,
/// manufacturing, construction, electricity, water, trade, tourism, other services) with
/// construction's and tourism's sales re-specified → water merged into industry.
public struct HanoiEconomyKernel: Sendable {
    public let inputs: HanoiPublishedInputs
    public let servicesValueAddedRatio: Double
    /// What the per-draw steps read (`KernelConstants`): the inputs, the national coefficients
    /// of the 4 groups (domestic A, column-major 4 × 4, per-unit rows, value-added levels and
    /// household consumption, domestic and imported) and Σ_g national value added (computed
    /// once, not per draw).
    let constantsBlock: KernelConstantsBlock

    public static let sectorCount = 7

    /// A copy with its own storage, so that parallel workers do not share the same buffers.
    public func independentCopy() -> HanoiEconomyKernel {
        HanoiEconomyKernel(copying: self)
    }

    private init(copying other: HanoiEconomyKernel) {
        inputs = other.inputs
        servicesValueAddedRatio = other.servicesValueAddedRatio
        constantsBlock = KernelConstantsBlock(copying: other.constantsBlock)
    }

    public init(derivation: HanoiTableDerivation) throws(DatasetError) {
        let groups = derivation.nationalDomesticGroups
        let technical: [Double], valueAdded: [Double], compensation: [Double], households: [Double]
        do {
            technical = try groups.technicalCoefficients().columnMajor
            valueAdded = try groups.valueAddedCoefficients()
            compensation = try groups.compensationCoefficients()
            households = try derivation.nationalTable.aggregated(by: NationalTable2019.hanoiMatchingGroups).finalDemand(of: .households)
        } catch {
            throw .infeasible(step: "kernel set-up", reason: error.description)
        }
        inputs = try HanoiPublishedInputs(facts: derivation.facts, base: derivation.base)
        servicesValueAddedRatio = derivation.servicesValueAddedRatio
        constantsBlock = try KernelConstantsBlock(
            inputs: inputs, servicesValueAddedRatio: servicesValueAddedRatio,
            technical: technical, valueAdded: valueAdded, compensation: compensation,
            importedInputs: zip(groups.primaryInput(of: .imports), groups.output).map { $0 / $1 },
            valueAddedLevel: groups.valueAddedLevels, householdConsumption: households)
    }

    /// Σ of the first `groups` levels, in index order.
    static func total(levels: [Double], groups: Int) -> Double {
        (0..<groups).reduce(0.0) { $0 + levels[$1] }
    }

    /// Groups: 0 agriculture, 1 industry & construction, 2 utilities, 3 services.
    /// Parts: 0 agriculture, 1 manufacturing, 2 construction, 3 electricity, 4 water,
    /// 5 trade, 6 tourism, 7 other services. The parent group of part k: 0, 1, 1, 2, 2, 3, 3, 3
    /// (a function rather than a stored table, so the per-draw loops need no global access).
    @inline(__always)
    static func parentOfPart(_ k: Int) -> Int { k == 0 ? 0 : k <= 2 ? 1 : k <= 4 ? 2 : 3 }
    /// Part → final sector (water joins industry): 0, 1, 3, 2, 1, 4, 5, 6.
    @inline(__always)
    static func sectorOfPart(_ k: Int) -> Int {
        switch k {
        case 0: 0
        case 1, 4: 1
        case 2: 3
        case 3: 2
        default: k - 1
        }
    }

    /// Fills `economy` (7 sectors, billion VND) and returns the structure for `p`, with a
    /// scratch workspace of its own (see `fill(_:parameters:workspace:)`).
    /// - Complexity: O(1): about 500 flops.
    @discardableResult
    public func fill(_ economy: inout EconomyCoefficients, parameters p: DerivationParameters) throws(DatasetError) -> HanoiStructure {
        var workspace = Workspace()
        return try fill(&economy, parameters: p, workspace: &workspace)
    }

    /// Fills `economy` (7 sectors, billion VND) and returns the structure for `p`, using
    /// `workspace` for the intermediate results (its contents on entry do not matter).
    /// - Complexity: O(1): about 500 flops, and the structure's share array.
    @discardableResult
    public func fill(
        _ economy: inout EconomyCoefficients, parameters p: DerivationParameters, workspace: inout Workspace
    ) throws(DatasetError) -> HanoiStructure {
        let scratch = workspace.uniqueScratch()
        let figures = try Self.fill(&economy, parameters: p, constants: constantsBlock.constants, scratch: scratch)
        return HanoiStructure(sharesPercent: Array(scratch.sharesPercent), figures: figures)
    }

    /// Fills `economy` (7 sectors, billion VND) for `p` and leaves the structure's shares (%) in
    /// `w.sharesPercent`, returning its other figures; allocates nothing once `economy` has
    /// the kernel's sizes (the Monte Carlo's per-draw path, `HanoiEconomyDrawing`).
    /// Steps: `HanoiStructure.figures` → `groupSizes` → `regionalCoefficients` (FLQ) →
    /// `partCoefficients` (split and re-specified sales) → `mergeParts` (7 sectors and levels).
    /// - Complexity: O(1): about 500 flops.
    static func fill(
        _ economy: inout EconomyCoefficients, parameters p: DerivationParameters, constants k: KernelConstants, scratch w: KernelScratch
    ) throws(DatasetError) -> HanoiStructure.Figures {
        let s = try HanoiStructure.figures(
            inputs: k.inputs, parameters: p, servicesValueAddedRatio: k.servicesValueAddedRatio, sharesPercent: w.sharesPercent)
        let inputs = k.inputs, c = k.national
        groupSizes(waterPercent: s.waterPercent, w)
        // Relative size for FLQ on 2024 levels (as `HanoiTableDerivation`); levels below use the base year's GRDP.
        let hanoiValueAdded = inputs.pointee.grdpTrillionVND2024 * (1 - w.sharesPercent[HanoiSector.count] / 100)
        let vietnamValueAdded = inputs.pointee.vietnamGDPTrillionVND2024 * (1 - inputs.pointee.vietnamProductTaxPercent2024 / 100)
        let ratio = hanoiValueAdded / vietnamValueAdded
        let nationalTotal = k.nationalValueAddedTotal
        let shareTotal = w.groupShares[0] + w.groupShares[1] + w.groupShares[2] + w.groupShares[3]
        regionalCoefficients(ratio: ratio, nationalTotal: nationalTotal, shareTotal: shareTotal, flqDelta: p.flqDelta, c, w)
        try partCoefficients(
            ratio: ratio, nationalTotal: nationalTotal, shareTotal: shareTotal,
            technology: p.technology, constructionCapitalFormationShare: p.constructionCapitalFormationShare, c, w)
        mergeParts(into: &economy, grdpTrillionVND: s.grdpTrillionVND, c, w)
        return s
    }

    /// The 8 parts' shares of GRDP (%) from the structure's shares, and the 4 groups' sums of them.
    static func groupSizes(waterPercent: Double, _ w: KernelScratch) {
        let shares = w.sharesPercent
        let manufacturing = shares[HanoiSector.industry.tableIndex] - waterPercent
        w.partShares[0] = shares[HanoiSector.agriculture.tableIndex]
        w.partShares[1] = manufacturing
        w.partShares[2] = shares[HanoiSector.construction.tableIndex]
        w.partShares[3] = shares[HanoiSector.electricity.tableIndex]
        w.partShares[4] = waterPercent
        w.partShares[5] = shares[HanoiSector.trade.tableIndex]
        w.partShares[6] = shares[HanoiSector.tourism.tableIndex]
        w.partShares[7] = shares[HanoiSector.otherServices.tableIndex]
        for g in 0..<4 { w.groupShares[g] = 0 }
        for k in 0..<8 { w.groupShares[Self.parentOfPart(k)] += w.partShares[k] }
    }

    /// Regional group coefficients aʳ_gh = aⁿ_gh · min(1, FLQ_gh): SLQ on value added, the
    /// regional-size factor λ* = log₂(1 + VAʳ/VAⁿ)^δ, FLQ_gh = SLQ_g/SLQ_h · λ* (SLQ_g · λ* on
    /// the diagonal) (Flegg & Webber 2000).
    static func regionalCoefficients(
        ratio: Double, nationalTotal: Double, shareTotal: Double, flqDelta: Double, _ c: NationalGroups, _ w: KernelScratch
    ) {
        for g in 0..<4 { w.slq[g] = (w.groupShares[g] / shareTotal) / (c.valueAddedLevel[g] / nationalTotal) }
        let lambda = pow(log2(1 + ratio), flqDelta)
        for h in 0..<4 {
            for g in 0..<4 {
                let flq = (g == h ? w.slq[g] : w.slq[g] / w.slq[h]) * lambda
                w.regional[g + 4 * h] = c.technical[g + 4 * h] * min(1, flq)
            }
        }
    }

    /// The 8 parts' outputs and coefficients a_kl = within_k · aʳ_{parent(k), parent(l)}, then
    /// construction's and tourism's own technology (`partTechnology`), with construction's
    /// intermediate sales cut to (1 − φ_c) of its output (manufacturing takes the
    /// rest) and tourism's moved to other services (it sells only to visitors).
    static func partCoefficients(
        ratio: Double, nationalTotal: Double, shareTotal: Double, technology: SectorTechnology,
        constructionCapitalFormationShare: Double, _ c: NationalGroups, _ w: KernelScratch
    ) throws(DatasetError) {
        // Parts: output shares within their group follow value-added shares (same v).
        for k in 0..<8 {
            let g = Self.parentOfPart(k)
            w.within[k] = w.partShares[k] / w.groupShares[g]
            w.partOutput[k] = w.groupShares[g] / shareTotal * nationalTotal * ratio / c.valueAdded[g] * w.within[k]
        }
        // Column l: within ∘ aʳ_{parent(·), parent(l)}, the 8 products at once (each the same
        // IEEE product as one at a time), stored one by one.
        let within = UnsafeRawPointer(w.within).loadUnaligned(as: SIMD8<Double>.self)
        for l in 0..<8 {
            let r = w.regional + 4 * Self.parentOfPart(l)
            let column = within * SIMD8(r[0], r[1], r[1], r[2], r[2], r[3], r[3], r[3])
            for k in 0..<8 { w.part[k + 8 * l] = column[k] }
        }
        try partTechnology(technology, c, w)
        // Construction (2) sells (1 − φ_c) of its output as intermediate inputs; manufacturing (1) takes the rest.
        var constructionSales = 0.0
        for l in 0..<8 { constructionSales += w.part[2 + 8 * l] * w.partOutput[l] }
        let scale = constructionSales > 0 ? (1 - constructionCapitalFormationShare) * w.partOutput[2] / constructionSales : 0
        for l in 0..<8 {
            let old = w.part[2 + 8 * l]
            w.part[2 + 8 * l] = old * scale
            w.part[1 + 8 * l] += old - old * scale
        }
        // Tourism (6) sells only to visitors; other services (7) take its intermediate sales.
        for l in 0..<8 {
            w.part[7 + 8 * l] += w.part[6 + 8 * l]
            w.part[6 + 8 * l] = 0
        }
    }

    /// Merges the 8 parts into the 7 sectors (water joins industry): rows add, columns average
    /// by output; v, compensation, imported inputs (`partTechnology`) and households' weights
    /// likewise (tourism's households weight then goes to other services: locals'
    /// accommodation and food is there). Levels: value added = structure × GRDP (billion
    /// VND), output = VA / v. An `economy` of other sizes is given the kernel's first.
    static func mergeParts(into economy: inout EconomyCoefficients, grdpTrillionVND: Double, _ c: NationalGroups, _ w: KernelScratch) {
        let n = Self.sectorCount
        for j in 0..<n { w.sectorOutput[j] = 0 }
        for k in 0..<8 { w.sectorOutput[Self.sectorOfPart(k)] += w.partOutput[k] }
        economy.giveSizes(sectors: n)
        economy.technical.withUnsafeMutableBufferPointer { technical in
        economy.valueAddedRatios.withUnsafeMutableBufferPointer { valueAddedRatios in
        economy.compensation.withUnsafeMutableBufferPointer { compensation in
        economy.importedInputs.withUnsafeMutableBufferPointer { importedInputs in
        economy.consumerWeights.withUnsafeMutableBufferPointer { consumerWeights in
        economy.valueAddedLevel.withUnsafeMutableBufferPointer { valueAddedLevel in
        economy.output.withUnsafeMutableBufferPointer { output in
            for index in 0..<(n * n) { technical[index] = 0 }
            for j in 0..<n {
                valueAddedRatios[j] = 0
                compensation[j] = 0
                importedInputs[j] = 0
                consumerWeights[j] = 0
            }
            for l in 0..<8 {
                let j = Self.sectorOfPart(l)
                let weight = w.partOutput[l] / w.sectorOutput[j]
                let h = Self.parentOfPart(l)
                // The 8 products at once (each the IEEE product), added in part order.
                let products = UnsafeRawPointer(w.part + 8 * l).loadUnaligned(as: SIMD8<Double>.self) * weight
                for k in 0..<8 { technical[Self.sectorOfPart(k) + n * j] += products[k] }
                valueAddedRatios[j] += w.partValueAdded[l] * weight
                compensation[j] += w.partCompensation[l] * weight
                importedInputs[j] += w.partImported[l] * weight
                consumerWeights[j] += c.householdConsumption[h] * w.within[l]
            }
            for j in 0..<n {
                valueAddedLevel[j] = w.sharesPercent[j] / 100 * grdpTrillionVND * 1000
                output[j] = valueAddedLevel[j] / valueAddedRatios[j]
            }
            consumerWeights[6] += consumerWeights[5]
            consumerWeights[5] = 0
        }}}}}}}
    }

    /// Per-unit value added, compensation and imported inputs (national imported inputs plus
    /// what FLQ removed) of each part: its parent's, then construction's and tourism's own
    /// (`SectorTechnology`). O(1): about 100 flops.
    static func partTechnology(_ technology: SectorTechnology, _ c: NationalGroups, _ w: KernelScratch) throws(DatasetError) {
        for l in 0..<8 {
            let h = Self.parentOfPart(l)
            var removed = 0.0
            for g in 0..<4 { removed += c.technical[g + 4 * h] - w.regional[g + 4 * h] }
            w.partValueAdded[l] = c.valueAdded[h]
            w.partCompensation[l] = c.compensation[h]
            w.partImported[l] = c.importedInputs[h] + removed
        }
        // Parts' positions for `SectorTechnology`'s input mixes: agriculture 0, manufacturing 1,
        // services 5, 6, 7 (trade, tourism, other services).
        if try Self.respecify(part: 2, ratio: technology.constructionValueAddedRatio, w) {
            guard technology.constructionMix(w.part + 16, count: 8, agriculture: 0, manufacturing: 1) else {
                throw .infeasible(step: "construction inputs", reason: "manufacturing cannot give up \(w.part[16]) to agriculture")
            }
        }
        if try Self.respecify(part: 6, ratio: technology.tourismValueAddedRatio, w) {
            guard technology.tourismMix(w.part + 48, count: 8, agriculture: 0, manufacturing: 1, services: 5...7) else {
                throw technology.tourismInfeasible
            }
        }
    }

    /// Gives part `l` the value-added ratio `ratio` (0: unchanged, returns false) before its
    /// input mix (`SectorTechnology`, applied by the caller when this returns true): its value
    /// added is kept, so its output is scaled by v / v′, and the non-value-added entries of its
    /// column by σ = (1 − v′) / (1 − v).
    @inline(__always)
    static func respecify(part l: Int, ratio: Double, _ w: KernelScratch) throws(DatasetError) -> Bool {
        guard ratio > 0 else { return false }
        let v = w.partValueAdded[l]
        let sigma = try SectorTechnology.inputScale(parentRatio: v, ratio: ratio)
        for k in 0..<8 { w.part[k + 8 * l] *= sigma }
        w.partImported[l] *= sigma
        w.partCompensation[l] *= ratio / v
        w.partValueAdded[l] = ratio
        w.partOutput[l] *= v / ratio
        return true
    }
}

extension EconomyCoefficients {
    /// Gives the coefficient arrays the sizes of `n` sectors (zeros) where they differ.
    @inline(__always)
    fileprivate mutating func giveSizes(sectors n: Int) {
        if technical.count != n * n { technical = [Double](repeating: 0, count: n * n) }
        if valueAddedRatios.count != n { valueAddedRatios = [Double](repeating: 0, count: n) }
        if compensation.count != n { compensation = [Double](repeating: 0, count: n) }
        if importedInputs.count != n { importedInputs = [Double](repeating: 0, count: n) }
        if consumerWeights.count != n { consumerWeights = [Double](repeating: 0, count: n) }
        if valueAddedLevel.count != n { valueAddedLevel = [Double](repeating: 0, count: n) }
        if output.count != n { output = [Double](repeating: 0, count: n) }
    }
}

/// The Hanoi kernel as the engine's dataset derivation: the assumptions are
/// `DerivationParameters` (ids `DerivationParameters.Key.all`), the shares the structure's.
extension HanoiEconomyKernel: EconomyDerivation {
    public var assumptionNames: [String] { DerivationParameters.Key.all }

    /// A `HanoiEconomyDrawing` on an independent copy of the kernel.
    public func makeDrawing(central: DerivationParameters) -> any EconomyDrawing {
        HanoiEconomyDrawing(kernel: independentCopy(), assumptions: central)
    }
}
