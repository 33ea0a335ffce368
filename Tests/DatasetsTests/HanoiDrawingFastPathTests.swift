@testable import Datasets
import Foundation
import InputOutput
import Testing

/// The Monte Carlo's per-draw Hanoi derivation (`HanoiEconomyDrawing`: assumptions set in slots
/// checked against interval domains, the kernel on blocks kept across draws) against the
/// general path (`DerivationParameters.set(keyIndex:to:)`, then `HanoiEconomyKernel.fill` with
/// a fresh workspace). Tolerance: none; every result must be equal bit for bit.
@Suite("Hanoi drawing fast path")
struct HanoiDrawingFastPathTests {
    static func setUp(base: HanoiBase) throws -> (HanoiEconomyKernel, DatasetAssumptions) {
        let sources = try HanoiDatasetBuilder.readSources(directory: repositoryRoot.appendingPathComponent("data/sources").path)
        let facts = try PublishedFacts(files: [("grdp_facts.csv", sources["grdp_facts.csv"] ?? ""), ("extra_facts.csv", sources["extra_facts.csv"] ?? "")])
        let derivation = try HanoiTableDerivation(nationalCSV: sources[NationalTable2019.fileName] ?? "", facts: facts, base: base)
        return (try HanoiEconomyKernel(derivation: derivation), try DatasetAssumptions(csv: sources[base.assumptionsFile] ?? ""))
    }

    /// Bit patterns of an economy's arrays and the shares, for exact comparison.
    static func bits(_ e: EconomyCoefficients, _ shares: [Double]) -> [[UInt64]] {
        [e.technical, e.valueAddedRatios, e.compensation, e.importedInputs, e.output, e.valueAddedLevel, e.consumerWeights, shares]
            .map { $0.map(\.bitPattern) }
    }

    /// `domain(keyIndex:)` accepts a value exactly when `set(keyIndex:to:)` does, for every key,
    /// on the values at and next to each end of every domain, signed zeros, infinities and NaN.
    @Test("Slot domains accept exactly what set(keyIndex:to:) accepts")
    func domainsMatchSetter() {
        #expect(DerivationParameters.slotCount == DerivationParameters.Key.all.count)
        var values: [Double] = [0, -0.0, 0.3, 1, 2, -1, 1e300, .greatestFiniteMagnitude, .infinity, -.infinity, .nan]
        for end in [0.0, 1, 0.5, -0.5] { values += [end, end.nextUp, end.nextDown] }
        var central = DerivationParameters(
            agricultureShareOfRemainder: 0.2, waterToElectricityRatio: 0.3, tourismCharacteristicShare: 0.5, flqDelta: 0.1,
            constructionCapitalFormationShare: 0.8)
        for key in 0..<DerivationParameters.slotCount {
            let (low, high) = DerivationParameters.domain(keyIndex: key)
            for value in values {
                let accepted = (try? central.set(keyIndex: key, to: value)) != nil
                #expect((low <= value && value <= high) == accepted, "key \(key), value \(value)")
            }
        }
    }

    /// Slots hold the parameters in `Key.all` order: writing and reading back is the identity,
    /// and setting slot i is `set(keyIndex: i, …)`.
    @Test("Slots are the parameters in Key.all order")
    func slotsRoundTrip() throws {
        let (_, assumptions) = try Self.setUp(base: .base2025)
        let p = try assumptions.centralParameters()
        let slots = UnsafeMutablePointer<Double>.allocate(capacity: DerivationParameters.slotCount)
        defer { slots.deallocate() }
        p.write(slots: slots)
        #expect(DerivationParameters(slots: slots) == p)
        for key in 0..<DerivationParameters.slotCount {
            var bySetter = p
            try bySetter.set(keyIndex: key, to: 0.25)
            p.write(slots: slots)
            slots[key] = 0.25
            #expect(DerivationParameters(slots: slots) == bySetter, "slot \(key)")
        }
    }

