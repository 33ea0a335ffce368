import Foundation
import Testing

/// `grdp backtest` and the forecast options of `grdp run`, end to end.
@Suite("Forecast commands")
struct ForecastCommandTests {
    @Test("grdp backtest writes its tables in JSON and CSV")
    func backtestFormats() throws {
        let json = try GRDPBinary.run(["backtest", "--annual-only", "--format", "json"])
        #expect(json.status == 0, "\(json.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8))
        #expect(json.standardOutput.contains("backtest_summary"))
        #expect(object is [String: Any])
        let csv = try GRDPBinary.run(["backtest", "--format", "csv"])
        #expect(csv.status == 0)
        for origin in ["annual", "Q1", "H1", "9M"] { #expect(csv.standardOutput.contains("\n\(origin),national,")) }
    }

    @Test("grdp run conditions on --actual and moves the national factor with --set")
    func runOptions() throws {
        let plain = try GRDPBinary.run(["run", "--draws", "4096", "--format", "csv"])
        let actual = try GRDPBinary.run(["run", "--draws", "4096", "--actual", "Q1=7.41,Q2=8.13"])
        let national = try GRDPBinary.run(["run", "--draws", "4096", "--set", "national.growth=7.0", "--baseline-model", "national"])
        let sectors = try GRDPBinary.run(["run", "--draws", "4096", "--actual", "Q1=7.41,services.Q1=8.34,industry_construction.Q1=5.54"])
        for outcome in [plain, actual, national, sectors] { #expect(outcome.status == 0, "\(outcome.standardError)") }
        #expect(actual.standardOutput.contains("conditioned on the published quarters 7.41, 8.13"))
        #expect(sectors.standardOutput.contains("conditioned on the published sector quarters services Q1 8.34, industry_construction Q1 5.54"))
        #expect(national.standardOutput.contains("national growth 7.0% as given"))
    }

    /// A range with no year the history supports is bad input (exit 1), not an empty table.
    @Test("A back-test range without history is one error line")
    func backtestWithoutHistory() throws {
        let outcome = try GRDPBinary.run(["backtest", "--from", "1900", "--to", "1901"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.split(separator: "\n").count == 1)
        #expect(outcome.standardError.contains("--from 1900 --to 1901: no year in this range can be back-tested"))
    }

    @Test("Malformed forecast options are one line and exit 64", arguments: [
        ["run", "--actual", "Q2=7.4"], ["run", "--actual", "Q1=7.4,Q2=x"], ["run", "--set", "national.growth=seven"],
        ["run", "--actual", "services.Q2=8.3"], ["run", "--actual", "servics.Q1=8.3"], ["run", "--actual", "services.Q1=8,services.Q2=8,services.Q3=8,services.Q4=8"],
        ["run", "--baseline-model", "trend"], ["backtest", "--from", "2025", "--to", "2020"],
    ])
    func badOptions(arguments: [String]) throws {
        let outcome = try GRDPBinary.run(arguments)
        #expect(outcome.status == 64, "\(arguments): \(outcome.standardError)")
        #expect(!outcome.standardError.isEmpty)
    }

    /// A user's table and accounts with published quarters are conditioned like the embedded
    /// dataset (momentum, with Hanoi's σ_η stated as an assumption), so every table still adds
    /// up: the groups' mean contributions sum to the GRDP mean (tolerance 1e-9 pp: the CSV holds
    /// full precision; means are linear).
    @Test("Published quarters on a user's dataset keep the tables adding up")
    func userDatasetQuarters() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grdp-user-quarters-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try GRDPBinary.run(["data", "export", directory.path]).status == 0)
        let scenario = directory.appendingPathComponent("quarters.toml")
        try """
            [scenario]
            name = "user quarters"
            accounts = "hanoi_accounts_2025.csv"
            table = "hanoi_io_2024.csv"
            draws = 2000
            actual_quarters = [7.41, 8.13]
            [baseline]
            other_services = { dist = "normal", mean = 7.0, sd = 1 }
            """.write(to: scenario, atomically: true, encoding: .utf8)
        let text = try GRDPBinary.run(["run", scenario.path])
        #expect(text.status == 0, "\(text.standardError)")
        #expect(text.standardOutput.contains("conditioned on the published quarters 7.41, 8.13"))
        #expect(text.standardOutput.contains("the quarter noise of this dataset is an assumption"))
        let csv = try GRDPBinary.run(["run", scenario.path, "--format", "csv"])
        let rows = csv.standardOutput.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        // Sector table rows: sector, group, growth P50, mean pp, P5, P50, P95; groups are "= NAME,group,…".
        let groups = rows.filter { $0.count == 7 && $0[0].hasPrefix("= ") && $0[1] == "group" }.compactMap { Double($0[3]) }
        let grdp = try #require(rows.first { $0.count == 7 && $0[0] == "GRDP" }.flatMap { Double($0[3]) })
        #expect(groups.count == 5)
        #expect(abs(groups.reduce(0, +) - grdp) < 1e-9, "\(groups) vs \(grdp)")
    }
}
