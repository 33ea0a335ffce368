import Foundation
import InputOutput
import LinearAlgebra
import TestSupport
import Testing

/// `IOTablePipeline`: the steps in their order, their side files read against the sectors the
/// earlier steps leave, and errors placed at the step's source. The table is Miller & Blair's
/// (2009, §2.3): Z = [[150, 500], [200, 100]], x = (1000, 2000), ΣZ = 950.
@Suite("IO table pipeline")
struct IOTablePipelineTests {
    static func sideFile(_ text: String, _ name: String = "side.csv") throws -> (directory: URL, path: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (directory, file.path)
    }

    @Test("No step leaves the table as it is")
    func identity() throws {
        let table = try TableFixtures.millerBlair()
        let result = try IOTablePipeline(configuration: .init()).apply(to: table)
        #expect(result.steps.isEmpty)
        #expect(result.balancing == nil)
        #expect(result.table.sectors == table.sectors && result.table.output == table.output)
    }

    /// One group: Z* = 1ᵀZ1 = 950 and x* = 3000 exactly (sums of integers).
    @Test("Aggregation by a concordance file")
    func aggregation() throws {
        let file = try Self.sideFile("sector,group\nagriculture,goods\nmanufacturing,goods\n")
        defer { try? FileManager.default.removeItem(at: file.directory) }
        let configuration = IOTablePipeline.Configuration(aggregation: .init(concordancePath: file.path, source: "--aggregate"))
        let result = try IOTablePipeline(configuration: configuration).apply(to: try TableFixtures.millerBlair())
        #expect(result.table.sectors == ["goods"])
        #expect(result.table.output == [3000])
        #expect(result.table.intermediate[0, 0] == 950)
        #expect(result.steps == [.aggregated(concordancePath: file.path)])
    }

    /// agriculture split 1:3 (weights 0.25, 0.75, exact in binary): outputs 250 and 750.
    /// Then targets named by the parts, equal to the split table's own row and column sums:
    /// RAS has nothing to scale and Z stays (1e-12 of ΣZ).
    @Test("The balancing targets are read against the sectors the split leaves")
    func splitThenBalance() throws {
        let split = SectorSplit(sector: "agriculture", parts: [.init(label: "crops", weight: 1), .init(label: "livestock", weight: 3)])
        let splitOnly = try IOTablePipeline(configuration: .init(disaggregation: .init(split: split))).apply(to: try TableFixtures.millerBlair())
        #expect(splitOnly.table.sectors == ["crops", "livestock", "manufacturing"])
        #expect(splitOnly.table.output == [250, 750, 2000])
        #expect(splitOnly.steps == [.disaggregated(sector: "agriculture")])
        let z = splitOnly.table.intermediate
        let lines = splitOnly.table.sectors.enumerated().map { "\($0.element),\(z.rowSums[$0.offset]),\(z.columnSums[$0.offset])" }
        let file = try Self.sideFile("sector,row_total,column_total\n" + lines.joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(at: file.directory) }
        let configuration = IOTablePipeline.Configuration(disaggregation: .init(split: split), balancing: .init(targetsPath: file.path))
        let result = try IOTablePipeline(configuration: configuration).apply(to: try TableFixtures.millerBlair())
        #expect(result.steps == [.disaggregated(sector: "agriculture"), .rebalanced])
        #expect(result.balancing != nil)
        #expect(try result.table.intermediate.maxAbsoluteDifference(to: z) < 1e-12 * 950)
    }

    /// Regional sizes a tenth of national output in every sector: every SLQ is 1, so the
    /// region keeps the national coefficients (as in RegionalTableTests; 1e-12) and its
    /// output is a tenth (1e-9). Semicolon CSV with decimal commas.
    @Test("Regionalisation by sizes from a side file in any CSV dialect")
    func regionalisation() throws {
        let file = try Self.sideFile("sector;size\nagriculture;100,0\nmanufacturing;200,0\n")
        defer { try? FileManager.default.removeItem(at: file.directory) }
        let national = try TableFixtures.millerBlair()
        let configuration = IOTablePipeline.Configuration(regionalisation: .init(sizesPath: file.path, measure: .output, method: .slq))
        let result = try IOTablePipeline(configuration: configuration).apply(to: national)
        #expect(result.steps == [.regionalised(.slq)])
        #expect(try result.table.technicalCoefficients().maxAbsoluteDifference(to: national.technicalCoefficients()) < 1e-12)
        #expect(maxDifference(result.table.output, [100, 200]) < 1e-9)
    }

    @Test("Side-file errors name the step's source, the file and the line", arguments: [
        ("sector,size\nagriculture,100\nmining,5\n", ":3: unknown sector 'mining'; the table's sectors are agriculture, manufacturing"),
        ("sector,size\nagriculture,100\n", ": no line for sector 'manufacturing'; give one line per sector"),
        ("sector,size\nagriculture,100\nagriculture,5\nmanufacturing,1\n", ":3: sector 'agriculture' appears twice"),
        ("sector,size\nagriculture,100,3\n", ":2: expected 2 cells (sector and 1 value(s)), found 3"),
        ("sector,size\nagriculture,100\nmanufacturing,abc\n", ":3: 'abc' is not numeric"),
    ])
    func sideFileErrors(text: String, expected: String) throws {
        let file = try Self.sideFile(text)
        defer { try? FileManager.default.removeItem(at: file.directory) }
        let configuration = IOTablePipeline.Configuration(
            regionalisation: .init(sizesPath: file.path, measure: .output, method: .slq, source: "--regionalize"))
        let error = #expect(throws: InputOutputError.self) { try IOTablePipeline(configuration: configuration).apply(to: try TableFixtures.millerBlair()) }
        #expect(error?.description == "--regionalize: \(file.path)\(expected)")
    }

    /// Row targets sum to 950, column targets to 1000: no matrix meets both.
    @Test("A balancing failure names the step's source and its file")
    func balancingError() throws {
        let file = try Self.sideFile("agriculture,700,450\nmanufacturing,250,550\n")
        defer { try? FileManager.default.removeItem(at: file.directory) }
        let configuration = IOTablePipeline.Configuration(balancing: .init(targetsPath: file.path, source: "--balance"))
        let error = #expect(throws: InputOutputError.self) { try IOTablePipeline(configuration: configuration).apply(to: try TableFixtures.millerBlair()) }
        #expect(error?.description.hasPrefix("--balance \(file.path): RAS: row targets sum to 950") == true, "\(String(describing: error))")
    }

    @Test("A missing concordance file names the step's source")
    func missingConcordance() throws {
        let configuration = IOTablePipeline.Configuration(aggregation: .init(concordancePath: "no-such-concordance.csv", source: "--aggregate"))
        let error = #expect(throws: InputOutputError.self) { try IOTablePipeline(configuration: configuration).apply(to: try TableFixtures.millerBlair()) }
        #expect(error?.description.hasPrefix("--aggregate: no-such-concordance.csv: cannot read the file (") == true, "\(String(describing: error))")
    }
}