    /// Draws over the assumption box (values at 0, 13, 50, 77 and 100 % of each range, mixed
    /// across draws and keys; θ indexed through a permutation), on one drawing, equal the
    /// general path draw by draw, bit for bit, for both bases.
    @Test("A drawing's draws equal set(keyIndex:to:) and fill bit for bit", arguments: [HanoiBase.base2024, .base2025])
    func drawsMatchGeneralPath(base: HanoiBase) throws {
        let (kernel, assumptions) = try Self.setUp(base: base)
        let central = try assumptions.centralParameters()
        let drawing = kernel.makeDrawing(central: central)
        let keys = try assumptions.assumptions.map { a in try #require(DerivationParameters.Key.all.firstIndex(of: a.id)) }
        let parameters = Array(keys.indices.reversed())
        let fractions = [0, 0.13, 0.5, 0.77, 1]
        var reference = central
        var economy = EconomyCoefficients(sectorCount: HanoiEconomyKernel.sectorCount), shares: [Double] = []
        var expected = EconomyCoefficients(sectorCount: HanoiEconomyKernel.sectorCount)
        for draw in 0..<40 {
            var theta = [Double](repeating: .nan, count: keys.count)
            for (a, assumption) in assumptions.assumptions.enumerated() {
                let f = fractions[(draw * 7 + a * 3) % fractions.count]
                theta[parameters[a]] = assumption.low + (assumption.high - assumption.low) * f
            }
            try theta.withUnsafeBufferPointer { theta in
                try drawing.derive(theta: theta, keys: keys, parameters: parameters, economy: &economy, shares: &shares)
                for a in keys.indices { try reference.set(keyIndex: keys[a], to: theta[parameters[a]]) }
            }
            let structure = try kernel.fill(&expected, parameters: reference)
            #expect(Self.bits(economy, shares) == Self.bits(expected, structure.sharesPercent.map { $0 / 100 }), "draw \(draw)")
        }
    }

    /// A value outside its domain throws `set(keyIndex:to:)`'s error and leaves the drawing's
    /// assumptions those of the last accepted draw: a later draw of only some keys equals the
    /// general path from that draw.
    @Test("A rejected value throws the setter's error and keeps the last draw's assumptions")
    func rejectedValue() throws {
        let (kernel, assumptions) = try Self.setUp(base: .base2024)
        let central = try assumptions.centralParameters()
        let drawing = kernel.makeDrawing(central: central)
        let keys = [0, 3, 1]
        var economy = EconomyCoefficients(sectorCount: HanoiEconomyKernel.sectorCount), shares: [Double] = []
        func derive(_ values: [Double], keys: [Int]) throws {
            try values.withUnsafeBufferPointer { theta in
                try drawing.derive(theta: theta, keys: keys, parameters: Array(keys.indices), economy: &economy, shares: &shares)
            }
        }
        try derive([0.155, 0.2, 0.4], keys: keys)
        var reference = central
        try reference.set(keyIndex: 0, to: 0.155)
        try reference.set(keyIndex: 3, to: 0.2)
        try reference.set(keyIndex: 1, to: 0.4)
        for (bad, key) in [(1.5, 3), (Double.nan, 1), (-0.1, 0)] {
            var values = [0.16, 0.25, 0.5]
            values[keys.firstIndex(of: key) ?? 0] = bad
            var probe = reference
            let expectedError = #expect(throws: DatasetError.self) { try probe.set(keyIndex: key, to: bad) }
            let thrown = #expect(throws: (any Error).self) { try derive(values, keys: keys) }
            #expect(thrown.map(String.init(describing:)) == expectedError.map(String.init(describing:)))
        }
        #expect(throws: (any Error).self) { try derive([0.16], keys: [DerivationParameters.slotCount]) }
        try derive([0.21], keys: [3])
        try reference.set(keyIndex: 3, to: 0.21)
        var expected = EconomyCoefficients(sectorCount: HanoiEconomyKernel.sectorCount)
        let structure = try kernel.fill(&expected, parameters: reference)
        #expect(Self.bits(economy, shares) == Self.bits(expected, structure.sharesPercent.map { $0 / 100 }))
    }

    /// The structure the kernel returns is `HanoiStructure(inputs:parameters:…)`'s at corners
    /// of the 2025 assumption box.
    @Test("The kernel's structure equals HanoiStructure's initialiser")
    func structureMatches() throws {
        let (kernel, assumptions) = try Self.setUp(base: .base2025)
        var economy = EconomyCoefficients(sectorCount: HanoiEconomyKernel.sectorCount)
        var workspace = HanoiEconomyKernel.Workspace()
        for corner in [0, 1, 0b101_0101_0101, 0b111_1111_1111] {
            var p = try assumptions.centralParameters()
            for (bit, a) in assumptions.assumptions.enumerated() { try p.set(a.id, to: corner & (1 << bit) == 0 ? a.low : a.high) }
            let structure = try kernel.fill(&economy, parameters: p, workspace: &workspace)
            let direct = try HanoiStructure(inputs: kernel.inputs, parameters: p, servicesValueAddedRatio: kernel.servicesValueAddedRatio)
            #expect(structure.sharesPercent.map(\.bitPattern) == direct.sharesPercent.map(\.bitPattern))
            #expect(structure == direct)
        }
    }

    /// The input mixes on an array column (the `IOTable` path) equal the kernel's on a raw
    /// column with the services as a range, for construction's and tourism's columns.
    @Test("Array and pointer input mixes agree bit for bit")
    func mixesMatch() throws {
        let technology = SectorTechnology(
            constructionValueAddedRatio: 0.3, constructionFarmInputShare: 0.01, tourismValueAddedRatio: 0.4,
            tourismGoodsInputShare: 0.45, tourismFarmShareOfGoods: 0.38)
        let parts = SectorTechnology.Parts(agriculture: 0, manufacturing: 1, services: [5, 6, 7])
        let column = (0..<64).map { 0.01 + Double(($0 * 37) % 23) / 97 }
        var byArray = column, byPointer = column
        try technology.applyConstructionMix(&byArray, offset: 16, count: 8, parts: parts)
        try technology.applyTourismMix(&byArray, offset: 48, count: 8, parts: parts)
        let feasible = byPointer.withUnsafeMutableBufferPointer { c in
            let base = c.baseAddress.unsafelyUnwrapped
            return technology.constructionMix(base + 16, count: 8, agriculture: 0, manufacturing: 1)
                && technology.tourismMix(base + 48, count: 8, agriculture: 0, manufacturing: 1, services: 5...7)
        }
        #expect(feasible)
        #expect(byArray.map(\.bitPattern) == byPointer.map(\.bitPattern))
        #expect(byArray != column)
    }
}
