import ArgumentParser
import Scenarios

/// `--actual Q1=7.41,Q2=8.13,services.Q1=8.57`: published growth of the first quarters of
/// the year, in order: the GRDP's (`Qn=`), and a sector aggregate's (`AGGREGATE.Qn=`, the
/// names of `scenario.actual_sector_quarters`).
struct PublishedQuarters: ExpressibleByArgument {
    let values: [Double]
    let sectors: [PublishedSectorQuarters]

    init?(argument: String) {
        guard let parsed = try? Self.parse(argument) else { return nil }
        self = parsed
    }

    init(values: [Double], sectors: [PublishedSectorQuarters]) {
        self.values = values
        self.sectors = sectors
    }

    /// The `transform` of `--actual`: a `ValidationError` (exit 64, ArgumentParser names the
    /// flag) saying what is wrong with the text.
    static func parse(_ argument: String) throws -> PublishedQuarters {
        var values: [Double] = []
        var sectors: [(SectorAggregate, [Double])] = []
        for item in argument.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw ValidationError("'\(item)' is not of the form Qn=growth; write e.g. \(defaultValueDescription)") }
            guard let value = Double(parts[1]), value.isFinite, abs(value) < 100 else {
                throw ValidationError("'\(parts[1])' for '\(parts[0])' is not a growth rate in % between -100 and 100")
            }
            let key = parts[0].split(separator: ".").map(String.init)
            if key.count == 1 {
                guard key[0].uppercased() == "Q\(values.count + 1)" else {
                    throw ValidationError("expected Q\(values.count + 1), got '\(parts[0])'; list the GRDP's quarters in order from Q1")
                }
                values.append(value)
            } else {
                guard key.count == 2, let aggregate = SectorAggregate(rawValue: key[0]) else {
                    throw ValidationError("'\(parts[0])' is neither Qn nor AGGREGATE.Qn; the aggregates are \(SectorAggregate.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let index = sectors.firstIndex { $0.0 == aggregate } ?? { sectors.append((aggregate, [])); return sectors.count - 1 }()
                guard key[1].uppercased() == "Q\(sectors[index].1.count + 1)" else {
                    throw ValidationError("expected \(aggregate.rawValue).Q\(sectors[index].1.count + 1), got '\(parts[0])'; list each aggregate's quarters in order from Q1")
                }
                sectors[index].1.append(value)
            }
        }
        guard !values.isEmpty || !sectors.isEmpty else { throw ValidationError("no quarter given; write e.g. \(defaultValueDescription)") }
        guard values.count <= Scenario.maximumActualQuarters, sectors.allSatisfy({ $0.1.count <= Scenario.maximumActualQuarters }) else {
            throw ValidationError("at most \(Scenario.maximumActualQuarters) quarters can be published before the year's end")
        }
        return PublishedQuarters(values: values, sectors: sectors.map { PublishedSectorQuarters(aggregate: $0.0, quarters: $0.1) })
    }

    /// Sets the scenario's published quarters: the GRDP's if given, and each aggregate given.
    func apply(to scenario: inout Scenario) {
        if !values.isEmpty { scenario.actualQuarters = values }
        for published in sectors {
            scenario.actualSectorQuarters.removeAll { $0.aggregate == published.aggregate }
            scenario.actualSectorQuarters.append(published)
        }
    }

    /// The canonical text of the published quarters (GRDP first, then each aggregate).
    var argument: String {
        (values.enumerated().map { "Q\($0.offset + 1)=\($0.element)" }
            + sectors.flatMap { published in published.quarters.enumerated().map { "\(published.aggregate.rawValue).Q\($0.offset + 1)=\($0.element)" } })
            .joined(separator: ",")
    }

    static var defaultValueDescription: String { "Q1=7.41,Q2=8.13,services.Q1=8.57" }
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
