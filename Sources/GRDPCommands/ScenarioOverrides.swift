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

/// `--set KEY=VALUE`: any key of the scenario document replaced or added from the command
/// line, with TOML value syntax (`levers.tourism_visitors.amount.mean=12000`,
/// `scenario.baseline_model="local"`, the short names `national.growth=7.5`, `baseline.model="local"`,
/// `target.growth=8.5`). The text is checked here (a bad one is a usage error, exit 64); the
/// value is laid over the document before the scenario is read, so every check of the scenario
/// applies to it and names `--set KEY` (exit 1).
struct ScenarioSetting {
    let override: ScenarioOverride

    static func parse(_ argument: String) throws -> ScenarioSetting {
        do throws(ScenarioError) {
            return ScenarioSetting(override: try ScenarioOverride(argument))
        } catch {
            throw ValidationError(CommandLineArguments.oneLine(error.description))
        }
    }

    static let help = ArgumentHelp(
        "Set any key of the scenario, KEY=VALUE in TOML (repeatable), e.g. levers.tourism_visitors.amount.mean=12000, national.growth=7.5, baseline.model='\"local\"'.",
        valueName: "key=value")
}

extension [ScenarioSetting] {
    var overrides: [ScenarioOverride] { map(\.override) }
}
