import Datasets
import Reporting
import Scenarios
import Simulation
import Testing

/// The run report's tables, table by table, on a small run of the embedded plan (central
/// assumptions, 4,096 draws, seed 11): the tables and their order, the rows each holds, and the
/// identities between their cells. Tolerance 1e-9: the cells are sums or one division of numbers
/// the run printed at full precision.
@Suite("Run report")
struct SimulationReportTests {
    static func run() throws -> (RunResult, Report) {
        var scenario = try Scenario.parse(HanoiDataset.embedded().defaultScenario, path: "embedded hanoi-2025-plan.toml")
        scenario.datasetAssumptions = .central
        let dataset = try ScenarioCompiler.dataset(for: scenario)
        let model = try ScenarioCompiler.compile(scenario, dataset: dataset)
        let result = try MonteCarloEngine.run(model: model, configuration: RunConfiguration(draws: 4096, seed: 11, sampling: .latinHypercube, threads: 2))
        return (result, SimulationReports.report(result, title: "test", datasetDescription: dataset.description, notes: ["a note"]))
    }

    static func number(_ cell: Cell) -> Double? {
        if case let .number(value, _) = cell { value } else { nil }
    }

    @Test("Tables in order, one row per line, group and lever, the notes at the inputs")
    func tables() throws {
        let (result, report) = try Self.run()
        let model = result.model
        #expect(report.tables.map(\.id) == ["sector_contributions", "levers", "lever_spending", "demand_side", "quarters", "gap", "other_targets", "parameters"])
        // lever_spending: one row per demand lever; spending = product taxes + local demand + leakage
        // in every row (1e-9 relative: the cells are the split's own sums).
        let spending = try #require(report.table(id: "lever_spending"))
        #expect(spending.rows.count == model.levers.filter { $0.effect.kind == .demand }.count)
        for row in spending.rows {
            let values = row[2...5].compactMap(Self.number)
            #expect(values.count == 4 && abs(values[0] - values[1] - values[2] - values[3]) <= 1e-9 * max(1, abs(values[0])))
        }
        let sectors = try #require(report.table(id: "sector_contributions"))
        #expect(sectors.rows.count == model.lines.count + model.groups.count + 1)
        let levers = try #require(report.table(id: "levers"))
        #expect(levers.rows.count == model.levers.count + 1)
        #expect(try #require(report.table(id: "parameters")).rows.count == model.parameters.count)
        #expect(try #require(report.table(id: "parameters")).notes.last == "a note")
        #expect(report.headline.first?.key == "Median GRDP growth %")
    }

    @Test("Gap: needed alone = growth + extra; quarters: each projected quarter needs its median plus the same extra")
    func neededIdentities() throws {
        let (_, report) = try Self.run()
        let gap = try #require(report.table(id: "gap"))
        for row in gap.rows {
            guard let growth = Self.number(row[2]), let needed = Self.number(row[3]), let extra = Self.number(row[4]) else { continue }
            #expect(abs(needed - (growth + extra)) <= 1e-9)
            #expect(extra >= 0)
        }
        let quarters = try #require(report.table(id: "quarters"))
        let extras = quarters.rows.compactMap { row -> Double? in
            guard let median = Self.number(row[4]), let needed = Self.number(row[6]) else { return nil }
            return needed - median
        }
        #expect(extras.count == 4)
        #expect(extras.allSatisfy { abs($0 - extras[0]) <= 1e-9 && $0 >= 0 })
    }
}
