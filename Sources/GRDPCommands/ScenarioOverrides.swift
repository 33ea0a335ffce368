import ArgumentParser
import Scenarios

/// `--actual Q1=7.41,Q2=8.13`: published GRDP growth of the first quarters of the year, in order.
struct PublishedQuarters: ExpressibleByArgument {
    let values: [Double]

    init?(argument: String) {
        var values: [Double] = []
        for (index, item) in argument.split(separator: ",").enumerated() {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, parts[0].uppercased() == "Q\(index + 1)", let value = Double(parts[1]), value.isFinite,
                  abs(value) < 100 else { return nil }
            values.append(value)
        }
        guard !values.isEmpty, values.count <= Scenario.maximumActualQuarters else { return nil }
        self.values = values
    }

    static var defaultValueDescription: String { "Q1=7.41,Q2=8.13" }
}

extension BaselineModel: ExpressibleByArgument {}

/// `--set KEY=VALUE`: an input of the scenario replaced from the command line. Supported:
/// `national.growth` (Vietnam's GDP growth forecast, %).
struct ScenarioSetting: ExpressibleByArgument {
    static let keys = ["national.growth"]
    let key: String
    let value: Double

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, Self.keys.contains(parts[0]), let value = Double(parts[1]), value.isFinite, abs(value) < 30 else { return nil }
        key = parts[0]
        self.value = value
    }

    func apply(to scenario: inout Scenario) throws {
        switch key {
        case "national.growth": scenario.nationalGrowth = value
        default: throw ValidationError("--set \(key): unknown key; use one of \(Self.keys.joined(separator: ", "))")
        }
    }

    static var defaultValueDescription: String { "national.growth=7.5" }
}
