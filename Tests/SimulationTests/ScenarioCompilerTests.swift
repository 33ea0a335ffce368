import Datasets
import Sampling
import Scenarios
import Testing
@testable import Simulation

/// `ScenarioCompiler.compile`, part by part, on the embedded Hanoi 2025 plan: the parameters'
/// order, the levers' and the copula's indices into the draw, the economy, the targets, and the
/// typed, located errors that replace silent defaults. Exact comparisons: every expected value is
/// an index, an id or a figure copied from the dataset (no arithmetic, no tolerance).
@Suite("Scenario compiler")
struct ScenarioCompilerTests {
    static func plan() throws -> Scenario {
        try Scenario.parse(HanoiDataset.embedded().defaultScenario, path: "embedded hanoi-2025-plan.toml")
    }

    static func compile(_ scenario: Scenario) throws -> SimulationModel {
        try ScenarioCompiler.compile(scenario, dataset: try ScenarioCompiler.dataset(for: scenario))
    }

    static func indices(_ value: ParameterValue?) -> [Int] {
        if case let .parameter(index)? = value { [index] } else { [] }
    }

    @Test("Parameters: the scenario's sampled values in their documented order, then the dataset's assumptions, then the baseline model's")
    func parameterOrder() throws {
        let scenario = try Self.plan()
        let model = try Self.compile(scenario)
        let scenarioIDs = scenario.uncertainParameters.filter { !$0.value.isConstant }.map(\.id)
        let ids = model.parameters.map(\.id)
        #expect(Array(ids.prefix(scenarioIDs.count)) == scenarioIDs)
        let rest = ids.dropFirst(scenarioIDs.count)
        let assumptions = rest.prefix { $0.hasPrefix(Scenario.assumptionPrefix) }
        #expect(!assumptions.isEmpty)
        let hanoi = try HanoiDataset.embedded()
        let expectedAssumptions = (hanoi.assumptions.assumptions + (hanoi.finalDemand?.assumptions.assumptions ?? []))
            .filter { $0.high > $0.low }.map { Scenario.assumptionPrefix + $0.id }
        #expect(Array(assumptions) == expectedAssumptions)
        #expect(rest.dropFirst(assumptions.count).allSatisfy { $0.hasPrefix("baseline.model.") || $0 == ScenarioCompiler.BaselineParameterID.nationalGrowth })
        #expect(Set(ids).count == ids.count, "a parameter id appears twice")
    }

    @Test("Levers, baselines and the copula point at the parameters that carry their ids")
    func indicesIntoTheDraw() throws {
        let scenario = try Self.plan()
        let model = try Self.compile(scenario)
        #expect(model.levers.map(\.id) == scenario.levers.map(\.id))
        for (lever, compiled) in zip(scenario.levers, model.levers) {
            let values: [(field: String, value: ParameterValue?)] = switch compiled.effect {
            case let .demand(_, amount, exports): [("amount", amount), ("exports_growth_pp", exports)]
            case let .growthShift(_, shift): [("shift", shift)]
            case let .localSourcing(_, _, increase): [("increase", increase)]
            case let .costShock(_, change): [("price_change", change)]
            }
            for (field, value) in values {
                for index in Self.indices(value) { #expect(model.parameters[index].id == Scenario.leverParameterID(lever.id, field)) }
            }
        }
        for (line, value) in zip(model.lines, model.baseline) {
            for index in Self.indices(value) { #expect(model.parameters[index].id == Scenario.baselineParameterID(line)) }
        }
        let correlation = try #require(model.correlation)
        let spec = try #require(scenario.correlation)
        #expect(correlation.indices.map { model.parameters[$0].id } == spec.parameters)
    }

    @Test("Economy: the per-draw Hanoi kernel when assumptions are sampled, the fixed table at their central values")
    func economy() throws {
        var scenario = try Self.plan()
        guard case let .sampled(_, assumptionParameters) = try Self.compile(scenario).economy else {
            Issue.record("sampled assumptions must compile to the Hanoi kernel")
            return
        }
        #expect(!assumptionParameters.isEmpty)
        scenario.datasetAssumptions = .central
        let central = try Self.compile(scenario)
        guard case .fixed = central.economy else {
            Issue.record("central assumptions must compile to the fixed table")
            return
        }
        #expect(!central.parameters.contains { $0.id.hasPrefix(Scenario.assumptionPrefix) })
    }

    /// Expected figures: the plan's target (8.0 in the scenario), the dataset's plan targets for
    /// exports (7) and CPI (5), and Hanoi's published 2025 growth (8.16, grdp_facts.csv).
    @Test("Targets: GRDP, exports, CPI and the published outcome of the year")
    func targets() throws {
        let model = try Self.compile(try Self.plan())
        #expect(model.target == 8.0)
        #expect(model.exportsTarget == 7)
        #expect(model.cpiCeiling == 5)
        #expect(model.publishedOutcome == 8.16)
    }

    @Test("A momentum baseline without a [baseline] line is a located error, not a baseline of 0")
    func momentumNeedsBaselineLines() throws {
        var scenario = try Scenario.parse("""
            [scenario]
            name = "no baseline"
            year = 2025
            draws = 1000
            baseline_model = "momentum"
            """, path: "momentum.toml")
        scenario.datasetAssumptions = .central
        do {
            _ = try Self.compile(scenario)
            Issue.record("compiled a momentum baseline without lines")
        } catch let error as SimulationError {
            guard case let .invalidModel(message) = error else { Issue.record("\(error)"); return }
            #expect(message.contains("momentum.toml"))
            #expect(message.contains("[baseline]"))
        }
    }

    @Test("A value without a sampled parameter is an internal inconsistency (exit 70), a constant is held")
    func parameterIndexValue() throws {
        let scenario = try Self.plan()
        let index = try ScenarioCompiler.ParameterIndex(scenario, dataset: try ScenarioCompiler.dataset(for: scenario), sampleAssumptions: false)
        #expect(try index.value("x", .constant(2.5)) == .constant(2.5))
        let normal = UncertainValue.distribution(try .normal(mean: 1, standardDeviation: 1))
        do {
            _ = try index.value("nowhere", normal)
            Issue.record("a value without its parameter compiled")
        } catch let error as SimulationError {
            #expect(error == .internalInconsistency("the uncertain value 'nowhere' is not among the sampled parameters"))
        }
        let first = try #require(index.specifications.first)
        #expect(try index.value(first.id, .distribution(first.distribution)) == .parameter(0))
    }
}
