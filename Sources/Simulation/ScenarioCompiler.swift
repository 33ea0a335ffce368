import Datasets
import Forecasting
import Foundation
import Growth
import InputOutput
import LinearAlgebra
import Sampling
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
            let sectorWeights = try? accounts.sectorQuarterlyWeights(fallback: .equal)
            let usesOwn = accounts.sectors.allSatisfy { $0.baseQuarterValues != nil }
            if usesOwn, let sectorWeights {
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

    /// Validates the scenario against the dataset and compiles it.
    public static func compile(_ scenario: Scenario, dataset: Dataset) throws -> SimulationModel {
        let table = dataset.table, accounts = dataset.accounts
        let lines = accounts.sectors.map(\.name)
        let sampleAssumptions = dataset.hanoi != nil && scenario.datasetAssumptions == .sample
        let assumptionIDs = sampleAssumptions ? (dataset.hanoi?.assumptions.assumptions.map(\.id) ?? []) : []
        let copula = try scenario.validate(sectors: table.sectors, accountsLines: lines, assumptionIDs: assumptionIDs, accountsYear: accounts.year)
        let n = table.sectorCount

        // Parameters: the scenario's, then the dataset's assumptions.
        var parameters: [ParameterSpecification] = []
        var indexOfParameter: [String: Int] = [:]
        for p in scenario.uncertainParameters {
            guard case let .distribution(distribution) = p.value else { continue }
            indexOfParameter[p.id] = parameters.count
            parameters.append(ParameterSpecification(id: p.id, distribution: distribution))
        }
        var assumptionParameters: [(id: String, index: Int)] = []
        if sampleAssumptions, let hanoi = dataset.hanoi {
            for a in hanoi.assumptions.assumptions where a.high > a.low {
                let id = Scenario.assumptionPrefix + a.id
                indexOfParameter[id] = parameters.count
                assumptionParameters.append((a.id, parameters.count))
                parameters.append(ParameterSpecification(
                    id: id, distribution: try .triangular(lower: a.low, mode: a.central, upper: a.high)))
            }
        }
        // A sampled value is found by the id `Scenario.parameters` gave it; a constant (or a
        // distribution of the constant family) is held at its value.
        func value(_ id: String, _ uncertain: UncertainValue) throws -> ParameterValue {
            if uncertain.isConstant { return .constant(uncertain.mean) }
            guard let index = indexOfParameter[id] else {
                throw SimulationError.invalidModel("internal: the uncertain value '\(id)' is not among the sampled parameters")
            }
            return .parameter(index)
        }

        // Lines: baseline growth, sector and group. An estimated baseline re-centres the
        // lines on its total, so a line without a [baseline] entry deviates by 0 from it; the
        // embedded accounts' growth column holds the published outcome of the year itself
        // and is never a baseline (it would look ahead).
        let baselineModel = try Self.baselineModel(for: scenario, dataset: dataset)
        var baseline: [ParameterValue] = []
        for (i, line) in lines.enumerated() {
            if let entry = scenario.baseline.first(where: { $0.accountsLine == line }) {
                baseline.append(try value(Scenario.baselineParameterID(line), entry.value))
            } else if baselineModel.isEstimated {
                baseline.append(.constant(0))
            } else if dataset.hanoi != nil {
                throw SimulationError.invalidModel(
                    "\(scenario.path): baseline_model = \"momentum\" needs `\(line) = ...` in [baseline]; the embedded accounts hold the published outcome of \((scenario.year ?? accounts.year).map(String.init) ?? "the year"), which a forecast must not use — add the line, or use baseline_model = \"\(BaselineModel.default.rawValue)\"")
            } else if let growth = accounts.sectors[i].growth {
                baseline.append(.constant(growth))
            } else {
                throw SimulationError.invalidModel(
                    "accounts line '\(line)' has no baseline growth: add `\(line) = ...` to [baseline] in \(scenario.path) or a growth column to the accounts")
            }
        }
        let sectorOfLine = lines.map { table.sectors.firstIndex(of: $0) }
        for (j, sector) in table.sectors.enumerated() where !lines.contains(sector) {
            throw SimulationError.invalidModel("table sector '\(sector)' (column \(j + 1)) has no line in the accounts; the accounts must list every sector of the table")
        }
        let taxLines = accounts.sectors.indices.filter { accounts.sectors[$0].group == "taxes" }

        // Levers. Demand amounts are stated in `amountUnit`; the direction carries the factor to table units.
        func sector(_ name: String) -> Int { table.sectors.firstIndex(of: name) ?? 0 }
        let amountToTable = try amountConversion(scenario, dataset: dataset)
        var levers: [SimulationLever] = []
        for lever in scenario.levers {
            func leverValue(_ field: String, _ uncertain: UncertainValue) throws -> ParameterValue {
                try value(Scenario.leverParameterID(lever.id, field), uncertain)
            }
            let effect: SimulationLever.Effect
            var category = "supply"
            switch lever.kind {
            case let .demand(demandCategory, weights, amount, exportsPP):
                var direction = [Double](repeating: 0, count: n)
                for (name, weight) in weights { direction[sector(name)] += weight * amountToTable }
                effect = .demand(direction: direction, amount: try leverValue("amount", amount),
                                 exportsGrowthPP: try exportsPP.map { try leverValue("exports_growth_pp", $0) })
                category = demandCategory.rawValue
            case let .growth(name, shift):
                effect = .growthShift(sector: sector(name), shift: try leverValue("shift", shift))
            case let .localSourcing(supplier, buyers, increase):
                effect = .localSourcing(supplier: sector(supplier), buyers: (buyers ?? table.sectors).map(sector),
                                        increase: try leverValue("increase", increase))
            case let .costShock(name, change):
                effect = .costShock(sector: sector(name), priceChange: try leverValue("price_change", change))
            }
            levers.append(SimulationLever(id: lever.id, name: lever.name, category: category, effect: effect, quarters: lever.quarters))
        }

        // Correlation.
        var correlation: (indices: [Int], copula: GaussianCopula)?
        if let spec = scenario.correlation, let copula {
            let indices = try spec.parameters.map { id in
                guard let index = indexOfParameter[id] else {
                    throw SimulationError.invalidModel("correlated parameter '\(id)' is not sampled in this run")
                }
                return index
            }
            correlation = (indices, copula)
        }

        // The embedded derivation, built once: the per-draw kernel and the back-test's facts.
        let derivation = try dataset.hanoi.map { hanoi throws(DatasetError) in try hanoi.derivation() }
        let economy: EconomySource
        if sampleAssumptions, let hanoi = dataset.hanoi, let derivation {
            economy = .hanoi(try HanoiEconomyKernel(derivation: derivation), central: try hanoi.assumptions.centralParameters(),
                             assumptionParameters: assumptionParameters)
        } else {
            economy = .fixed(try InputOutputError.at(scenario.tablePath ?? "embedded Hanoi 2024 table") { try EconomyCoefficients(table: table) },
                             shares: accounts.baseYearShares)
        }
        let dynamics = try Self.baselineDynamics(
            model: baselineModel, scenario: scenario, dataset: dataset, parameters: &parameters,
            momentumVariance: Self.momentumVariance(scenario, lines: lines, shares: accounts.baseYearShares), lineBaselines: baseline)
        guard let target = scenario.target ?? accounts.grdpTarget else {
            throw SimulationError.invalidModel("no GRDP target: set `target` in [scenario] of \(scenario.path) or grdp_target in the accounts")
        }
        let targets = dataset.hanoi?.targets ?? []
        // Back-test: the published growth of the simulated year, for the embedded dataset.
        var published: Double?
        if let derivation, let year = scenario.year ?? accounts.year {
            published = try? derivation.facts.value("Hanoi", year, "FY", "grdp_growth", "total")
        }
        return try SimulationModel(
            sectors: table.sectors, lines: lines, groups: accounts.groups, groupOfLine: accounts.groupIndexOfSector,
            sectorOfLine: sectorOfLine, taxLines: taxLines, baseline: baseline,
            taxElasticity: try value(Scenario.taxElasticityParameterID, scenario.taxElasticity), levers: levers,
            exportsBaseline: try scenario.exportsBaseline.map { try value(Scenario.exportsParameterID, $0) },
            cpiBaseline: try scenario.cpiBaseline.map { try value(Scenario.consumerPricesParameterID, $0) },
            parameters: parameters, correlation: correlation, economy: economy, quarterlyWeights: dataset.quarterlyWeights,
            target: target,
            exportsTarget: scenario.exportsBaseline == nil ? nil : targets.first { $0.indicator == "export_growth" }?.target,
            cpiCeiling: scenario.cpiBaseline == nil ? nil : targets.first { $0.indicator == "cpi" }?.target,
            actualQuarters: scenario.actualQuarters, publishedOutcome: published, baselineDynamics: dynamics)
    }
}

