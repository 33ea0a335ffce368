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
        for outcome in [plain, actual, national] { #expect(outcome.status == 0, "\(outcome.standardError)") }
        #expect(actual.standardOutput.contains("conditioned on the published quarters 7.41, 8.13"))
        #expect(national.standardOutput.contains("national growth 7.0% as given"))
    }

    @Test("Malformed forecast options are one line and exit 64", arguments: [
        ["run", "--actual", "Q2=7.4"], ["run", "--actual", "Q1=7.4,Q2=x"], ["run", "--set", "national.growth=seven"],
        ["run", "--baseline-model", "trend"], ["backtest", "--from", "2025", "--to", "2020"],
    ])
    func badOptions(arguments: [String]) throws {
        let outcome = try GRDPBinary.run(arguments)
        #expect(outcome.status == 64, "\(arguments): \(outcome.standardError)")
        #expect(!outcome.standardError.isEmpty)
    }
}
