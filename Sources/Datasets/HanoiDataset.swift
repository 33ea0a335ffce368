import Growth
import InputOutput

/// The embedded default dataset: Hanoi, base year 2024, plan year 2025. Compiled into the
/// binary (no resource files), so a release binary copied alone works.
public struct HanoiDataset: Sendable {
    /// Input-output table, 7 sectors, billion VND 2024.
    public let table: IOTable
    /// Raw text of each embedded file, by name (see `HanoiDatasetBuilder.File`).
    public let files: [String: String]
    public let assumptions: DatasetAssumptions
    public let provenance: Provenance
    /// Base-year quarterly weights Q1..Q4.
    public let quarterlyWeights: [Double]
    public let targets: [PlanTarget]

    /// A plan target other than sector growth (exports, CPI, investment, tourism).
    public struct PlanTarget: Sendable, Equatable {
        public let indicator: String
        public let target: Double
        /// "min" (at least) or "max" (at most).
        public let bound: String
        public let unit: String
        public let base2024: Double?
        public let baseUnit: String
    }

    /// Loads the embedded files.
    public static func embedded() throws(DatasetError) -> HanoiDataset {
        try HanoiDataset(files: EmbeddedHanoiData.files)
    }

    public init(files: [String: String]) throws(DatasetError) {
        func file(_ name: String) throws(DatasetError) -> String {
            guard let text = files[name] else { throw .unreadable(path: name, reason: "not embedded; run `grdp data build`") }
            return text
        }
        do {
            self.table = try IOTable(csv: file(HanoiDatasetBuilder.File.table), path: HanoiDatasetBuilder.File.table)
        } catch let error as InputOutputError {
            throw .infeasible(step: "embedded table", reason: error.description)
        } catch {
            throw .unreadable(path: HanoiDatasetBuilder.File.table, reason: "\(error)")
        }
        self.files = files
        self.assumptions = try DatasetAssumptions(csv: file(HanoiDatasetBuilder.File.assumptions))
        self.provenance = try Provenance(csv: file(HanoiDatasetBuilder.File.provenance), path: HanoiDatasetBuilder.File.provenance)
        var weights: [Double] = []
        for record in CSVRecords.parse(try file(HanoiDatasetBuilder.File.quarterlyWeights)).dropFirst() {
            guard record.fields.count == 2, let weight = Double(record.fields[1]) else {
                throw .malformed(path: HanoiDatasetBuilder.File.quarterlyWeights, line: record.line, reason: "expected quarter,weight")
            }
            weights.append(weight)
        }
        self.quarterlyWeights = weights
        var targets: [PlanTarget] = []
        for record in CSVRecords.parse(try file(HanoiDatasetBuilder.File.targets)).dropFirst() {
            let f = record.fields
            guard f.count == 6, let target = Double(f[1]) else {
                throw .malformed(path: HanoiDatasetBuilder.File.targets, line: record.line, reason: "expected indicator,target,bound,unit,base_2024,base_unit")
            }
            targets.append(PlanTarget(indicator: f[0], target: target, bound: f[2], unit: f[3], base2024: Double(f[4]), baseUnit: f[5]))
        }
        self.targets = targets
    }

    /// Text of the embedded accounts file (GRDP accounts format, see Growth).
    public var accountsCSV: String { files[HanoiDatasetBuilder.File.accounts] ?? "" }

    /// The embedded GRDP accounts: 2024 structure, 2025 plan targets and published 2025 actuals.
    public func accounts() throws(DatasetError) -> GRDPAccounts {
        do {
            return try GRDPAccounts(csv: accountsCSV, path: HanoiDatasetBuilder.File.accounts)
        } catch {
            throw .infeasible(step: "embedded accounts", reason: error.description)
        }
    }

    public func target(_ indicator: String) -> PlanTarget? { targets.first { $0.indicator == indicator } }

    /// The default scenario's TOML text (`grdp run` with no file).
    public var defaultScenario: String { files[HanoiDatasetBuilder.File.defaultScenario] ?? "" }

    /// The derivation over the embedded sources (GSO 2019 table, published figures).
    public func derivation() throws(DatasetError) -> HanoiTableDerivation {
        let facts = try PublishedFacts(files: [
            (HanoiDatasetBuilder.File.facts, files[HanoiDatasetBuilder.File.facts] ?? ""),
            (HanoiDatasetBuilder.File.extraFacts, files[HanoiDatasetBuilder.File.extraFacts] ?? ""),
        ])
        return try HanoiTableDerivation(nationalCSV: files[HanoiDatasetBuilder.File.nationalTable] ?? "", facts: facts)
    }

    /// Every published figure embedded (facts, extra facts and the 2010–2026 history), with
    /// the date of each release: what the forecast is estimated on and back-tested against.
    public func publishedHistory() throws(DatasetError) -> PublishedFacts {
        try PublishedFacts(files: [HanoiDatasetBuilder.File.facts, HanoiDatasetBuilder.File.extraFacts, HanoiDatasetBuilder.File.history].map {
            ($0, files[$0] ?? "")
        })
    }
}
