import Foundation
import InputOutput

/// The Hanoi derivation (`HanoiTableDerivation`) at the level of coefficients, for the
/// Monte Carlo: when the dataset's assumptions are sampled, every draw needs its own
/// A, v and base value added, and building `IOTable`s costs about 70 µs a draw; this
/// kernel computes the same numbers from the pre-read national coefficients in about a
/// microsecond, and with a kept `Workspace` allocates only the structure's share array. The `IOTable` pipeline stays the reference: a test
/// checks that both agree to 1e-10 at the centre and at every corner of the assumption box.
///
/// Steps (see `HanoiTableDerivation` for the economics): structure → group value-added
/// sizes → FLQ on the 4 national groups → proportional split into 8 parts (agriculture,
/// manufacturing, construction, electricity, water, trade, tourism, other services) with
/// construction's and tourism's sales re-specified → water merged into industry.
public struct HanoiEconomyKernel: Sendable {
    public let inputs: HanoiPublishedInputs
    public let servicesValueAddedRatio: Double
    /// National domestic coefficients of the 4 groups (column-major 4 × 4) and per-unit rows.
    let nationalTechnical: [Double]
    let nationalValueAdded: [Double]
    let nationalCompensation: [Double]
    let nationalImportedInputs: [Double]
    let nationalValueAddedLevel: [Double]
    /// National household consumption (domestic and imported) of each group.
    let nationalHouseholdConsumption: [Double]
    /// Σ_g national value added of the groups (fixed: computed once, not per draw).
    let nationalValueAddedTotal: Double

    public static let sectorCount = 7

    /// A copy with its own array storage, so that parallel workers do not share (and
    /// contend on the reference counts of) the same buffers.
    public func independentCopy() -> HanoiEconomyKernel {
        HanoiEconomyKernel(copying: self)
    }

    private init(copying other: HanoiEconomyKernel) {
        inputs = other.inputs
        servicesValueAddedRatio = other.servicesValueAddedRatio
        nationalTechnical = other.nationalTechnical.map { $0 }
        nationalValueAdded = other.nationalValueAdded.map { $0 }
        nationalCompensation = other.nationalCompensation.map { $0 }
        nationalImportedInputs = other.nationalImportedInputs.map { $0 }
        nationalValueAddedLevel = other.nationalValueAddedLevel.map { $0 }
        nationalHouseholdConsumption = other.nationalHouseholdConsumption.map { $0 }
        nationalValueAddedTotal = other.nationalValueAddedTotal
    }

