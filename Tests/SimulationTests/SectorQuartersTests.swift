import Datasets
import Scenarios
import Testing
@testable import Simulation

/// Published sector quarters (`scenario.actual_sector_quarters`) condition the lines'
/// baselines and the total (BaselineDynamics, step 6): direction of the update, published GRDP
/// quarters still exact, and every table adding up.
@Suite("Published sector quarters")
struct SectorQuartersTests {
    /// 2025's first releases of Q1 (April 2025, grdp_history.csv).
    static let firstQuarter2025: [PublishedSectorQuarters] = [
        .init(aggregate: .agriculture, quarters: [3.09]), .init(aggregate: .industryConstruction, quarters: [5.54]),
        .init(aggregate: .services, quarters: [8.34]), .init(aggregate: .productTaxes, quarters: [4.69]),
    ]

    static func run(model: BaselineModel = .national, quarters: [Double] = [], sectors: [PublishedSectorQuarters] = []) throws -> RunResult {
        try BaselineForecastTests.run(model: model, quarters: quarters, sectors: sectors)
    }

    static func mean(_ r: RunResult, _ index: Int) -> Double { r.summary.outputs[index].moments.mean }
    static func groupMean(_ r: RunResult, _ group: String) throws -> Double {
        let g = try #require(r.model.groups.firstIndex(of: group))
        return mean(r, r.layout.groupContributions.lowerBound + g)
    }

    @Test("Tables add up and published GRDP quarters stay exact with sector quarters", arguments: [[Double](), [7.41, 8.13]])
    func addsUp(quarters: [Double]) throws {
        for model in [BaselineModel.national, .momentum] {
            let r = try Self.run(model: model, quarters: quarters, sectors: Self.firstQuarter2025)
            BaselineForecastTests.expectAddsUp(r)
            for (q, value) in quarters.enumerated() {
                let output = r.summary.outputs[r.layout.quarters.lowerBound + q]
                // Tolerance 1e-9: no draw moves a published GRDP quarter.
                #expect(abs(output.moments.mean - value) < 1e-9, "\(model)")
                #expect(output.moments.standardDeviation < 1e-9, "\(model)")
            }
            let noise = r.model.parameters.filter { $0.id.hasPrefix("baseline.model.sector_noise.") }.map(\.id)
            #expect(noise.count == 4)
            #expect(noise.contains("baseline.model.sector_noise.services.Q1"))
        }
    }

    /// With the GRDP's quarters fixed, a services quarter far above the model moves growth
    /// towards services and away from the other groups (the total stays where the GRDP's
    /// quarters put it, within 0.02 pp: Monte Carlo noise of the same draws); far below, the
    /// reverse.
    @Test("A strong services quarter moves growth towards services, the total held by the GRDP's quarters")
    func reallocation() throws {
        let grdp = [7.41, 8.13]
        let none = try Self.run(quarters: grdp)
        let high = try Self.run(quarters: grdp, sectors: [.init(aggregate: .services, quarters: [12])])
        let low = try Self.run(quarters: grdp, sectors: [.init(aggregate: .services, quarters: [4])])
        #expect(try Self.groupMean(high, "services") > Self.groupMean(none, "services"))
        #expect(try Self.groupMean(low, "services") < Self.groupMean(none, "services"))
        #expect(try Self.groupMean(high, "agriculture") < Self.groupMean(none, "agriculture"))
        for r in [high, low] { #expect(abs(Self.mean(r, r.layout.grdp) - Self.mean(none, none.layout.grdp)) < 0.02) }
    }

    /// Without the GRDP's quarters, sector quarters inform the total too: 2025's Q1 first
    /// releases of all four aggregates, each moved one point down, as published, and one
    /// point up, give increasing P(≥ target) and median growth.
    @Test("Sector quarters alone move the year in their direction")
    func direction() throws {
        func shifted(_ delta: Double) throws -> (Double, Double) {
            let r = try Self.run(sectors: Self.firstQuarter2025.map { .init(aggregate: $0.aggregate, quarters: $0.quarters.map { $0 + delta }) })
            return (try #require(r.summary.meetsTarget.probability), try #require(r.summary.outputs[r.layout.grdp].quantile(0.5)))
        }
        let (below, asPublished, above) = (try shifted(-1), try shifted(0), try shifted(1))
        #expect(below.0 < asPublished.0 && asPublished.0 < above.0)
        #expect(below.1 < asPublished.1 && asPublished.1 < above.1)
    }

    /// A user's table and accounts have no sector aggregates or history to condition on.
    @Test("Sector quarters on a scenario that cannot use them are an error")
    func parsing() throws {
        let text = """
            [scenario]
            name = "sectors"
            year = 2025
            draws = 1000
            [scenario.actual_sector_quarters]
            services = [8.34, 8.28]
            industry_construction = [5.54]
            """
        let scenario = try Scenario.parse(text, path: "sectors.toml")
        #expect(scenario.actualSectorQuarters == [.init(aggregate: .services, quarters: [8.34, 8.28]),
                                                  .init(aggregate: .industryConstruction, quarters: [5.54])])
        let model = try ScenarioCompiler.compile(scenario, dataset: try ScenarioCompiler.dataset(for: scenario))
        #expect(model.baselineDynamics?.sectorObservations.map(\.label) == ["services Q1", "services Q2", "industry_construction Q1"])
    }
}
