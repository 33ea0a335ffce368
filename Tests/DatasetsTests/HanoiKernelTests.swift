import Datasets
import InputOutput
import LinearAlgebra
import Testing

/// The kernel is a fast re-implementation of the IOTable derivation; the two must agree.
@Suite("Hanoi economy kernel")
struct HanoiKernelTests {
    static func setUp() throws -> (HanoiTableDerivation, DatasetAssumptions) {
        let sources = try HanoiDatasetBuilder.readSources(directory: repositoryRoot.appendingPathComponent("data/sources").path)
        let facts = try PublishedFacts(files: [("grdp_facts.csv", sources["grdp_facts.csv"] ?? ""), ("extra_facts.csv", sources["extra_facts.csv"] ?? "")])
        return (try HanoiTableDerivation(nationalCSV: sources[NationalTable2019.fileName] ?? "", facts: facts),
                try DatasetAssumptions(csv: sources[DatasetAssumptions.fileName] ?? ""))
    }

    /// At the centre and at every corner of the assumption box, the kernel's A, v, w, m and
    /// x equal those of the IOTable pipeline to 1e-10 relative (only rounding differs).
    @Test("Kernel equals the IOTable derivation over the assumption box")
    func agreesWithPipeline() throws {
        let (derivation, assumptions) = try Self.setUp()
        let kernel = try HanoiEconomyKernel(derivation: derivation)
        var economy = EconomyCoefficients(sectorCount: HanoiEconomyKernel.sectorCount)
        for corner in -1..<(1 << assumptions.assumptions.count) {
            var p = try assumptions.centralParameters()
            if corner >= 0 {
                for (bit, a) in assumptions.assumptions.enumerated() { try p.set(a.id, to: corner & (1 << bit) == 0 ? a.low : a.high) }
            }
            let structure = try kernel.fill(&economy, parameters: p)
            let table = try derivation.table(p)
            let reference = try EconomyCoefficients(table: table)
            func close(_ a: [Double], _ b: [Double], _ what: String) {
                let scale = b.map(abs).max() ?? 1
                #expect(zip(a, b).allSatisfy { abs($0 - $1) <= 1e-10 * scale }, "\(what) differs at corner \(corner)")
            }
            close(economy.technical, reference.technical, "A")
            close(economy.valueAddedRatios, reference.valueAddedRatios, "v")
            close(economy.compensation, reference.compensation, "w")
            close(economy.importedInputs, reference.importedInputs, "m")
            close(economy.output, reference.output, "x")
            close(economy.valueAddedLevel, reference.valueAddedLevel, "VA")
            #expect(abs(structure.sharesPercent.reduce(0, +) - 100) < 1e-9)
        }
    }

    /// The Monte Carlo reuses one workspace across draws: whatever an earlier call left in
    /// it, the result must be exactly (bit for bit) that of a fresh workspace.
    @Test("A reused workspace gives exactly the fresh-workspace result")
    func reusedWorkspace() throws {
        let (derivation, assumptions) = try Self.setUp()
        let kernel = try HanoiEconomyKernel(derivation: derivation)
        var workspace = HanoiEconomyKernel.Workspace()
        var reused = EconomyCoefficients(sectorCount: HanoiEconomyKernel.sectorCount)
        var fresh = EconomyCoefficients(sectorCount: HanoiEconomyKernel.sectorCount)
        for corner in [31, 0, 17, 31, 6] {
            var p = try assumptions.centralParameters()
            for (bit, a) in assumptions.assumptions.enumerated() { try p.set(a.id, to: corner & (1 << bit) == 0 ? a.low : a.high) }
            let reusedStructure = try kernel.fill(&reused, parameters: p, workspace: &workspace)
            let freshStructure = try kernel.fill(&fresh, parameters: p)
            #expect(reusedStructure == freshStructure)
            #expect(reused.technical == fresh.technical && reused.valueAddedRatios == fresh.valueAddedRatios)
            #expect(reused.compensation == fresh.compensation && reused.importedInputs == fresh.importedInputs)
            #expect(reused.output == fresh.output && reused.valueAddedLevel == fresh.valueAddedLevel)
            #expect(reused.consumerWeights == fresh.consumerWeights)
        }
    }
}