    public init(derivation: HanoiTableDerivation) throws(DatasetError) {
        let groups = derivation.nationalDomesticGroups
        do {
            let a = try groups.technicalCoefficients()
            nationalTechnical = a.columnMajor
            nationalValueAdded = try groups.valueAddedCoefficients()
            nationalCompensation = try groups.compensationCoefficients()
            nationalImportedInputs = zip(groups.primaryInput(of: .imports), groups.output).map { $0 / $1 }
            nationalValueAddedLevel = groups.valueAddedLevels
            nationalHouseholdConsumption = try derivation.nationalTable.aggregated(by: NationalTable2019.hanoiMatchingGroups)
                .finalDemand(of: .households)
        } catch {
            throw .infeasible(step: "kernel set-up", reason: error.description)
        }
        nationalValueAddedTotal = Self.total(levels: nationalValueAddedLevel, groups: nationalValueAdded.count)
        inputs = try HanoiPublishedInputs(facts: derivation.facts, base: derivation.base)
        servicesValueAddedRatio = derivation.servicesValueAddedRatio
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

    /// Scratch storage for `fill`: a worker keeps one, so that the per-draw derivation of
    /// the Monte Carlo does not allocate its intermediate arrays.
    public struct Workspace: Sendable {
        /// Regional group coefficients (4 × 4, column-major).
        var regional = [Double](repeating: 0, count: 16)
        /// Output of each of the 8 parts, and its share of its group.
        var partOutput = [Double](repeating: 0, count: 8)
        var within = [Double](repeating: 0, count: 8)
        /// Part coefficients (8 × 8, column-major).
        var part = [Double](repeating: 0, count: 64)
        /// Value added, compensation and imported inputs per unit of output of each part.
        var partValueAdded = [Double](repeating: 0, count: 8)
        var partCompensation = [Double](repeating: 0, count: 8)
        var partImported = [Double](repeating: 0, count: 8)
        /// Output of each of the 7 sectors.
        var sectorOutput = [Double](repeating: 0, count: HanoiEconomyKernel.sectorCount)
        /// The parts' and groups' shares of GRDP (%), and the groups' SLQ.
        var partShares = [Double](repeating: 0, count: 8)
        var groupShares = [Double](repeating: 0, count: 4)
        var slq = [Double](repeating: 0, count: 4)

        public init() {}
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
    /// `workspace` for the intermediate arrays (its contents on entry do not matter).
    /// Steps: `groupSizes` → `regionalCoefficients` (FLQ) → `partCoefficients` (split and
    /// re-specified sales) → `mergeParts` (7 sectors) → levels.
    /// - Complexity: O(1): about 500 flops.
    @discardableResult
    public func fill(
        _ economy: inout EconomyCoefficients, parameters p: DerivationParameters, workspace w: inout Workspace
    ) throws(DatasetError) -> HanoiStructure {
        let s = try HanoiStructure(inputs: inputs, parameters: p, servicesValueAddedRatio: servicesValueAddedRatio)
        groupSizes(s, workspace: &w)
        // Relative size for FLQ on 2024 levels (as `HanoiTableDerivation`); levels below use the base year's GRDP.
        let hanoiValueAdded = inputs.grdpTrillionVND2024 * (1 - s.productTaxesPercent / 100)
        let vietnamValueAdded = inputs.vietnamGDPTrillionVND2024 * (1 - inputs.vietnamProductTaxPercent2024 / 100)
        let ratio = hanoiValueAdded / vietnamValueAdded
        let nationalTotal = nationalValueAddedTotal
        let shareTotal = w.groupShares[0] + w.groupShares[1] + w.groupShares[2] + w.groupShares[3]
        regionalCoefficients(ratio: ratio, nationalTotal: nationalTotal, shareTotal: shareTotal, flqDelta: p.flqDelta, workspace: &w)
        try partCoefficients(
            ratio: ratio, nationalTotal: nationalTotal, shareTotal: shareTotal,
            technology: p.technology, constructionCapitalFormationShare: p.constructionCapitalFormationShare, workspace: &w)
        mergeParts(into: &economy, workspace: &w)
        // Levels: value added = structure × GRDP (billion VND); output = VA / v.
        for j in 0..<Self.sectorCount {
            economy.valueAddedLevel[j] = s.sharesPercent[j] / 100 * s.grdpTrillionVND * 1000
            economy.output[j] = economy.valueAddedLevel[j] / economy.valueAddedRatios[j]
        }
        // Tourism's households weight: locals' accommodation and food is in other services.
        economy.consumerWeights[6] += economy.consumerWeights[5]
        economy.consumerWeights[5] = 0
        return s
    }

    /// The 8 parts' shares of GRDP (%) from the structure, and the 4 groups' sums of them.
    func groupSizes(_ s: HanoiStructure, workspace w: inout Workspace) {
        let manufacturing = s.percent(.industry) - s.waterPercent
        w.partShares[0] = s.percent(.agriculture)
        w.partShares[1] = manufacturing
        w.partShares[2] = s.percent(.construction)
        w.partShares[3] = s.percent(.electricity)
        w.partShares[4] = s.waterPercent
        w.partShares[5] = s.percent(.trade)
        w.partShares[6] = s.percent(.tourism)
        w.partShares[7] = s.percent(.otherServices)
        for g in 0..<4 { w.groupShares[g] = 0 }
        for k in 0..<8 { w.groupShares[Self.parentOfPart(k)] += w.partShares[k] }
    }

    /// Regional group coefficients aʳ_gh = aⁿ_gh · min(1, FLQ_gh): SLQ on value added, the
    /// regional-size factor λ* = log₂(1 + VAʳ/VAⁿ)^δ, FLQ_gh = SLQ_g/SLQ_h · λ* (SLQ_g · λ* on
    /// the diagonal) (Flegg & Webber 2000).
    func regionalCoefficients(ratio: Double, nationalTotal: Double, shareTotal: Double, flqDelta: Double, workspace w: inout Workspace) {
        for g in 0..<4 { w.slq[g] = (w.groupShares[g] / shareTotal) / (nationalValueAddedLevel[g] / nationalTotal) }
        let lambda = pow(log2(1 + ratio), flqDelta)
        for h in 0..<4 {
            for g in 0..<4 {
                let flq = (g == h ? w.slq[g] : w.slq[g] / w.slq[h]) * lambda
                w.regional[g + 4 * h] = nationalTechnical[g + 4 * h] * min(1, flq)
            }
        }
    }

    /// The 8 parts' outputs and coefficients a_kl = within_k · aʳ_{parent(k), parent(l)}, then
    /// construction's and tourism's own technology (`partTechnology`), with construction's
    /// intermediate sales cut to (1 − φ_c) of its output (manufacturing takes the
    /// rest) and tourism's moved to other services (it sells only to visitors).
    func partCoefficients(
        ratio: Double, nationalTotal: Double, shareTotal: Double, technology: SectorTechnology,
        constructionCapitalFormationShare: Double, workspace w: inout Workspace
    ) throws(DatasetError) {
        // Parts: output shares within their group follow value-added shares (same v).
        for k in 0..<8 {
            let g = Self.parentOfPart(k)
            w.within[k] = w.partShares[k] / w.groupShares[g]
            w.partOutput[k] = w.groupShares[g] / shareTotal * nationalTotal * ratio / nationalValueAdded[g] * w.within[k]
        }
        // Through raw pointers: 64 entries a draw, each array access would check bounds and uniqueness.
        w.within.withUnsafeBufferPointer { within in
            w.regional.withUnsafeBufferPointer { regional in
                w.part.withUnsafeMutableBufferPointer { part in
                    for l in 0..<8 {
                        for k in 0..<8 { part[k + 8 * l] = within[k] * regional[Self.parentOfPart(k) + 4 * Self.parentOfPart(l)] }
                    }
                }
            }
        }
        try partTechnology(technology, &w)
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
    /// by output; v, compensation, imported inputs (`partTechnology`) and
    /// households' weights likewise.
    func mergeParts(into economy: inout EconomyCoefficients, workspace w: inout Workspace) {
        let n = Self.sectorCount
        for j in 0..<n { w.sectorOutput[j] = 0 }
        for k in 0..<8 { w.sectorOutput[Self.sectorOfPart(k)] += w.partOutput[k] }
        // Through raw pointers: the 8 × 8 loop below runs every draw (on arrays of the
        // kernel's sizes, which a caller's economy of another size is given first).
        if economy.technical.count != n * n { economy.technical = [Double](repeating: 0, count: n * n) }
        if economy.valueAddedRatios.count != n { economy.valueAddedRatios = [Double](repeating: 0, count: n) }
        if economy.compensation.count != n { economy.compensation = [Double](repeating: 0, count: n) }
        if economy.importedInputs.count != n { economy.importedInputs = [Double](repeating: 0, count: n) }
        if economy.consumerWeights.count != n { economy.consumerWeights = [Double](repeating: 0, count: n) }
        economy.technical.withUnsafeMutableBufferPointer { technical in
        economy.valueAddedRatios.withUnsafeMutableBufferPointer { valueAddedRatios in
        economy.compensation.withUnsafeMutableBufferPointer { compensation in
        economy.importedInputs.withUnsafeMutableBufferPointer { importedInputs in
        economy.consumerWeights.withUnsafeMutableBufferPointer { consumerWeights in
        w.part.withUnsafeBufferPointer { part in
            for index in technical.indices { technical[index] = 0 }
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
                for k in 0..<8 { technical[Self.sectorOfPart(k) + n * j] += part[k + 8 * l] * weight }
                valueAddedRatios[j] += w.partValueAdded[l] * weight
                compensation[j] += w.partCompensation[l] * weight
                importedInputs[j] += w.partImported[l] * weight
                consumerWeights[j] += nationalHouseholdConsumption[h] * w.within[l]
            }
        }}}}}}
    }

    /// Per-unit value added, compensation and imported inputs (national imported inputs plus
    /// what FLQ removed) of each part: its parent's, then construction's and tourism's own
    /// (`SectorTechnology`). O(1): about 100 flops.
    func partTechnology(_ technology: SectorTechnology, _ w: inout Workspace) throws(DatasetError) {
        for l in 0..<8 {
            let h = Self.parentOfPart(l)
            var removed = 0.0
            for g in 0..<4 { removed += nationalTechnical[g + 4 * h] - w.regional[g + 4 * h] }
            w.partValueAdded[l] = nationalValueAdded[h]
            w.partCompensation[l] = nationalCompensation[h]
            w.partImported[l] = nationalImportedInputs[h] + removed
        }
        try Self.respecify(part: 2, ratio: technology.constructionValueAddedRatio, technology: technology, &w) { t, column throws(DatasetError) in
            try t.applyConstructionMix(&column, offset: 16, count: 8, parts: Self.technologyParts)
        }
        try Self.respecify(part: 6, ratio: technology.tourismValueAddedRatio, technology: technology, &w) { t, column throws(DatasetError) in
            try t.applyTourismMix(&column, offset: 48, count: 8, parts: Self.technologyParts)
        }
    }

    /// Parts' positions for `SectorTechnology`'s input mixes.
    static let technologyParts = SectorTechnology.Parts(agriculture: 0, manufacturing: 1, services: [5, 6, 7])

    /// Gives part `l` the value-added ratio `ratio` (0: unchanged) and its input mix
    /// (`SectorTechnology`): its value added is kept, so its output is scaled by v / v′, and
    /// the non-value-added entries of its column by σ = (1 − v′) / (1 − v).
    static func respecify(
        part l: Int, ratio: Double, technology: SectorTechnology, _ w: inout Workspace,
        mix: (SectorTechnology, inout [Double]) throws(DatasetError) -> Void
    ) throws(DatasetError) {
        guard ratio > 0 else { return }
        let v = w.partValueAdded[l]
        let sigma = try SectorTechnology.inputScale(parentRatio: v, ratio: ratio)
        for k in 0..<8 { w.part[k + 8 * l] *= sigma }
        try mix(technology, &w.part)
        w.partImported[l] *= sigma
        w.partCompensation[l] *= ratio / v
        w.partValueAdded[l] = ratio
        w.partOutput[l] *= v / ratio
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
