import Datasets
import Scenarios

extension ScenarioCompiler {
    /// The run's targets: GRDP growth (the scenario's `target`, else the accounts'), the export
    /// growth target and the CPI ceiling of the embedded plan (when the scenario simulates
    /// them), and the published outcome of the simulated year for the back-test line.
    struct Targets {
        let grdp: Double
        let exports: Double?
        let cpiCeiling: Double?
        let publishedOutcome: Double?
    }

    /// - Throws: `invalidModel` without a GRDP target (names the key to set); a `DatasetError`
    ///   when the published outcome of the year is present but not a number. A year whose
    ///   outcome is not yet published has none (nil), which is not an error.
    static func targets(_ scenario: Scenario, dataset: Dataset, derivation: HanoiTableDerivation?) throws -> Targets {
        let accounts = dataset.accounts
        guard let target = scenario.target ?? accounts.grdpTarget else {
            throw SimulationError.invalidModel("no GRDP target: set `target` in [scenario] of \(scenario.path) or grdp_target in the accounts")
        }
        let plan = dataset.hanoi?.targets ?? []
        var published: Double?
        if let derivation, let year = scenario.year ?? accounts.year {
            published = try publishedGrowth(derivation.facts, year: year)
        }
        return Targets(
            grdp: target,
            exports: scenario.exportsBaseline == nil ? nil : plan.first { $0.indicator == "export_growth" }?.target,
            cpiCeiling: scenario.cpiBaseline == nil ? nil : plan.first { $0.indicator == "cpi" }?.target,
            publishedOutcome: published)
    }

    /// Hanoi's published GRDP growth of `year`, nil when it is not (yet) published.
    /// - Throws: the `DatasetError` of a figure that is present but not a number.
    static func publishedGrowth(_ facts: PublishedFacts, year: Int) throws(DatasetError) -> Double? {
        guard (try? facts.fact("Hanoi", year, "FY", "grdp_growth", "total")) != nil else { return nil }
        return try facts.value("Hanoi", year, "FY", "grdp_growth", "total")
    }
}
