import Growth
import InputOutput

/// An embedded Hanoi dataset: base year 2024 with the 2025 plan (the default), or base year
/// 2025 with the 2026 plan (`HanoiBase`). Compiled into the binary (no resource files), so
/// a release binary copied alone works.
public struct HanoiDataset: Sendable {
    /// Which base year the table, accounts, targets and assumptions are for.
    public let base: HanoiBase
    /// Input-output table, 7 sectors, billion VND at base-year prices.
    public let table: IOTable
    /// Raw text of each embedded file, by name (see `HanoiDatasetBuilder.File`).
    public let files: [String: String]
    public let assumptions: DatasetAssumptions
    /// The levers' local-purchase shares and final-use tax weights (`FinalDemandAssumptions`),
    /// nil when the files hold none.
    public let finalDemand: FinalDemandAssumptions?
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
        /// The base-year value it compares to (2024 for the 2025 plan, 2025 for 2026).
        public let base2024: Double?
        public let baseUnit: String
    }

    /// Loads the embedded files of `base` (default: the 2024 base, 2025 plan).
    public static func embedded(_ base: HanoiBase = .base2024) throws(DatasetError) -> HanoiDataset {
        try HanoiDataset(files: EmbeddedHanoiData.files, base: base)
    }

    /// The embedded dataset a scenario or `--dataset` names; the error lists the known ones.
    public static func embedded(id: String) throws(DatasetError) -> HanoiDataset {
        guard let base = HanoiBase(id: id) else {
            throw .unknownDataset(id: id, known: HanoiBase.allCases.map(\.id))
        }
        return try embedded(base)
    }

    public init(files: [String: String], base: HanoiBase = .base2024) throws(DatasetError) {
        self.base = base
        func file(_ name: String) throws(DatasetError) -> String {
            guard let text = files[name] else { throw .unreadable(path: name, reason: "not embedded; run `grdp data build`") }
            return text
        }
        do {
            self.table = try IOTable(csv: file(base.tableFile), path: base.tableFile)
        } catch let error as InputOutputError {
            throw .infeasible(step: "embedded table", reason: error.description)
        } catch {
            throw .unreadable(path: base.tableFile, reason: "\(error)")
        }
        self.files = files
        self.assumptions = try DatasetAssumptions(csv: file(base.assumptionsFile), path: base.assumptionsFile)
        self.finalDemand = try files[HanoiDatasetBuilder.File.finalDemandAssumptions].map { text throws(DatasetError) in
            try FinalDemandAssumptions(csv: text)
        }
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
        for record in CSVRecords.parse(try file(base.targetsFile)).dropFirst() {
            let f = record.fields
            guard f.count == 6, let target = Double(f[1]) else {
                throw .malformed(path: base.targetsFile, line: record.line, reason: "expected indicator,target,bound,unit,base_2024,base_unit")
            }
            targets.append(PlanTarget(indicator: f[0], target: target, bound: f[2], unit: f[3], base2024: Double(f[4]), baseUnit: f[5]))
        }
        self.targets = targets
    }

    /// Text of the embedded accounts file (GRDP accounts format, see Growth).
    public var accountsCSV: String { files[base.accountsFile] ?? "" }

    /// The embedded GRDP accounts: base-year structure, plan targets and published actuals
    /// (2024 base: the 2025 plan and 2025 actuals; 2025 base: the 2026 plan).
    public func accounts() throws(DatasetError) -> GRDPAccounts {
        do {
            return try GRDPAccounts(csv: accountsCSV, path: base.accountsFile)
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
        return try HanoiTableDerivation(nationalCSV: files[HanoiDatasetBuilder.File.nationalTable] ?? "", facts: facts, base: base)
    }

    /// Every published figure embedded (facts, extra facts and the 2010–2026 history), with
    /// the date of each release: what the forecast is estimated on and back-tested against.
    public func publishedHistory() throws(DatasetError) -> PublishedFacts {
        try PublishedFacts(files: [HanoiDatasetBuilder.File.facts, HanoiDatasetBuilder.File.extraFacts, HanoiDatasetBuilder.File.history].map {
            ($0, files[$0] ?? "")
        })
    }
}
