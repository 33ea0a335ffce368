import ArgumentParser
import Datasets
import Forecasting
import ForecastStore
import Foundation
import Scenarios

/// `grdp history --year Y`: a year's recorded vintages, how the forecast moved, and once
/// the outcome is known each vintage's scores (docs/store.md).
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "A year's recorded forecasts (before Q1, Q1, H1, 9M), how P(≥ target) and the median moved, and their scores once the outcome is known.",
        discussion: """
            Reads the store written by 'grdp run --store' or 'grdp batch'. The outcome is --outcome when given, else the first \
            published full-year figure in the embedded history (Hanoi vintages only). Scores: docs/store.md.
            """)

    @Option(name: .customLong("store"), help: "The forecast store (SQLite).") var store: String = "forecasts.sqlite"
    @Option(help: "The forecast year.") var year: Int
    @Option(help: "The year's outcome (GRDP growth, %), when it is not in the embedded history or to score against another figure.")
    var outcome: Double?
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if let outcome, !outcome.isFinite || abs(outcome) >= 100 { throw ValidationError("--outcome must be a growth rate in percent, between -100 and 100") }
        if !(1900...2200).contains(year) { throw ValidationError("--year must be a calendar year, e.g. 2025") }
    }

    func run() throws {
        let opened = try ForecastStore(path: store, mustExist: true)
        let vintages = try opened.vintages(year: year)
        guard !vintages.isEmpty else { throw ForecastStoreError.noVintages(path: store, year: year) }
        let known: (value: Double, source: String)?
        if let outcome {
            known = (outcome, "--outcome")
        } else if vintages.allSatisfy({ $0.dataset == Scenario.defaultDataset }),
                  let release = GrowthHistory(facts: try HanoiDataset.embedded().publishedHistory()).firstRelease("Hanoi", year) {
            known = (release.value, "first release, published \(release.fact.date)")
        } else {
            known = nil
        }
        let report = VintageHistory.report(year: year, vintages: vintages, outcome: known, storePath: store)
        try outputOptions.emit(report, inputs: "the vintages in \(store)")
    }
}
