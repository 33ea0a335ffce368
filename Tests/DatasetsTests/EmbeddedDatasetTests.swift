import Datasets
import Foundation
import InputOutput
import Testing

/// The repository root, from this file's path (Tests/DatasetsTests/…).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite("Embedded Hanoi dataset")
struct EmbeddedDatasetTests {
    static func buildFromSources() throws -> [(name: String, text: String)] {
        try HanoiDatasetBuilder.build(
            sources: HanoiDatasetBuilder.readSources(directory: repositoryRoot.appendingPathComponent("data/sources").path),
            defaultScenario: String(contentsOf: repositoryRoot.appendingPathComponent("scenarios/hanoi-2025-plan.toml"), encoding: .utf8))
    }

    @Test("`grdp data build` regenerates the embedded files byte for byte")
    func regenerates() throws {
        let files = try Self.buildFromSources()
        let swiftFile = repositoryRoot.appendingPathComponent("Sources/Datasets/EmbeddedHanoiData.swift")
        let committed = try String(contentsOf: swiftFile, encoding: .utf8)
        #expect(HanoiDatasetBuilder.swiftSource(files) == committed, "run `grdp data build` and commit the result")
        let embedded = try HanoiDataset.embedded()
        for (name, text) in files { #expect(embedded.files[name] == text, "embedded \(name) differs") }
        #expect(Set(embedded.files.keys) == Set(HanoiDatasetBuilder.File.all))
    }

    /// Walks every number in every embedded file (cells and `# key: number` metadata) and
    /// requires a provenance entry that covers it.
    @Test("Every embedded number has a provenance entry")
    func provenanceCoversEverything() throws {
        let dataset = try HanoiDataset.embedded()
        var checked = 0
        for (name, text) in dataset.files where name != HanoiDatasetBuilder.File.provenance && name.hasSuffix(".csv") {
            for line in text.split(separator: "\n") where line.hasPrefix("# ") {
                let parts = line.dropFirst(2).split(separator: ":", maxSplits: 1)
                if parts.count == 2, Double(parts[1].trimmingCharacters(in: .whitespaces)) != nil {
                    let key = "#" + parts[0].trimmingCharacters(in: .whitespaces)
                    #expect(dataset.provenance.entry(file: name, row: key, column: "value") != nil, "\(name): metadata \(key) has no provenance")
                    checked += 1
                }
            }
            let records = CSVRecords.parse(text)
            guard let header = records.first else { continue }
            for record in records.dropFirst() {
                for (c, cell) in record.fields.enumerated() where c > 0 && Double(cell) != nil {
                    let entry = dataset.provenance.entry(file: name, row: record.fields[0], column: header.fields[c])
                    #expect(entry != nil, "\(name): \(record.fields[0]) / \(header.fields[c]) = \(cell) has no provenance")
                    if let entry, !entry.value.isEmpty, entry.row != "*", entry.column != "*" {
                        #expect(Double(entry.value) == Double(cell), "\(name): provenance value \(entry.value) ≠ \(cell)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 150)
        // Sources carry a URL and date; assumptions a reason and a range.
        for entry in dataset.provenance.entries {
            switch entry.kind {
            case .source where entry.row == "*":
                #expect(entry.reference.contains("verbatim") && !entry.detail.isEmpty, "\(entry.file): verbatim source without detail")
            case .source: #expect(entry.url.hasPrefix("http") && !entry.date.isEmpty, "\(entry.row): source without URL/date")
            case .assumption: #expect(!entry.detail.isEmpty && Double(entry.low) != nil && Double(entry.high) != nil)
            case .derivation: #expect(!entry.detail.isEmpty)
            }
        }
    }

    /// The derived table balances (rows and columns within 1e-6 relative: the file rounds to
    /// 0.001 billion VND), is productive, and its value added equals the 2024 structure times
    /// GRDP 1,430 trn (within the 0.001 rounding × 7 cells).
    @Test("Embedded table is balanced, productive and matches the structure")
    func tableMatchesStructure() throws {
        let dataset = try HanoiDataset.embedded()
        let table = dataset.table
        try table.validate(tolerance: 1e-6)
        let model = try LeontiefModel(table: table)
        #expect(model.spectralRadiusBounds.upperBound < 1)
        #expect(table.sectors == HanoiSector.allCases.map(\.rawValue))
        let accounts = CSVRecords.parse(dataset.accountsCSV)
        let shares = accounts.dropFirst().map { Double($0.fields[2]) ?? .nan }
        #expect(abs(shares.reduce(0, +) - 100) < 1e-5)
        for (j, sector) in table.sectors.enumerated() {
            #expect(abs(table.valueAddedLevels[j] - shares[j] / 100 * 1_430_000) < 0.01 + 1e-5 * table.valueAddedLevels[j], "\(sector)")
        }
        #expect(abs(dataset.quarterlyWeights.reduce(0, +) - 1) < 1e-5)
    }

    /// The derivation stays feasible (positive shares, balanced productive table) at every
    /// corner of the assumption box: 2⁵ = 32 combinations of low/high values.
    @Test("Derivation is feasible over the whole assumption range")
    func feasibleEverywhere() throws {
        let root = repositoryRoot.appendingPathComponent("data/sources").path
        let sources = try HanoiDatasetBuilder.readSources(directory: root)
        let facts = try PublishedFacts(files: [("grdp_facts.csv", sources["grdp_facts.csv"] ?? ""), ("extra_facts.csv", sources["extra_facts.csv"] ?? "")])
        let derivation = try HanoiTableDerivation(nationalCSV: sources[NationalTable2019.fileName] ?? "", facts: facts)
        let assumptions = try DatasetAssumptions(csv: sources[DatasetAssumptions.fileName] ?? "")
        for corner in 0..<32 {
            var p = try assumptions.centralParameters()
            for (bit, a) in assumptions.assumptions.enumerated() {
                try p.set(a.id, to: corner & (1 << bit) == 0 ? a.low : a.high)
            }
            let table = try derivation.table(p)
            try table.validate(tolerance: 1e-9)
            _ = try LeontiefModel(table: table)
            #expect(table.finalDemand.columnMajor.allSatisfy { $0 >= -1e-6 })
        }
    }
}
