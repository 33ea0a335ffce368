import Datasets
import Foundation
import Growth
import InputOutput
import Scenarios

/// Turns a validated scenario and its dataset into a `SimulationModel`:
/// - the economy: the embedded Hanoi dataset (its assumptions sampled per draw by the
///   kernel, or held at their central values), or the user's table and accounts;
/// - every accounts line's baseline growth (scenario `[baseline]`, else the accounts'
///   growth column);
/// - the uncertain parameters in the scenario's documented order, then the dataset's
///   assumptions (`assumptions.ID`, triangular over their stated ranges);
/// - levers with sector indices, the copula, quarterly weights, and the targets.
public enum ScenarioCompiler {
    /// The dataset a scenario runs on.
    public struct Dataset: Sendable {
        public let table: IOTable
        public let accounts: GRDPAccounts
        /// Embedded Hanoi data (kernel, assumptions, targets), nil for a user's files.
        public let hanoi: HanoiDataset?
        public let quarterlyWeights: [Double]
        /// Where the table and accounts came from, for the report.
        public let description: String
        /// The table's money unit as stated (`# unit:` line), nil when not stated.
        public var tableUnit: String? = nil
        /// Warnings about the table (e.g. undeclared competitive imports), one line each.
        public var notes: [String] = []
    }

    /// Loads the dataset the scenario names (paths relative to the scenario file).
    public static func dataset(for scenario: Scenario) throws -> Dataset {
        let embedded = try HanoiDataset.embedded(id: scenario.dataset)
        let accounts = try scenario.accountsPath.map { try GRDPAccounts.load(path: $0) } ?? embedded.accounts()
        let loaded = try scenario.tablePath.map { try IOTable.read(path: $0) }
        let table = loaded?.table ?? embedded.table
        if let tablePath = scenario.tablePath { _ = try InputOutputError.at(tablePath) { try table.validate() } }
        let userFiles = scenario.accountsPath != nil || scenario.tablePath != nil
        var weights = embedded.quarterlyWeights
        if scenario.accountsPath != nil {
            let usesOwn = accounts.sectors.allSatisfy { $0.baseQuarterValues != nil }
            if usesOwn {
                let sectorWeights: [QuarterlyWeights]
                do { sectorWeights = try accounts.sectorQuarterlyWeights(fallback: .equal) } catch {
                    throw SimulationError.invalidModel("\(scenario.accountsPath ?? "accounts"): the base-year quarterly values give no quarterly weights (\(error)); give four positive values for every line, or none")
                }
                // Total quarterly weights: value-weighted average of the sectors' own.
                weights = (0..<4).map { q in zip(accounts.baseYearShares, sectorWeights).reduce(0.0) { $0 + $1.0 * $1.1.weights[q] } }
            } else {
                weights = QuarterlyWeights.equal.weights
            }
        }
        let unitNote = loaded.map { table in
            table.unit.map { "; unit \($0), lever amounts in \(scenario.amountUnit)" }
                ?? "; table unit not stated (add a '# unit: billion VND' line): lever amounts taken in the table's units"
        } ?? ""
        let description = userFiles
            ? "table \(scenario.tablePath ?? "embedded Hanoi \(embedded.base.baseYear)"), accounts \(scenario.accountsPath ?? "embedded Hanoi \(embedded.base.planYear)")\(unitNote)"
            : embedded.base.summary
        var dataset = Dataset(table: table, accounts: accounts, hanoi: userFiles ? nil : embedded, quarterlyWeights: weights, description: description)
        dataset.tableUnit = loaded.map(\.unit) ?? Scenario.defaultAmountUnit
        dataset.notes = loaded?.warnings ?? []
        return dataset
    }

    /// Validates the scenario against the dataset and compiles it, part by part: parameters
    /// (`ParameterIndex`), the baseline model and the lines' baselines, levers, correlation,
    /// economy, baseline dynamics, targets. Each part is in its own file (ScenarioCompiler+*.swift).
    /// - Throws: `ScenarioError` for an invalid scenario, `SimulationError.invalidModel` for a
    ///   scenario the dataset cannot run (located), `internalInconsistency` for a bug.
    public static func compile(_ scenario: Scenario, dataset: Dataset) throws -> SimulationModel {
        let table = dataset.table, accounts = dataset.accounts
        let lines = accounts.sectors.map(\.name)
        let sampleAssumptions = dataset.hanoi != nil && scenario.datasetAssumptions == .sample
        let assumptionIDs = sampleAssumptions
            ? (dataset.hanoi?.assumptions.assumptions.map(\.id) ?? []) + (dataset.hanoi?.finalDemand?.assumptions.assumptions.map(\.id) ?? []) : []
        let copula = try scenario.validate(sectors: table.sectors, accountsLines: lines, assumptionIDs: assumptionIDs, accountsYear: accounts.year)
        let parameters = try ParameterIndex(scenario, dataset: dataset, sampleAssumptions: sampleAssumptions)
        let baselineModel = try Self.baselineModel(for: scenario, dataset: dataset)
        let baseline = try lineBaselines(scenario, dataset: dataset, model: baselineModel, parameters: parameters)
        let structure = try lineStructure(dataset)
        let levers = try levers(scenario, dataset: dataset, parameters: parameters)
        let correlation = try correlation(scenario, copula: copula, parameters: parameters)
        // The embedded derivation, built once: the per-draw kernel and the back-test's facts.
        let derivation = try dataset.hanoi.map { hanoi throws(DatasetError) in try hanoi.derivation() }
        let economy = try economy(scenario, dataset: dataset, derivation: derivation, parameters: parameters, sampleAssumptions: sampleAssumptions)
        var specifications = parameters.specifications
        let dynamics = try Self.baselineDynamics(
            model: baselineModel, scenario: scenario, dataset: dataset, parameters: &specifications,
            momentumVariance: Self.momentumVariance(scenario, lines: lines, shares: accounts.baseYearShares), lineBaselines: baseline)
        let targets = try targets(scenario, dataset: dataset, derivation: derivation)
        var model = try SimulationModel(
            sectors: table.sectors, lines: lines, groups: accounts.groups, groupOfLine: accounts.groupIndexOfSector,
            sectorOfLine: structure.sectorOfLine, taxLines: structure.taxLines, baseline: baseline,
            taxElasticity: try parameters.value(Scenario.taxElasticityParameterID, scenario.taxElasticity), levers: levers,
            exportsBaseline: try scenario.exportsBaseline.map { try parameters.value(Scenario.exportsParameterID, $0) },
            cpiBaseline: try scenario.cpiBaseline.map { try parameters.value(Scenario.consumerPricesParameterID, $0) },
            parameters: specifications, correlation: correlation, economy: economy, quarterlyWeights: dataset.quarterlyWeights,
            target: targets.grdp, exportsTarget: targets.exports, cpiCeiling: targets.cpiCeiling,
            actualQuarters: scenario.actualQuarters, publishedOutcome: targets.publishedOutcome, baselineDynamics: dynamics)
        model.finalDemand = try finalDemandLeakage(scenario, dataset: dataset, taxLines: structure.taxLines, parameters: parameters)
        model.netting = try netting(scenario, parameters: parameters)
        return model
    }
}
