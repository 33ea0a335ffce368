import Scenarios

extension ScenarioCompiler {
    /// How the accounts' lines sit on the table: the table sector of each line (nil for a line
    /// the table does not hold, such as taxes) and the lines of the `taxes` group.
    struct LineStructure {
        let sectorOfLine: [Int?]
        let taxLines: [Int]
    }

    /// Each accounts line's baseline growth: its `[baseline]` entry; else 0 around an estimated
    /// baseline (which re-centres the lines on its total); else the user's accounts' growth
    /// column. The embedded accounts' growth column holds the published outcome of the year
    /// itself and is never a baseline (it would look ahead). O(lines · baseline entries).
    /// - Throws: `invalidModel` naming the line and the file to fix.
    static func lineBaselines(
        _ scenario: Scenario, dataset: Dataset, model: BaselineModel, parameters: ParameterIndex
    ) throws -> [ParameterValue] {
        let accounts = dataset.accounts
        var baseline: [ParameterValue] = []
        for (i, line) in accounts.sectors.map(\.name).enumerated() {
            if let entry = scenario.baseline.first(where: { $0.accountsLine == line }) {
                baseline.append(try parameters.value(Scenario.baselineParameterID(line), entry.value))
            } else if model.isEstimated {
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
        return baseline
    }

    /// The lines' table sectors and tax lines. O(lines · sectors).
    /// - Throws: `invalidModel` when a table sector has no accounts line (named with its column).
    static func lineStructure(_ dataset: Dataset) throws -> LineStructure {
        let table = dataset.table, accounts = dataset.accounts
        let lines = accounts.sectors.map(\.name)
        for (j, sector) in table.sectors.enumerated() where !lines.contains(sector) {
            throw SimulationError.invalidModel("table sector '\(sector)' (column \(j + 1)) has no line in the accounts; the accounts must list every sector of the table")
        }
        return LineStructure(sectorOfLine: lines.map { table.sectors.firstIndex(of: $0) },
                             taxLines: accounts.sectors.indices.filter { accounts.sectors[$0].group == "taxes" })
    }
}