extension ScenarioCompiler {
    /// The factor that turns a demand lever's amount (in the scenario's `amount_unit`,
    /// billion VND by default) into the table's unit: a power of ten between units of
    /// the same currency (`MonetaryUnit`), 1 when the table states no unit (amounts are
    /// then taken in the table's units, which `dataset` notes).
    /// - Throws: `invalidModel` when the amount unit is not a money unit, or the two
    ///   units cannot be converted; the message names both.
    static func amountConversion(_ scenario: Scenario, dataset: Dataset) throws -> Double {
        let hasDemandLever = scenario.levers.contains { if case .demand = $0.kind { true } else { false } }
        guard MonetaryUnit(scenario.amountUnit) != nil else {
            throw SimulationError.invalidModel("\(scenario.path): scenario.amount_unit '\(scenario.amountUnit)' is not a money unit; write e.g. \"billion VND\" or \"million VND\"")
        }
        guard hasDemandLever, let tableUnit = dataset.tableUnit else { return 1 }
        do {
            return try MonetaryUnit.conversion(from: scenario.amountUnit, "\(scenario.path): lever amounts (scenario.amount_unit)",
                                               to: tableUnit, "the table \(scenario.tablePath ?? "embedded Hanoi 2024")")
        } catch {
            throw SimulationError.invalidModel(error.description)
        }
    }
}
